// Which NFO files speak for a movie file, best first (CONVENTIONS 2.1). A file alone in its folder: `<video>.nfo`,
// then `movie.nfo`. One of several files of a title (cd1/cd2 parts, `- 1080p` versions): the title's shared name
// (`Heat (1995).nfo` for `Heat (1995) cd1.mkv`, as Kodi names a stack's NFO, or the folder name the versions extend),
// then the NFO of any of its files (Kodi's `name-cd1.nfo`), then `movie.nfo` — the same list for each of its files,
// so they all read one NFO and stay one item with one set of fields. `movie.nfo` and the folder's own artwork
// (scan-movies.ts) count only for a folder holding one title (folderHoldsOneTitle).
import { normaliseKey } from './identity.ts';
import { type ParsedMovie, parseMovie, stackNameOf } from './naming/movie.ts';
import { splitPath, stripExtension } from './naming/path-parts.ts';

/** Folders with more videos than this are taken as many loose titles: only a file's own names are tried. */
export const MAX_TITLE_FILES = 8;

const keyOf = (p: ParsedMovie) => `${normaliseKey(p.title)}|${p.year ?? ''}|${normaliseKey(p.edition ?? '')}`;

/** The folder's main videos parsed as the file at `segments` (already parsed as `parsed`) is. */
function parseMains(
  segments: readonly string[],
  mains: readonly string[],
  parsed: ParsedMovie,
): { name: string; parsed: ParsedMovie }[] {
  const name = segments[segments.length - 1] ?? '';
  const dir = segments.slice(0, -1).join('/');
  return mains.map((m) => ({ name: m, parsed: m === name ? parsed : parseMovie(dir ? `${dir}/${m}` : m) }));
}

/** Whether every file names the title `parsed` does: the same words, and the same year where both have one. */
function sameTitle(all: readonly { parsed: ParsedMovie }[], parsed: ParsedMovie): boolean {
  const title = normaliseKey(parsed.title);
  const year = parsed.year;
  return all.every(
    (m) =>
      normaliseKey(m.parsed.title) === title &&
      (year === undefined || m.parsed.year === undefined || m.parsed.year === year),
  );
}

/**
 * Whether the folder of the movie file at `rel` holds one title only: its main videos `mains` (its own name among
 * them) all name the title the file does — its parts, versions, 3D copies and editions (a remake of another year,
 * `King Kong (1933)` beside `King Kong (2005)`, is another title). The folder's own files
 * (`movie.nfo`, `poster.jpg`, `fanart.jpg` …) then speak for it; in a folder of several titles only names that
 * start with the file's own do. A folder of more than {@link MAX_TITLE_FILES} videos holds many titles.
 */
export function folderHoldsOneTitle(
  rel: string,
  mains: readonly string[],
  parsed: ParsedMovie = parseMovie(rel),
): boolean {
  if (mains.length <= 1) return true;
  if (mains.length > MAX_TITLE_FILES) return false;
  return sameTitle(parseMains(splitPath(rel), mains, parsed), parsed);
}

/**
 * NFO names for the movie file at `rel` (relative to the library root), whose folder holds the main videos `mains`
 * (its own name among them); `base` is its name without the extension and `parsed` is `parseMovie(rel)`. Names are
 * matched against the listing ignoring case.
 */
export function movieNfoNames(
  rel: string,
  base: string,
  mains: readonly string[],
  parsed: ParsedMovie = parseMovie(rel),
): string[] {
  if (mains.length <= 1) return [`${base}.nfo`, 'movie.nfo'];
  const segments = splitPath(rel);
  const stack = stackNameOf(base);
  if (mains.length > MAX_TITLE_FILES) return stack ? [`${base}.nfo`, `${stack}.nfo`] : [`${base}.nfo`];
  const folder = segments.length > 1 ? segments[segments.length - 2] : undefined;
  const key = keyOf(parsed);
  const all = parseMains(segments, mains, parsed);
  const group = all.filter((m) => keyOf(m.parsed) === key);
  const movieNfo = sameTitle(all, parsed) ? ['movie.nfo'] : [];
  if (group.length <= 1) return [`${base}.nfo`, ...movieNfo];
  group.sort(
    (a, b) => (a.parsed.part ?? 0) - (b.parsed.part ?? 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  const shared = new Set<string>();
  for (const g of group) {
    const s = stackNameOf(stripExtension(g.name));
    if (s) shared.add(`${s}.nfo`);
    if (g.parsed.versionLabel !== undefined && folder) shared.add(`${folder}.nfo`);
  }
  const own = group.map((g) => `${stripExtension(g.name)}.nfo`);
  return [...new Set([...shared, ...own, ...movieNfo])];
}
