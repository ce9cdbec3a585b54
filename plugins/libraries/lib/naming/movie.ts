// Movie path parsing: title and year (from the file or its folder), provider ids, Plex edition, Jellyfin
// version label, multi-part stack number, 3D format and `.disc` stubs.
import { stripVideoExtension } from './file-types';
import { matchStack, partNumber } from './movie-stack';
import { lastSegmentStart, splitPath } from './path-parts';
import { extractProviderIds, type ProviderIds } from './provider-ids';
import { isDotted, splitTitleYear, stripLeadingTags } from './release-name';

export { stackNameOf } from './movie-stack';

/** 3D layout: half/full side-by-side, half/full top-and-bottom, MVC, or just "3D". */
export type ThreeDFormat = 'hsbs' | 'fsbs' | 'htab' | 'ftab' | 'mvc' | '3d';

/** What a movie's path says about it. Absent fields were not found. */
export interface ParsedMovie {
  /** Cleaned title (release noise removed, dots/underscores as spaces). */
  title: string;
  year?: number;
  providerIds: ProviderIds;
  /** Plex edition from `{edition-…}`. */
  edition?: string;
  /** Jellyfin version label: the text after `<folder name> - ` (`2160p`, `Directors Cut`). */
  versionLabel?: string;
  /** Stack part (`cd1`, `part2`, `disc a` → 1-based number). */
  part?: number;
  threeD?: ThreeDFormat;
  /** True for `.disc` stub files that stand for an offline disc. */
  stub?: boolean;
}

interface NameInfo {
  title: string;
  year?: number;
  ids: ProviderIds;
  edition?: string;
  part?: number;
  threeD?: ThreeDFormat;
}

const DISC_FOLDERS = new Set(['video_ts', 'audio_ts', 'bdmv', 'stream', 'playlist', 'clipinf', 'backup']);
const GENERIC_NAME =
  /^(?:movie|video|film|feature|main|main feature|index|video ts|vts \d+ \d+|title ?t?\d+|\d+)$/i;
const EDITION = /\{\s*edition\s*[-=]\s*([^}]+)\}/i;
// A whole token the loop in threeDFormatOf could answer to; text without one has no 3D format.
const MAYBE_THREE_D =
  /(?:^|[\s._\-()[\]{}])(?:[hf]sbs|[hf]tab|mvc|sbs3d|sbs|tab|ou|3d)(?=$|[\s._\-()[\]{}])/i;
const THREE_D_TOKENS: Record<string, ThreeDFormat> = {
  hsbs: 'hsbs',
  fsbs: 'fsbs',
  htab: 'htab',
  ftab: 'ftab',
  mvc: 'mvc',
  sbs3d: 'hsbs',
};

/**
 * Parses a movie file path relative to the library root. The folder name wins over the file name when
 * the file name is generic (`movie.mkv`, `VIDEO_TS.IFO`), names a version of the folder, repeats the
 * folder's title, or agrees with the folder's year; disc-structure folders (`BDMV`, `VIDEO_TS`) are skipped.
 */
export function parseMovie(pathRelativeToRoot: string): ParsedMovie {
  // A plain path is read in place; any other is split first.
  const at = lastSegmentStart(pathRelativeToRoot);
  const segments = at < 0 ? splitPath(pathRelativeToRoot) : undefined;
  const fileName = segments ? (segments[segments.length - 1] ?? '') : pathRelativeToRoot.slice(at);
  const base = stripVideoExtension(fileName);
  const folderName = segments
    ? movieFolderName(segments, segments.length - 1)
    : movieFolderBefore(pathRelativeToRoot, at);
  const file = parseMovieName(base);
  const folder = folderName === undefined ? undefined : parseMovieName(folderName);
  const versionLabel =
    folderName !== undefined && file.part === undefined ? versionLabelOf(base, folderName) : undefined;
  const useFolder =
    folder !== undefined &&
    folder.title !== '' &&
    (versionLabel !== undefined || prefersFolder(file, folder));
  // A folder that is not this movie's own (a collection, a person) must not lend it ids or an edition.
  const own = useFolder ? folder : undefined;
  // Built key by key (absent values left out) in the order callers have always seen.
  const parsed = { title: own?.title || file.title || base } as ParsedMovie;
  const year = own?.year ?? file.year;
  if (year !== undefined) parsed.year = year;
  parsed.providerIds = own && hasKeys(own.ids) ? { ...own.ids, ...file.ids } : file.ids;
  const edition = file.edition ?? own?.edition;
  if (edition !== undefined) parsed.edition = edition;
  if (versionLabel !== undefined) parsed.versionLabel = versionLabel;
  if (file.part !== undefined) parsed.part = file.part;
  const threeD = file.threeD ?? own?.threeD;
  if (threeD !== undefined) parsed.threeD = threeD;
  // The stripped extension is `.disc` exactly when the file is a stub (one reading of the extension).
  if (base.length === fileName.length - 5 && fileName.slice(-5).toLowerCase() === '.disc') parsed.stub = true;
  return parsed;
}

