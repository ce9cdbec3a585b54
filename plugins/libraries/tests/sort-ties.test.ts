// Ties in GET /v1/movies and /v1/shows sorted by year, rating or runtime come in title order (the natural sort key
// sort=title uses), then by id: across pages of any size, ascending and descending (the exact reverse), with a
// cursor never skipping or repeating a title. Folders are named so that scan order is the reverse of title order.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { movieNfo, removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, listAll, scan } from './harness.ts';

let b: Booted;

// [title, year, rating, runtime]: three runs of equal ratings, years and runtimes, titles with numbers (natural
// order: "Film 2" before "Film 10").
const FILMS: [string, number, number, number][] = [
  ['Film 10', 1999, 7, 100],
  ['Film 2', 1999, 7, 100],
  ['Delta', 1999, 7, 100],
  ['Charlie', 1999, 7, 100],
  ['Bravo', 1999, 7, 100],
  ['Alpha', 1999, 7, 100],
  ['Zulu', 2005, 8, 90],
  ['Yankee', 2005, 8, 90],
  ['X-Ray', 2005, 8, 90],
  ['Omega', 1980, 5, 120],
];
const SHOWS: [string, number, number][] = [
  ['Show 10', 2010, 6],
  ['Show 9', 2010, 6],
  ['Mystery', 2010, 6],
  ['Lost Things', 2010, 6],
  ['Archive', 2001, 9],
];

const showNfo = (title: string, year: number, rating: number) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<tvshow><title>${title}</title><year>${year}</year><rating>${rating}</rating></tvshow>\n`;

beforeAll(async () => {
  b = await boot({ probe: false });
  const movies: Record<string, string> = {};
  FILMS.forEach(([title, year, rating, runtime], i) => {
    // Folders sort as FILMS lists them, ties in reverse title order, so items are written (and get ids) in that order.
    const folder = `${String(i + 1).padStart(2, '0')} Folder`;
    movies[`${folder}/${folder}.mkv`] = '';
    movies[`${folder}/movie.nfo`] = movieNfo({ title, year }).replace(
      '</movie>',
      `<rating>${rating}</rating><runtime>${runtime}</runtime></movie>`,
    );
  });
  const shows: Record<string, string> = {};
  SHOWS.forEach(([title, year, rating], i) => {
    const folder = `${String(i + 1).padStart(2, '0')} Series`;
    shows[`${folder}/Season 01/${folder} S01E01.mkv`] = '';
    shows[`${folder}/tvshow.nfo`] = showNfo(title, year, rating);
  });
  await scan(b, await createLibrary(b, 'movies', [await writeTree(tempDir(), movies)]));
  await scan(b, await createLibrary(b, 'shows', [await writeTree(tempDir(), shows)]));
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const byTitle = (a: string, b: string) => collator.compare(a, b);

/** Titles in the order a sort on `key` (ascending) must give: by the key, then by title. */
function expected<T extends [string, ...number[]]>(rows: T[], key: number): string[] {
  return rows
    .toSorted((a, b) => (a[key] as number) - (b[key] as number) || byTitle(a[0], b[0]))
    .map((r) => r[0]);
}

const titles = async (path: string, limit: number) => (await listAll(b, path, limit)).map((m) => m.title);

describe('movies: ties come in title order', () => {
  for (const [sort, key] of [
    ['year', 1],
    ['rating', 2],
    ['runtime', 3],
  ] as const)
    for (const limit of [1, 2, 3, 100])
      test(`sort=${sort}, pages of ${limit}, both orders`, async () => {
        const asc = expected(FILMS, key);
        expect(await titles(`/v1/movies?sort=${sort}&order=asc`, limit)).toEqual(asc);
        expect(await titles(`/v1/movies?sort=${sort}&order=desc`, limit)).toEqual(asc.toReversed());
      });
});

describe('shows: ties come in title order', () => {
  for (const [sort, key] of [
    ['year', 1],
    ['rating', 2],
  ] as const)
    for (const limit of [1, 2, 100])
      test(`sort=${sort}, pages of ${limit}, both orders`, async () => {
        const asc = expected(SHOWS, key);
        expect(await titles(`/v1/shows?sort=${sort}&order=asc`, limit)).toEqual(asc);
        expect(await titles(`/v1/shows?sort=${sort}&order=desc`, limit)).toEqual(asc.toReversed());
      });
});
