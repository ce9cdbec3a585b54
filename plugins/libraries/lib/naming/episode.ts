// TV episode path parsing: series (name, year, ids) from the show folder, season from the season folder or
// the file name, episode numbers / air date / absolute number, episode title and part.
import { type EpisodeMatch, matchEpisode } from './episode-patterns';
import { stripVideoExtension } from './file-types';
import { lastSegmentStart, splitPath } from './path-parts';
import { extractProviderIds, type ProviderIds } from './provider-ids';
import {
  findNoiseStart,
  isDotted,
  normaliseSeparators,
  splitTitleYear,
  stripLeadingTags,
  tidyTitle,
} from './release-name';

/** What an episode's path says about it. Absent fields were not found. */
export interface ParsedEpisode {
  /** Series name from the show folder (year and provider ids removed), else from the file name. */
  series: string;
  /** Series year, e.g. 2005 for `Doctor Who (2005)`. */
  year?: number;
  providerIds: ProviderIds;
  /** Season: from the file name (`S02E03`, `2x03`), else the season folder, else 1 for numbered episodes. */
  season?: number;
  episode?: number;
  /** Last episode of a multi-episode file (`S01E01-E03` → 3); absolute when `absoluteEpisode` is set. */
  endingEpisode?: number;
  /** Anime-style absolute number (`Show - 105`); such files get no `episode`. */
  absoluteEpisode?: number;
  /** Air date of a date-based episode, `YYYY-MM-DD`. */
  airDate?: string;
  /** Episode title: the text after the episode pattern with release noise removed. */
  title?: string;
  /** Part of a split episode (`S02E03 Part 1`, `S02E03-part-2`, `Pt. II`). */
  part?: number;
}

export interface SeriesInfo {
  title: string;
  year?: number;
  ids: ProviderIds;
}

const SEASON_WORD =
  /^(?:season|series|saison|staffel|temporada|stagione|seizoen|sezon|säsong|sæson|kausi)[ ._-]*(\d{1,4})(?!\d)/i;
const SPECIALS = /^(?:season[ ._-]*)?specials?$/i;
const SHORT_SEASON = /^s(\d{1,4})(?=$|[ ._-])/i;
const EMBEDDED_SEASON = /[ ._-](?:s(\d{1,4})(?!\d|[ ._-]*e\d)|season[ ._-]*(\d{1,4})(?!\d))(?=$|[ ._-])/i;
const SEASON_MARKER = /(?:^|[ ._-])(?:s\d{1,4}(?:[ ._-]*e\d+)?|season[ ._-]*\d+|complete)(?=$|[ ._-])/i;
const DISC_ROOT = /^(?:video_ts|bdmv)$/i;
const PART_AT_START = /^(?:part|pt)\.?[ ._-]?(\d{1,2}|[ivx]{1,4})(?=$|[ ._)\]-])/i;
const PART_AT_END = /(?:[ ._]-[ ._]|[ ._]?\()(?:part|pt)\.?[ ._-]?(\d{1,2}|[ivx]{1,4})\)?$/i;
// The first character that is no separator (white space, `.`, `_`, `-`) before an episode's title.
const TITLE_START = /[^\s._-]/;
const ROMAN: Record<string, number> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  v: 5,
  vi: 6,
  vii: 7,
  viii: 8,
  ix: 9,
  x: 10,
};

/**
 * Parses an episode file path relative to the library root (`Show (2005)/Season 01/Show - S01E02 - Title.mkv`).
 * Returns null when the file name carries no episode number, date or absolute number.
 */
