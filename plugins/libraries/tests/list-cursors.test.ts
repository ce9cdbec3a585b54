// Cursor pages of GET /v1/movies and /recently-added: every sort in both directions walks all titles once, ties in
// the sort key included; a cursor answers only the sort and order it was made for (another's is a 400, never a
// silently wrong or empty page), and recently-added, always newest first, refuses `sort` and `order`.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { movieNfo, removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, listAll, scan } from './harness.ts';

let b: Booted;

// Five films of 1979 (two with one rating, three with one runtime), and some without a year, rating or runtime.
const nfo = (title: string, year: number | null, rating: number | null, runtime: number | null) =>
  movieNfo({ title, ...(year ? { year } : {}) }).replace(
    '</movie>',
    `${rating === null ? '' : `<rating>${rating}</rating>`}${runtime === null ? '' : `<runtime>${runtime}</runtime>`}</movie>`,
  );
const FILMS: [string, number | null, number | null, number | null][] = [
  ['Alien', 1979, 8, 117],
  ['Apocalypse Now', 1979, 8, 147],
  ['Mad Max', 1979, 7, 117],
  ['Rocky II', 1979, null, 117],
  ['The Warriors', 1979, null, null],
  ['Heat', 1995, 8, 170],
  ['Undated', null, null, null],
  // A long title in a script of three UTF-8 bytes a letter, sorting last: its sort key is the longest a cursor holds.
  ['長'.repeat(400), 2001, 9, 100],
];

beforeAll(async () => {
  b = await boot({ probe: false });
  const files: Record<string, string> = {};
  for (const [title, year, rating, runtime] of FILMS) {
    const folder = title.length > 100 ? 'Long Title (2001)' : title;
    files[`${folder}/${folder}.mkv`] = '';
    files[`${folder}/movie.nfo`] = nfo(title, year, rating, runtime);
  }
  await scan(b, await createLibrary(b, 'movies', [await writeTree(tempDir(), files)]));
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

const SORTS = ['title', 'year', 'added', 'rating', 'runtime'];
const ids = (page: any) => page.items.map((m: any) => m.id);

describe('walking every page', () => {
  for (const sort of SORTS)
    for (const order of ['asc', 'desc'])
      test(`sort=${sort}&order=${order}: pages of 1 and 2 give the one-page order`, async () => {
        const path = `/v1/movies?sort=${sort}&order=${order}`;
        const whole = ids(await get(b, `${path}&limit=100`));
        expect(whole.length).toBe(FILMS.length);
        expect(new Set(whole).size).toBe(FILMS.length);
        for (const limit of [1, 2]) expect((await listAll(b, path, limit)).map((m) => m.id)).toEqual(whole);
      });

  test('recently-added pages walk newest first without repeats', async () => {
    const whole = ids(await get(b, '/v1/movies/recently-added?limit=100'));
    expect((await listAll(b, '/v1/movies/recently-added', 2)).map((m) => m.id)).toEqual(whole);
    expect(whole).toEqual(ids(await get(b, '/v1/movies?sort=added&order=desc&limit=100')));
  });
});

test.each(['title', 'rating'])(
  'the cursor after a very long title is one the next request takes (sort=%s)',
  async (sort) => {
    const first = await get(b, `/v1/movies?sort=${sort}&order=desc&limit=1`);
    expect(first.items[0].title).toBe('長'.repeat(400));
    const next = await get(b, `/v1/movies?sort=${sort}&order=desc&limit=100&cursor=${first.nextCursor}`);
    expect(next.items.length).toBe(FILMS.length - 1);
  },
);

describe('a cursor belongs to its sort and order', () => {
  const cursorOf = async (query: string) => (await get(b, `/v1/movies?limit=2&${query}`)).nextCursor;
  const status = async (path: string) => {
    const r = await b.h.request('GET', path, { token: b.token });
    return [r.status, r.body.error];
  };

  test.each([
    ['sort=title', 'sort=year'],
    ['sort=title', 'sort=rating&order=desc'],
    ['sort=year', 'sort=title'],
    ['sort=year', 'sort=runtime'],
    ['sort=added', 'sort=title'],
    ['sort=title', 'sort=title&order=desc'],
    ['sort=rating&order=desc', 'sort=rating&order=asc'],
  ])('a cursor of %s used with %s is a 400', async (from, to) => {
    const cursor = await cursorOf(from);
    expect(cursor).toEqual(expect.any(String));
    const [code, error] = await status(`/v1/movies?limit=2&${to}&cursor=${encodeURIComponent(cursor)}`);
    expect(code).toBe(400);
    expect(error).toStartWith('Invalid cursor');
  });

  test("a recently-added cursor is one of sort=added&order=desc, and not the title list's", async () => {
    const cursor = encodeURIComponent((await get(b, '/v1/movies/recently-added?limit=2')).nextCursor);
    expect(ids(await get(b, `/v1/movies?sort=added&order=desc&limit=100&cursor=${cursor}`)).length).toBe(
      FILMS.length - 2,
    );
    expect((await status(`/v1/movies?limit=2&cursor=${cursor}`))[0]).toBe(400);
  });

  // Cursors are base64url JSON; these are written out as text, as a client tampering with one would.
  test.each([
    ['a sort key of the wrong type', 'title', '["title","asc",5,"x"]'],
    ['a numeric key that is not finite', 'year', '["year","asc",1e999,"x"]'],
    ['an id that is not text', 'title', '["title","asc","m",5]'],
    ['the old two-value form', 'title', '["m","x"]'],
    ['a rating cursor without its title key (made before ties by title)', 'rating', '["rating","asc",5,"x"]'],
    ['a year cursor whose title key is not text', 'year', '["year","asc",1979,5,"x"]'],
  ])('%s is a 400', async (_name, sort, json) => {
    const cursor = Buffer.from(json).toString('base64url');
    const [code, error] = await status(`/v1/movies?sort=${sort}&cursor=${cursor}`);
    expect(code).toBe(400);
    expect(error).toStartWith('Invalid cursor');
  });
});

describe('recently-added is always newest first', () => {
  test.each([['sort=title'], ['order=asc'], ['sort=added&order=desc']])(
    '?%s is a 422 naming the parameters',
    async (query) => {
      const r = await b.h.request('GET', `/v1/movies/recently-added?${query}`, { token: b.token });
      expect(r.status).toBe(422);
      const names = query.split('&').map((p) => `query.${p.split('=')[0]}`);
      expect(r.body.details.map((d: any) => d.path)).toEqual(names);
    },
  );
});
