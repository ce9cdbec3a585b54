// Title lists sort numbers by value: "Film 2" before "Film 10" for movies and shows, titles from file names and
// from NFO <sorttitle>, through every page of 1 and 2 in both orders, and after titles are edited through
// /v1/metadata; the sortTitle the API shows stays the plain folded title.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { movieNfo, removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, listAll, scan, startScan, waitForScan } from './harness.ts';

let b: Booted;

const MOVIE_FOLDERS = [
  'Film 10 (2010)',
  'Film 100 (2011)',
  'Film 2 (2002)',
  'film 3 (2003)',
  'Film 1 (2001)',
  'Film 2.5 (2004)',
  'The Film 20 (2020)',
  'Film 02 (2005)',
  'Episode 10 (2008)',
  'Épisode 9 (2007)',
  '第10話 (2009)',
  '第9話 (2012)',
  '七人の侍 (1954)',
];
// "Zeta" sorts by its NFO's <sorttitle>, between "The Film 20" and "Film 100".
const ZETA_NFO = movieNfo({ title: 'Zeta', year: 2006 }).replace(
  '</movie>',
  '<sorttitle>Film 50</sorttitle></movie>',
);

// Two films of one year with one actor: their roles on the person's page come by title within the year.
const SAW = ['Saw 10', 'Saw 2'];
const sawNfo = (title: string) => movieNfo({ title, year: 2004, actors: [['Tobin Bell', 'Jigsaw']] });

// Ascending; "Film 2" and "Film 02" have one key (their order between them is by id).
const MOVIES_ASC = [
  'Épisode 9',
  'Episode 10',
  'Film 1',
  'Film 2|Film 02',
  'Film 2.5',
  'film 3',
  'Film 10',
  'The Film 20',
  'Zeta',
  'Film 100',
  'Saw 2',
  'Saw 10',
  '七人の侍',
  '第9話',
  '第10話',
];
const SHOWS_ASC = ['Show 1', 'Show 2', 'The Show 3', 'Show 10', 'Show 100'];