export function parseEpisode(pathRelativeToRoot: string): ParsedEpisode | null {
  // A plain path is read in place; any other is split first.
  const at = lastSegmentStart(pathRelativeToRoot);
  const segments = at < 0 ? splitPath(pathRelativeToRoot) : undefined;
  const fileName = segments ? segments.pop() : pathRelativeToRoot.slice(at);
  if (fileName === undefined) return null;
  const base = stripVideoExtension(fileName);
  const match = matchEpisode(base);
  if (!match) return null;
  const { layout, fromFolder } = segments ? foldersOf(segments) : foldersBefore(pathRelativeToRoot, at);
  const series = fromFolder?.title ? fromFolder : parseSeriesName(match.before);
  const details = titleAndPart(match.after, isDotted(base));
  // Built key by key (absent values left out) in the order callers have always seen.
  const parsed = { series: series.title } as ParsedEpisode;
  if (series.year !== undefined) parsed.year = series.year;
  // A copy: the folder's ids are shared by every episode under it.
  parsed.providerIds = hasKeys(series.ids) ? { ...series.ids } : {};
  const season = seasonOf(match, layout.folderSeason);
  if (season !== undefined) parsed.season = season;
  if (match.episode !== undefined) parsed.episode = match.episode;
  if (match.endingEpisode !== undefined) parsed.endingEpisode = match.endingEpisode;
  if (match.absoluteEpisode !== undefined) parsed.absoluteEpisode = match.absoluteEpisode;
  if (match.airDate !== undefined) parsed.airDate = match.airDate;
  if (details.title !== undefined) parsed.title = details.title;
  if (details.part !== undefined) parsed.part = details.part;
  return parsed;
}

/**
 * What the path of a video whose name carries no episode number, date or absolute number says, when it lies in a
 * show folder: series from the show folder, season from its season folder (absent when there is none), title from
 * the name. Jellyfin lists such files (`Show/Season 00/Some Special.mkv`) as episodes of that season; an episode
 * NFO may number them. Null for a file at the library root, in a folder that names no series or in a disc structure.
 */
export function parseUnnumberedEpisode(pathRelativeToRoot: string): ParsedEpisode | null {
  const segments = splitPath(pathRelativeToRoot);
  const fileName = segments.pop();
  if (fileName === undefined || segments.length === 0) return null;
  // A disc structure's files (`VIDEO_TS/VTS_01_1.VOB`, `BDMV/STREAM/00001.m2ts`) are no episodes (nor in Jellyfin).
  if (segments.some((folder) => DISC_ROOT.test(folder))) return null;
  const { layout, fromFolder } = foldersOf(segments);
  if (!fromFolder?.title) return null;
  const base = stripVideoExtension(fileName);
  const details = titleAndPart(base, isDotted(base));
  const parsed: ParsedEpisode = { series: fromFolder.title, providerIds: { ...fromFolder.ids } };
  if (fromFolder.year !== undefined) parsed.year = fromFolder.year;
  if (layout.folderSeason !== undefined) parsed.season = layout.folderSeason;
  if (details.title !== undefined) parsed.title = details.title;
  if (details.part !== undefined) parsed.part = details.part;
  return parsed;
}

/**
 * The air date and title the name of a date-named episode file gives (`Show - 2024-01-05 - Guest.mkv`: 2024-01-05,
 * `Guest`), as {@link parseEpisode} reads them; null for a name numbered otherwise or not at all.
 */
export function datedEpisodeOf(fileName: string): { airDate: string; title?: string } | null {
  const base = stripVideoExtension(fileName);
  const match = matchEpisode(base);
  if (match?.style !== 'date' || match.airDate === undefined) return null;
  return { airDate: match.airDate, title: titleAndPart(match.after, isDotted(base)).title };
}

interface FolderInfo {
  layout: { showFolder?: string; folderSeason?: number };
  fromFolder?: SeriesInfo;
}

// What the folders of a path say, by folder path: every episode of a season shares it. Bounded, then started over.
const folderMemo = new Map<string, FolderInfo>();

/** {@link foldersOf} the folders of a plain path whose file name starts at `at` (see `lastSegmentStart`). */
export function foldersBefore(path: string, at: number): FolderInfo {
  // Files come folder by folder: the last folder's answer is checked first, without cutting the path.
  const length = at === 0 ? 0 : at - 1;
  if (lastFolder !== undefined && length === lastFolder.length && path.startsWith(lastFolder))
    return lastFolderInfo;
  const key = path.slice(0, length);
  const info = folderMemo.get(key) ?? foldersOf(key === '' ? [] : key.split('/'));
  lastFolder = key;
  lastFolderInfo = info;
  return info;
}