function hasKeys(ids: ProviderIds): boolean {
  for (const _ in ids) return true;
  return false;
}

/** The nearest of the first `count` segments that is not a disc-structure folder. */
function movieFolderName(folders: string[], count: number): string | undefined {
  for (let i = count - 1; i >= 0; i--) if (!isDiscFolder(folders[i])) return folders[i];
  return undefined;
}

/** {@link movieFolderName} of the folders of a plain path whose file name starts at `at` (see `lastSegmentStart`). */
export function movieFolderBefore(path: string, at: number): string | undefined {
  for (let end = at - 1; end > 0; ) {
    const start = path.lastIndexOf('/', end - 1) + 1;
    const folder = path.slice(start, end);
    if (!isDiscFolder(folder)) return folder;
    end = start - 1;
  }
  return undefined;
}

/** A disc-structure folder (`BDMV`, `VIDEO_TS`, `STREAM`…), which names no movie. */
export function isDiscFolder(name: string): boolean {
  // Their names are 4 to 8 characters long (lower-casing keeps a name's length or adds non-ASCII).
  return name.length >= 4 && name.length <= 8 && DISC_FOLDERS.has(name.toLowerCase());
}

export function prefersFolder(file: NameInfo, folder: NameInfo): boolean {
  // The cheap tests first: any of them decides.
  if (
    file.title === '' ||
    (folder.year !== undefined && (file.year === undefined || file.year === folder.year))
  ) {
    return true;
  }
  if (GENERIC_NAME.test(file.title)) return true;
  const folderTitle = comparable(folder.title);
  // `Blade.Runner.2049.mkv` in `Blade Runner 2049 (2017)`: the file's "year" is part of the folder's title.
  return comparable(file.title) === folderTitle || comparable(`${file.title}${file.year}`) === folderTitle;
}

function comparable(title: string): string {
  return title.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

// Jellyfin: a version file starts with the exact folder name, then `-` (or `_`) and a free label.
export function versionLabelOf(base: string, folderName: string): string | undefined {
  if (!startsWithIgnoringCase(base, folderName)) return undefined;
  const rest = base.slice(folderName.length).trim();
  if (!/^[-_]/.test(rest)) return undefined;
  const label = rest
    .slice(1)
    .trim()
    .replace(/^\[(.*)\]$/, '$1')
    .trim();
  return label === '' ? undefined : label;
}

/** `text.toLowerCase().startsWith(prefix.toLowerCase())`, compared in place while both are ASCII. */
export function startsWithIgnoringCase(text: string, prefix: string): boolean {
  for (let i = 0; i < prefix.length; i++) {
    // Past the end of an ASCII text: its lower-case form is as long, shorter than the prefix's.
    if (i === text.length) return false;
    const a = text.charCodeAt(i);
    const b = prefix.charCodeAt(i);
    if (a >= 128 || b >= 128) return text.toLowerCase().startsWith(prefix.toLowerCase());
    if (a !== b && (a >= 65 && a <= 90 ? a + 32 : a) !== (b >= 65 && b <= 90 ? b + 32 : b)) return false;
  }
  return true;
}

export function parseMovieName(name: string): NameInfo {
  const dotted = isDotted(name);
  let edition: string | undefined;
  const withoutEdition = name.includes('{')
    ? name.replace(EDITION, (_whole: string, value: string) => {
        edition = value.trim();
        return ' ';
      })
    : name;
  const { ids, rest } = extractProviderIds(withoutEdition);
  const stack = matchStack(rest);
  const part = stack ? partNumber(stack[2]) : undefined;
  const split = splitTitleYear(stripLeadingTags(stack ? stack[1] : rest), dotted);
  const threeD = threeDFormatOf(split.tail);
  const title = threeD && threeD !== '3d' ? split.title.replace(/[\s.]3d$/i, '') : split.title;
  return { title, year: split.year, ids, edition, part, threeD };
}

/** Reads the 3D layout from release tags (`3D.HSBS`, `Half-SBS`, `3D TAB`, `MVC`, bare `3D`). */
export function threeDFormatOf(text: string): ThreeDFormat | undefined {
  if (!MAYBE_THREE_D.test(text)) return undefined;
  const tokens = text.toLowerCase().split(/[\s._\-()[\]{}]+/);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const previous = tokens[i - 1] ?? '';
    const full = previous === 'full' || previous === 'f';
    if (token in THREE_D_TOKENS) return THREE_D_TOKENS[token];
    if (token === 'sbs') return full ? 'fsbs' : 'hsbs';
    if ((token === 'tab' || token === 'ou') && ['3d', 'half', 'h', 'full', 'f'].includes(previous)) {
      return full ? 'ftab' : 'htab';
    }
  }
  return tokens.includes('3d') ? '3d' : undefined;
}