beforeAll(async () => {
  b = await boot({ probe: false });
  const movies: Record<string, string> = {
    'Zeta (2006)/Zeta (2006).mkv': '',
    'Zeta (2006)/movie.nfo': ZETA_NFO,
  };
  for (const f of MOVIE_FOLDERS) movies[`${f}/${f}.mkv`] = '';
  for (const t of SAW) {
    movies[`${t} (2004)/${t} (2004).mkv`] = '';
    movies[`${t} (2004)/movie.nfo`] = sawNfo(t);
  }
  await scan(b, await createLibrary(b, 'movies', [await writeTree(tempDir(), movies)]));
  const shows: Record<string, string> = {};
  for (const s of ['Show 10', 'Show 2', 'Show 100', 'The Show 3', 'Show 1'])
    shows[`${s}/Season 01/${s} - S01E01.mkv`] = '';
  await scan(b, await createLibrary(b, 'shows', [await writeTree(tempDir(), shows)]));
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

/** Titles of a whole list, walked in pages of `limit`. */
const titles = async (path: string, limit: number) => (await listAll(b, path, limit)).map((m) => m.title);

/** `actual` matches `expected`, where an entry `a|b` stands for two adjacent titles in either order. */
function expectOrder(actual: string[], expected: string[]): void {
  const seen: string[] = [];
  for (let i = 0; i < actual.length; i++) {
    const tie = expected[seen.length]?.split('|');
    if (tie && tie.length > 1 && tie.includes(actual[i]) && tie.includes(actual[i + 1])) {
      seen.push(expected[seen.length]);
      i += 1;
    } else seen.push(actual[i]);
  }
  expect(seen).toEqual(expected);
}

describe('sort=title walks in natural order', () => {
  for (const [kind, asc] of [
    ['movies', MOVIES_ASC],
    ['shows', SHOWS_ASC],
  ] as const)
    for (const limit of [1, 2, 100])
      test(`${kind}, pages of ${limit}, both orders`, async () => {
        const up = await titles(`/v1/${kind}?sort=title&order=asc`, limit);
        expectOrder(up, asc);
        // Descending is the exact reverse, ties included (both break them by id).
        expect(await titles(`/v1/${kind}?sort=title&order=desc`, limit)).toEqual([...up].reverse());
      });
});

test('the sortTitle the API shows is the folded title, not the key lists sort by', async () => {
  const all = await listAll(b, '/v1/movies?sort=title');
  const sortTitle = (title: string) => all.find((m) => m.title === title)?.sortTitle;
  expect(sortTitle('Film 2')).toBe('film 2');
  expect(sortTitle('Film 02')).toBe('film 02');
  expect(sortTitle('The Film 20')).toBe('film 20');
  expect(sortTitle('Zeta')).toBe('film 50');
  expect(sortTitle('第10話')).toBe('第10話');
});

test("a person's roles of one year come in natural title order", async () => {
  const saw = (await listAll(b, '/v1/movies')).find((m) => m.title === 'Saw 10');
  const credits = await get(b, `/v1/movies/${saw.id}/credits`);
  const person = credits.items.find((c: any) => c.name === 'Tobin Bell').personId;
  expect((await get(b, `/v1/people/${person}`)).roles.map((r: any) => r.title)).toEqual(['Saw 2', 'Saw 10']);
});

describe('titles edited through /v1/metadata sort naturally', () => {
  const idOf = async (kind: string, title: string) =>
    (await listAll(b, `/v1/${kind}?sort=title`)).find((m) => m.title === title).id;
  const patch = async (id: string, body: Record<string, string>) => {
    const r = await b.h.request('PATCH', `/v1/metadata/${id}`, { token: b.token, body });
    expect(r.status).toBe(200);
    return r.body;
  };

  test('a new title moves the movie to its place by number', async () => {
    const edited = await patch(await idOf('movies', 'Film 100'), { title: 'Film 11' });
    expect(edited.sortTitle).toBe('film 11');
    const up = await titles('/v1/movies?sort=title&order=asc', 2);
    expect(up.indexOf('Film 11')).toBe(up.indexOf('Film 10') + 1);
    expect(up.indexOf('The Film 20')).toBe(up.indexOf('Film 11') + 1);
  });

  test('a new sort title moves the show, and shows as typed (folded)', async () => {
    const edited = await patch(await idOf('shows', 'Show 100'), { sortTitle: 'Show 4' });
    expect(edited.sortTitle).toBe('show 4');
    for (const limit of [1, 2]) {
      const up = await titles('/v1/shows?sort=title&order=asc', limit);
      expect(up).toEqual(['Show 1', 'Show 2', 'The Show 3', 'Show 100', 'Show 10']);
      expect(await titles('/v1/shows?sort=title&order=desc', limit)).toEqual([...up].reverse());
    }
  });

  test('an edited sort title keeps its place through a forced rescan', async () => {
    const shows = (await get(b, '/v1/libraries')).items.find((l: any) => l.kind === 'shows').id;
    await waitForScan(b, shows, await startScan(b, shows, { force: true }));
    expect(await titles('/v1/shows?sort=title&order=asc', 2)).toEqual([
      'Show 1',
      'Show 2',
      'The Show 3',
      'Show 100',
      'Show 10',
    ]);
  });

  test('unlocked, the next forced rescan sorts the show by its folder name again', async () => {
    const shows = (await get(b, '/v1/libraries')).items.find((l: any) => l.kind === 'shows').id;
    const id = await idOf('shows', 'Show 100');
    const r = await b.h.request('POST', `/v1/metadata/${id}/unlock`, { token: b.token });
    expect(r.status).toBe(200);
    await waitForScan(b, shows, await startScan(b, shows, { force: true }));
    expect(await titles('/v1/shows?sort=title&order=desc', 1)).toEqual([...SHOWS_ASC].reverse());
  });
});