let lastFolder: string | undefined;
let lastFolderInfo: FolderInfo = { layout: {} };

export function foldersOf(folders: string[]): FolderInfo {
  const key = folders.join('/');
  let info = folderMemo.get(key);
  if (info === undefined) {
    const layout = locateFolders(folders);
    const fromFolder = layout.showFolder === undefined ? undefined : parseSeriesName(layout.showFolder);
    info = { layout, fromFolder };
    if (folderMemo.size >= 1024) folderMemo.clear();
    folderMemo.set(key, info);
  }
  return info;
}

/**
 * Season number a folder name stands for: `Season 01`, `Season 1`, `Staffel 2`, `S01`, `Specials` (0),
 * or a season pack such as `Show.S02.1080p.BluRay-GRP`. Undefined when the folder is not a season folder.
 */
export function seasonFromFolder(name: string): number | undefined {
  if (SPECIALS.test(name.trim())) return 0;
  const m = SEASON_WORD.exec(name) ?? SHORT_SEASON.exec(name) ?? EMBEDDED_SEASON.exec(name);
  if (!m) return undefined;
  return Number(m[1] ?? m[2]);
}

function locateFolders(folders: string[]): { showFolder?: string; folderSeason?: number } {
  for (let i = folders.length - 1; i >= 0; i--) {
    const season = seasonFromFolder(folders[i]);
    if (season !== undefined) return { showFolder: folders[i > 0 ? i - 1 : 0], folderSeason: season };
  }
  return { showFolder: folders[0] };
}

/** What a show folder's (or file's) name says: title, year and provider ids (`Doctor Who (2005) [tvdbid-78804]`). */
export function parseSeriesName(text: string): SeriesInfo {
  const dotted = isDotted(text);
  const { ids, rest } = extractProviderIds(text);
  const cleaned = stripLeadingTags(rest);
  const marker = SEASON_MARKER.exec(cleaned);
  const { title, year } = splitTitleYear(marker ? cleaned.slice(0, marker.index) : cleaned, dotted);
  return { title, year, ids };
}

function seasonOf(match: EpisodeMatch, folderSeason: number | undefined): number | undefined {
  if (match.season !== undefined) return match.season;
  if (folderSeason !== undefined) return folderSeason;
  return match.style === 'episode' || match.style === 'absolute' ? 1 : undefined;
}

export function titleAndPart(after: string, dotted: boolean): { title?: string; part?: number } {
  const start = after.search(TITLE_START);
  let text = start === 0 ? after : start === -1 ? '' : after.slice(start);
  let part: number | undefined;
  // Only a text starting with `p` can start with a part.
  const leading = (text.charCodeAt(0) | 0x20) === 112 ? PART_AT_START.exec(text) : null;
  if (leading) {
    part = partValue(leading[1]);
    text = text.slice(leading[0].length);
  }
  const noiseAt = findNoiseStart(text, true);
  text = normaliseSeparators(noiseAt >= 0 ? text.slice(0, noiseAt) : text, dotted);
  const trailing = part === undefined ? PART_AT_END.exec(text) : null;
  if (trailing) {
    part = partValue(trailing[1]);
    text = text.slice(0, trailing.index);
  }
  const title = tidyTitle(text, true);
  // A wholly bracketed remainder (`(2019)`, `[Uncut]`) is release metadata, not a title.
  return { title: title === '' || isBracketed(title) ? undefined : title, part };
}

function isBracketed(title: string): boolean {
  const first = title.charCodeAt(0);
  return (first === 40 || first === 91) && /^[([].*[)\]]$/.test(title);
}

function hasKeys(ids: ProviderIds): boolean {
  for (const _ in ids) return true;
  return false;
}

function partValue(token: string): number {
  return /^\d+$/.test(token) ? Number(token) : ROMAN[token.toLowerCase()];
}
