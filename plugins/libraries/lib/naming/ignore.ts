// What the library scanner skips — Jellyfin's ignore list (NAS/OS junk, Kodi/Plex metadata folders,
// samples, hidden entries) plus incomplete downloads — and the media file-type predicates.
import { extensionOf, splitPath } from './path-parts';

export { isAudioFile, isImageFile, isNfoFile, isStubFile, isSubtitleFile, isVideoFile } from './file-types';

const SKIPPED_FOLDERS = new Set([
  '@eadir',
  'eadir',
  '#recycle',
  '#snapshot',
  '@recycle',
  '@recently-snapshot',
  '$recycle.bin',
  'system volume information',
  'lost+found',
  'extrafanart',
  'extrathumbs',
  'metadata',
  'ps3_update',
  'ps3_vprm',
  'temprec',
  'tempsbe',
  'sample',
]);
const SKIPPED_FILES = new Set(['thumbs.db', 'desktop.ini', 'small.jpg', 'albumart.jpg']);
const INCOMPLETE_EXTENSIONS = new Set([
  '.part',
  '.partial',
  '.!qb',
  '.!ut',
  '.crdownload',
  '.aria2',
  '.bts',
  '.sync',
]);

/**
 * True when the scanner should skip `relativePath`: any hidden (dot) segment, a junk or metadata folder
 * anywhere in the path, a `.trickplay` folder, an incomplete download, or a sample file (`sample.mkv`,
 * `Movie.sample.mkv`, `Movie-sample.mkv`, `sample-grp-movie.mkv`). `isDirectory` says whether the last segment is a folder.
 */
export function shouldSkip(relativePath: string, isDirectory: boolean): boolean {
  const segments = splitPath(relativePath);
  const last = segments.length - 1;
  return segments.some((segment, i) => (i < last || isDirectory ? skipsFolder(segment) : skipsFile(segment)));
}

/**
 * `shouldSkip(name, isDirectory)` for one entry of a folder listing, without splitting a name that has no
 * separator (the walk asks this for every entry).
 */
export function shouldSkipName(name: string, isDirectory: boolean): boolean {
  if (name.includes('/') || name.includes('\\')) return shouldSkip(name, isDirectory);
  return isDirectory ? skipsFolder(name) : skipsFile(name);
}

function skipsFolder(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('.') || SKIPPED_FOLDERS.has(lower) || lower.endsWith('.trickplay');
}

export function skipsFile(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower.startsWith('.') || SKIPPED_FILES.has(lower)) return true;
  const ext = extensionOf(lower);
  if (INCOMPLETE_EXTENSIONS.has(ext)) return true;
  // Both sample patterns need the word: most names are settled without a regex.
  return lower.includes('sample') && isSampleName(ext ? lower.slice(0, -ext.length) : lower);
}

// `sample` as the whole name, a scene-style prefix (`sample-grp-movie`) or a trailing word (`movie.sample`). A leading
// word followed by a space or dot is a title (`Sample People (2000)`, `Sample.This.2012.1080p`), as in Jellyfin.
function isSampleName(base: string): boolean {
  return /^sample(?:$|-)/.test(base) || /[-._ ]sample$/.test(base);
}
