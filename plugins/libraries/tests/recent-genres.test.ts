// Two browse lists of the home and library pages: recently added episodes grouped per show (newest batch, keyset
// pages, library filter, visibility, missing episodes) and the genre list with counts (kind, library, visibility).
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { sql } from 'drizzle-orm';
import type { LibrariesApi } from '../api.ts';
import { movieNfo, removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, listAll, scan } from './harness.ts';

const tvNfo = (title: string, genres: string[]) =>
  `<tvshow><title>${title}</title>${genres.map((g) => `<genre>${g}</genre>`).join('')}</tvshow>`;

let b: Booted;
let user: { token: string; id: string };
let showsLib: string;
let moviesLib: string;
const ids: Record<string, string> = {};
const HOUR = 3600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const setAdded = (id: string, at: string) =>
  b.h.core.sqlite.query('UPDATE libraries_items SET added_at = ? WHERE id = ?').run(at, id);

beforeAll(async () => {
  b = await boot({ probe: false });
  const shows = tempDir();
  await writeTree(shows, {
    'Alpha/tvshow.nfo': tvNfo('Alpha', ['Comedy', 'Drama']),
    'Alpha/Season 01/Alpha - S01E01.mkv': '',
    'Alpha/Season 01/Alpha - S01E02.mkv': '',
    'Alpha/Season 02/Alpha - S02E01.mkv': '',
    'Beta/tvshow.nfo': tvNfo('Beta', ['comedy']),
    'Beta/Season 01/Beta - S01E01.mkv': '',
    'Beta/Season 01/Beta - S01E02.mkv': '',
    'Gamma/tvshow.nfo': tvNfo('Gamma', ['Science Fiction']),
    'Gamma/Season 01/Gamma - S01E01.mkv': '',
    'Gamma/Season 02/Gamma - S02E01.mkv': '',
  });
  const more = tempDir();
  await writeTree(more, { 'Delta/Season 01/Delta - S01E01.mkv': '' });
  const movies = tempDir();
  await writeTree(movies, {
    'One (2020)/One (2020).mkv': '',
    'One (2020)/One (2020).nfo': movieNfo({ title: 'One', year: 2020, genres: ['Comedy', 'Action'] }),
    'Two (2021)/Two (2021).mkv': '',
    'Two (2021)/Two (2021).nfo': movieNfo({ title: 'Two', year: 2021, genres: ['Action'] }),
  });
  showsLib = await createLibrary(b, 'shows', [shows]);
  await scan(b, showsLib);
  await scan(b, await createLibrary(b, 'shows', [more], 'More shows'));
  moviesLib = await createLibrary(b, 'movies', [movies]);
  await scan(b, moviesLib);
  for (const s of await listAll(b, '/v1/shows')) {
    ids[s.title] = s.id;
    for (const season of (await get(b, `/v1/shows/${s.id}/seasons`)).items)
      for (const e of (await get(b, `/v1/shows/${s.id}/seasons/${season.seasonNumber}/episodes`)).items)
        ids[`${s.title} ${season.seasonNumber}x${e.episodeNumber}`] = e.id;
  }
  // Alpha: an old first season and one new episode; Beta: two new episodes; Delta (other library) and Gamma
  // (both seasons together) earlier.
  setAdded(ids['Alpha 1x1'], ago(240 * HOUR));
  setAdded(ids['Alpha 1x2'], ago(240 * HOUR));
  setAdded(ids['Alpha 2x1'], ago(1 * HOUR));
  setAdded(ids['Beta 1x1'], ago(3 * HOUR));
  setAdded(ids['Beta 1x2'], ago(2 * HOUR));
  setAdded(ids['Delta 1x1'], ago(50 * HOUR));
  setAdded(ids['Gamma 1x1'], ago(100 * HOUR));
  setAdded(ids['Gamma 2x1'], ago(99 * HOUR));
  user = await b.h.user();
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

const recent = async (query = '', token = b.token) => {
  const r = await b.h.request('GET', `/v1/shows/recently-added-episodes${query}`, { token });
  expect(r.status).toBe(200);
  return r.body;
};
const summary = (items: any[]) =>
  items.map((g) => ({ show: g.show.title, count: g.count, seasons: g.seasonNumbers, last: g.episode.id }));

describe('recently added episodes', () => {
  test('one entry per show, newest first, each its newest batch with count, seasons and last episode', async () => {
    expect(summary((await recent()).items)).toEqual([
      { show: 'Alpha', count: 1, seasons: [2], last: ids['Alpha 2x1'] },
      { show: 'Beta', count: 2, seasons: [1], last: ids['Beta 1x2'] },
      { show: 'Delta', count: 1, seasons: [1], last: ids['Delta 1x1'] },
      { show: 'Gamma', count: 2, seasons: [1, 2], last: ids['Gamma 2x1'] },
    ]);
  });

  test('entries carry the show with its artwork and the episode as a list item', async () => {
    const [first] = (await recent('?limit=1')).items;
    expect(first.show).toEqual({ id: ids.Alpha, title: 'Alpha', year: null, artwork: {} });
    expect(first.episode).toMatchObject({
      kind: 'episode',
      seasonNumber: 2,
      episodeNumber: 1,
      showId: ids.Alpha,
    });
    expect(Date.parse(first.addedAt)).toBeGreaterThan(Date.now() - 2 * HOUR);
  });

  test('cursor pages of one walk every entry exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await recent(`?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBe(1);
      seen.push(page.items[0].show.title);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Alpha', 'Beta', 'Delta', 'Gamma']);
  });

  test('the library filter keeps one library’s shows', async () => {
    expect((await recent(`?library=${showsLib}`)).items.map((g: any) => g.show.title)).toEqual([
      'Alpha',
      'Beta',
      'Gamma',
    ]);
  });

  test('a missing episode leaves the batch; a show with none present leaves the list', async () => {
    const db = b.h.core.sqlite;
    db.query('UPDATE libraries_items SET missing = 1 WHERE id IN (?, ?)').run(
      ids['Alpha 2x1'],
      ids['Delta 1x1'],
    );
    try {
      const items = summary((await recent()).items);
      expect(items.map((g) => g.show)).toEqual(['Beta', 'Gamma', 'Alpha']);
      expect(items[2]).toEqual({ show: 'Alpha', count: 2, seasons: [1], last: ids['Alpha 1x2'] });
    } finally {
      db.query('UPDATE libraries_items SET missing = 0 WHERE id IN (?, ?)').run(
        ids['Alpha 2x1'],
        ids['Delta 1x1'],
      );
    }
  });

  test('a show a visibility filter hides is left out', async () => {
    const libs = b.h.host.api('libraries') as LibrariesApi;
    const remove = libs.addVisibilityFilter((v) =>
      v.role === 'admin' ? undefined : sql`libraries_items.title != 'Beta'`,
    );
    try {
      const titles = (await recent('', user.token)).items.map((g: any) => g.show.title);
      expect(titles).toEqual(['Alpha', 'Delta', 'Gamma']);
      expect((await recent()).items.length).toBe(4);
    } finally {
      remove();
    }
  });

  test('a malformed cursor is a 400', async () => {
    const r = await b.h.request('GET', '/v1/shows/recently-added-episodes?cursor=nope', { token: b.token });
    expect(r.status).toBe(400);
  });
});

describe('genres', () => {
  const genres = async (query = '', token = b.token) => {
    const r = await b.h.request('GET', `/v1/genres${query}`, { token });
    expect(r.status).toBe(200);
    return r.body.items;
  };

  test('show genres are counted case-insensitively and spelled as the items spell them, by name', async () => {
    expect(await genres('?kind=show')).toEqual([
      { name: 'Comedy', value: 'comedy', count: 2 },
      { name: 'Drama', value: 'drama', count: 1 },
      { name: 'Science Fiction', value: 'science fiction', count: 1 },
    ]);
  });

  test('movie genres, and both kinds together without a kind', async () => {
    expect(await genres('?kind=movie')).toEqual([
      { name: 'Action', value: 'action', count: 2 },
      { name: 'Comedy', value: 'comedy', count: 1 },
    ]);
    expect((await genres()).map((g: any) => [g.value, g.count])).toEqual([
      ['action', 2],
      ['comedy', 3],
      ['drama', 1],
      ['science fiction', 1],
    ]);
  });

  test('a value filters the list it came from', async () => {
    const shows = await get(b, '/v1/shows?genre=science%20fiction');
    expect(shows.items.map((s: any) => s.title)).toEqual(['Gamma']);
  });

  test('the library filter counts one library only', async () => {
    expect(await genres(`?library=${moviesLib}&kind=show`)).toEqual([]);
    expect((await genres(`?library=${moviesLib}`)).length).toBe(2);
  });

  test('genres only hidden items carry are not offered to a restricted viewer', async () => {
    const libs = b.h.host.api('libraries') as LibrariesApi;
    const remove = libs.addVisibilityFilter((v) =>
      v.role === 'admin' ? undefined : sql`libraries_items.title != 'Gamma'`,
    );
    try {
      expect((await genres('?kind=show', user.token)).map((g: any) => g.value)).toEqual(['comedy', 'drama']);
    } finally {
      remove();
    }
  });

  test('an unknown kind is a 422', async () => {
    expect((await b.h.request('GET', '/v1/genres?kind=podcast', { token: b.token })).status).toBe(422);
  });
});
