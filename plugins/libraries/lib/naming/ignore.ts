// What the library scanner skips — Jellyfin's ignore list (NAS/OS junk, Kodi/Plex metadata folders,
// samples, hidden entries) plus incomplete downloads — and the media file-type predicates.
import { extensionOf, splitPath, stripExtension } from './path-parts';

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
 * `Movie.sample.mkv`, `Movie-sample.mkv`). `isDirectory` says whether the last segment is a folder.
 */
export function shouldSkip(relativePath: string, isDirectory: boolean): boolean {
  const segments = splitPath(relativePath);
  const last = segments.length - 1;
  return segments.some((segment, i) => (i < last || isDirectory ? skipsFolder(segment) : skipsFile(segment)));
}

function skipsFolder(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('.') || SKIPPED_FOLDERS.has(lower) || lower.endsWith('.trickplay');
}

function skipsFile(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower.startsWith('.') || SKIPPED_FILES.has(lower)) return true;
  if (INCOMPLETE_EXTENSIONS.has(extensionOf(lower))) return true;
  return isSampleName(stripExtension(lower));
}

// `sample` as the whole name, a leading word (`sample-grp-movie`) or a trailing word (`movie.sample`).
function isSampleName(base: string): boolean {
  return /^sample(?:$|[-._ ])/.test(base) || /[-._ ]sample$/.test(base);
}
