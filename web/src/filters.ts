// The library grid's sort and filter choices (pure): the options of each control and the list query they make.

/** Sort choices: value in the page URL → its words. */
export const SORTS: [string, string][] = [
  ['title', 'A–Z'],
  ['added', 'Recently added'],
  ['year', 'Newest first'],
  ['rating', 'Top rated'],
  ['runtime', 'Longest first'],
];

export const RESOLUTIONS: [string, string][] = [
  ['', 'Any resolution'],
  ['2160p', '4K'],
  ['1080p', '1080p'],
  ['720p', '720p'],
  ['sd', 'SD'],
];

export const WATCHED: [string, string][] = [
  ['', 'Watched or not'],
  ['false', 'Unwatched'],
  ['true', 'Watched'],
];

/** "Any year", then every decade from this one back to the 1900s, newest first. */
export function decadeOptions(thisYear: number): [string, string][] {
  const out: [string, string][] = [['', 'Any year']];
  for (let d = Math.floor(thisYear / 10) * 10; d >= 1900; d -= 10) out.push([String(d), `${d}s`]);
  return out;
}

export interface GridFilters {
  sort: string;
  genre: string;
  decade: string;
  resolution: string;
  watched: string;
}

/** The grid's filters from the page URL (missing ones empty, the sort A–Z). */
export function readFilters(q: URLSearchParams): GridFilters {
  return {
    sort: q.get('sort') ?? 'title',
    genre: q.get('genre') ?? '',
    decade: q.get('decade') ?? '',
    resolution: q.get('resolution') ?? '',
    watched: q.get('watched') ?? '',
  };
}

/** True when any filter (not the sort) narrows the grid. */
export const isFiltered = (f: GridFilters): boolean => !!(f.genre || f.decade || f.resolution || f.watched);

/** The query of one page of /v1/movies or /v1/shows: A–Z ascending, every other sort highest first. */
export function listQuery(library: string, f: GridFilters, limit: number, cursor: string | null): string {
  const q = new URLSearchParams({
    library,
    sort: f.sort,
    order: f.sort === 'title' ? 'asc' : 'desc',
    limit: String(limit),
  });
  if (f.watched) q.set('watched', f.watched);
  if (f.genre) q.set('genre', f.genre);
  if (f.resolution) q.set('resolution', f.resolution);
  if (/^\d{4}$/.test(f.decade)) {
    q.set('yearFrom', f.decade);
    q.set('yearTo', String(Number(f.decade) + 9));
  }
  if (cursor) q.set('cursor', cursor);
  return q.toString();
}
