// Which NFO files speak for a movie file, best first (CONVENTIONS 2.1). A file alone in its folder: `<video>.nfo`,
// then `movie.nfo`. One of several files of a title (cd1/cd2 parts, `- 1080p` versions): the title's shared name
// (`Heat (1995).nfo` for `Heat (1995) cd1.mkv`, as Kodi names a stack's NFO, or the folder name the versions extend),
// then the NFO of any of its files (Kodi's `name-cd1.nfo`), then `movie.nfo` — the same list for each of its files,
// so they all read one NFO and stay one item with one set of fields.
import { normaliseKey } from './identity.ts';
import { type ParsedMovie, parseMovie, stackNameOf } from './naming/movie.ts';
import { splitPath, stripExtension } from './naming/path-parts.ts';

/** Folders with more videos than this are taken as many loose titles: only a file's own names are tried. */
export const MAX_TITLE_FILES = 8;

const keyOf = (p: ParsedMovie) => `${normaliseKey(p.title)}|${p.year ?? ''}|${normaliseKey(p.edition ?? '')}`;

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
  const name = segments[segments.length - 1] ?? '';
  const stack = stackNameOf(base);
  if (mains.length > MAX_TITLE_FILES) return stack ? [`${base}.nfo`, `${stack}.nfo`] : [`${base}.nfo`];
  const dir = segments.slice(0, -1).join('/');
  const folder = segments.length > 1 ? segments[segments.length - 2] : undefined;
  const title = normaliseKey(parsed.title);
  const key = keyOf(parsed);
  const group: { name: string; parsed: ParsedMovie }[] = [];
  let alone = true;
  for (const m of mains) {
    const p = m === name ? parsed : parseMovie(dir ? `${dir}/${m}` : m);
    if (keyOf(p) === key) group.push({ name: m, parsed: p });
    if (normaliseKey(p.title) !== title) alone = false;
  }
  const movieNfo = alone ? ['movie.nfo'] : [];
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
