// Extras beside a movie or show (trailers, featurettes, theme songs/videos, samples …), recognised by
// Jellyfin's folder names, whole file names and file-name suffixes.
import { kindOfExtension } from './file-types';
import { extensionOf, splitPath } from './path-parts';
import { tidyTitle } from './release-name';

/** Kind of extra; `other` covers Jellyfin's `extras`/`extra`/`other` buckets. */
export type ExtraKind =
  | 'trailer'
  | 'featurette'
  | 'behindthescenes'
  | 'deletedscene'
  | 'interview'
  | 'scene'
  | 'short'
  | 'clip'
  | 'sample'
  | 'theme-song'
  | 'theme-video'
  | 'other';

/** An extra, the rule that recognised it, and a display title. */
export interface ExtraInfo {
  kind: ExtraKind;
  /** `folder`: an extras folder holds it; `filename`: `trailer.mkv`/`theme.mp3`; `suffix`: `Name-trailer.mkv`. */
  rule: 'folder' | 'filename' | 'suffix';
  /** The file's base name, without the extra suffix. */
  title: string;
}

// A Map, not an object literal: a folder named `constructor` or `__proto__` must not find Object.prototype's members.
const FOLDER_KINDS = new Map<string, ExtraKind>(
  Object.entries({
    trailers: 'trailer',
    backdrops: 'theme-video',
    'theme-music': 'theme-song',
    'behind the scenes': 'behindthescenes',
    'deleted scenes': 'deletedscene',
    interviews: 'interview',
    scenes: 'scene',
    samples: 'sample',
    shorts: 'short',
    featurettes: 'featurette',
    clips: 'clip',
    extras: 'other',
    extra: 'other',
    other: 'other',
  }) as [string, ExtraKind][],
);

// Longer suffixes first so `-deletedscene` is not read as `-scene`.
const SUFFIX_KINDS: [string, ExtraKind][] = [
  ['-behindthescenes', 'behindthescenes'],
  ['-deletedscene', 'deletedscene'],
  ['-deleted', 'deletedscene'],
  ['-featurette', 'featurette'],
  ['-interview', 'interview'],
  ['-scene', 'scene'],
  ['-short', 'short'],
  ['-clip', 'clip'],
  ['-other', 'other'],
  ['-extra', 'other'],
  ...['-', '.', '_', ' '].flatMap((sep): [string, ExtraKind][] => [
    [`${sep}trailer`, 'trailer'],
    [`${sep}sample`, 'sample'],
  ]),
];
// Ends like some suffix above (a cheap test before the loop; the loop decides).
const MAYBE_SUFFIX =
  /[-._ ](?:behindthescenes|deletedscene|deleted|featurette|interview|scene|short|clip|other|extra|trailer|sample)$/;

/**
 * Classifies a path relative to the library root as an extra, or returns null for main content. Only the
 * file's own folder counts as an extras folder, and never a top-level folder (an extra needs an owner).
 */
export function classifyExtra(pathRelativeToRoot: string): ExtraInfo | null {
  const segments = splitPath(pathRelativeToRoot);
  const fileName = segments[segments.length - 1];
  if (fileName === undefined) return null;
  return classifyExtraIn(segments.length >= 3 ? segments[segments.length - 2] : undefined, fileName);
}

/**
 * {@link classifyExtra} for a file (a name without `/` or `\`) in `folder`: the name of its own folder, or
 * undefined when that folder is the root or a top-level folder. The walk works the folder out once per folder.
 */
export function classifyExtraIn(folder: string | undefined, fileName: string): ExtraInfo | null {
  // One reading of the extension: audio names lose it, and so do video names.
  const ext = extensionOf(fileName);
  const kind = kindOfExtension(ext);
  const audio = kind === 'audio';
  const base = audio || kind === 'video' ? fileName.slice(0, -ext.length) : fileName;
  const folderKind = folder === undefined ? undefined : FOLDER_KINDS.get(folder.toLowerCase());
  if (folderKind) return { kind: folderKind, rule: 'folder', title: base };
  return byFileName(base, audio);
}

/** Whether a folder of this name holds extras (`Trailers`, `Extras`, `Behind The Scenes` …). */
export function isExtrasFolder(name: string): boolean {
  return FOLDER_KINDS.has(name.toLowerCase());
}

export function byFileName(base: string, audio: boolean): ExtraInfo | null {
  const lower = base.toLowerCase();
  if (lower === 'trailer') return { kind: 'trailer', rule: 'filename', title: base };
  if (lower === 'sample') return { kind: 'sample', rule: 'filename', title: base };
  if (lower === 'theme') return audio ? { kind: 'theme-song', rule: 'filename', title: base } : null;
  if (!MAYBE_SUFFIX.test(lower)) return null;
  for (const [suffix, kind] of SUFFIX_KINDS) {
    if (lower.endsWith(suffix) && lower.length > suffix.length) {
      return { kind, rule: 'suffix', title: tidyTitle(base.slice(0, -suffix.length)) };
    }
  }
  return null;
}
