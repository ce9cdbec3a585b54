// Movie lists over the shared movie tree (movie-tree.ts) through the HTTP API: filters, sorting, cursor paging,
// watched state per user and recently added.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { removeTemps, writeTree } from './fixtures.ts';
import { type Booted, get, listAll, movieTitled, scan } from './harness.ts';
import { bootMovieTree } from './movie-tree.ts';

let b: Booted;
let root: string;
let libraryId: string;
let pagedLibrary: string;

beforeAll(async () => {
  ({ b, root, libraryId, pagedLibrary } = await bootMovieTree());
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

describe('filters, sorting and paging', () => {
  test('genre filters case-insensitively to movies having that genre', async () => {
    const all = await listAll(b, '/v1/movies?genre=science%20fiction');
    expect(all.map((m) => m.title)).toEqual(['The Matrix']);
    const drama = await listAll(b, '/v1/movies?genre=Drama');
    expect(drama.map((m) => [m.title, m.genres])).toEqual([['Blade Runner', ['Drama']]]);
  });

  test('yearFrom and yearTo keep movies within the range, both ends included', async () => {
    const all = await listAll(b, `/v1/movies?library=${libraryId}&yearFrom=1995&yearTo=2009`);
    expect(all.map((m) => m.year).sort()).toEqual([1995, 1999, 2003, 2004, 2009]);
  });

  test('a year range that ends before it starts is a 422 naming yearTo, not an empty page', async () => {
    for (const path of ['/v1/movies', '/v1/movies/recently-added']) {
      const r = await b.h.request('GET', `${path}?yearFrom=2009&yearTo=1995`, { token: b.token });
      expect(r.status).toBe(422);
      expect(r.body.details).toEqual([
        { path: 'query.yearTo', message: 'Expected a year from yearFrom (2009) on' },
      ]);
    }
    const one = await listAll(b, `/v1/movies?library=${libraryId}&yearFrom=1999&yearTo=1999`);
    expect(one.map((m) => m.year)).toEqual([1999]);
  });

  test('watched that is neither true nor false is a 422 saying so', async () => {
    const r = await b.h.request('GET', '/v1/movies?watched=maybe', { token: b.token });
    expect([r.status, r.body.details]).toEqual([
      422,
      [{ path: 'query.watched', message: 'Expected true or false' }],
    ]);
  });

  test('sort=year&order=desc lists the newest first', async () => {
    const all = await listAll(b, `/v1/movies?library=${pagedLibrary}&sort=year&order=desc`, 7);
    const years = all.map((m) => m.year);
    expect(years).toHaveLength(25);
    expect(years).toEqual([...years].sort((x, y) => y - x));
    expect(years[0]).toBe(1995);
  });

  test('the default order is by sort title, ignoring a leading article', async () => {
    const all = await listAll(b, `/v1/movies?library=${libraryId}`);
    const titles = all.map((m) => m.title);
    expect(titles.indexOf('The Matrix')).toBeGreaterThan(titles.indexOf('Heat'));
    expect(titles.indexOf('The Matrix')).toBeLessThan(titles.indexOf('Stub'));
  });

  test('cursor paging over 25 movies returns every movie exactly once', async () => {
    for (const limit of [1, 4, 10]) {
      const all = await listAll(b, `/v1/movies?library=${pagedLibrary}`, limit);
      expect(all).toHaveLength(25);
      expect(new Set(all.map((m) => m.id)).size).toBe(25);
      expect(all.map((m) => m.title)).toEqual(
        Array.from({ length: 25 }, (_, i) => `Film ${String(i + 1).padStart(2, '0')}`),
      );
    }
  });

  test('a page holds at most `limit` movies and the last page has no next cursor', async () => {
    const first = await get(b, `/v1/movies?library=${pagedLibrary}&limit=10`);
    expect(first.items).toHaveLength(10);
    expect(typeof first.nextCursor).toBe('string');
    const rest = await get(
      b,
      `/v1/movies?library=${pagedLibrary}&limit=20&cursor=${encodeURIComponent(first.nextCursor)}`,
    );
    expect(rest.items).toHaveLength(15);
    expect(rest.nextCursor).toBeNull();
  });
});

describe('watched state', () => {
  test('PUT and DELETE …/watched turn `watched` on and off for the caller', async () => {
    const m = await movieTitled(b, 'Heat');
    expect(m.watched).toBe(false);
    const on = await b.h.request('PUT', `/v1/movies/${m.id}/watched`, { token: b.token });
    expect(on.status).toBe(200);
    expect((await get(b, `/v1/movies/${m.id}`)).watched).toBe(true);
    const off = await b.h.request('DELETE', `/v1/movies/${m.id}/watched`, { token: b.token });
    expect(off.status).toBe(200);
    expect((await get(b, `/v1/movies/${m.id}`)).watched).toBe(false);
  });

  test('?watched=true lists only watched movies and ?watched=false the rest', async () => {
    const up = await movieTitled(b, 'Up');
    await b.h.request('PUT', `/v1/movies/${up.id}/watched`, { token: b.token });
    const watched = await listAll(b, `/v1/movies?library=${libraryId}&watched=true`);
    expect(watched.map((m) => m.title)).toEqual(['Up']);
    const unwatched = await listAll(b, `/v1/movies?library=${libraryId}&watched=false`);
    const total = await listAll(b, `/v1/movies?library=${libraryId}`);
    expect(unwatched).toHaveLength(total.length - 1);
    expect(unwatched.map((m) => m.title)).not.toContain('Up');
  });

  test("watched state belongs to one user: another user does not see the admin's watched mark", async () => {
    const up = await movieTitled(b, 'Up');
    await b.h.request('PUT', `/v1/movies/${up.id}/watched`, { token: b.token });
    const other = await b.h.user();
    expect((await get(b, `/v1/movies/${up.id}`, other.token)).watched).toBe(false);
  });
});

describe('recently added', () => {
  test('a movie added by a later scan comes first in recently-added', async () => {
    const before = await get(b, '/v1/movies/recently-added?limit=100');
    expect(before.items.map((m: any) => m.title)).not.toContain('Arrival');
    await Bun.sleep(5);
    await writeTree(root, { 'Arrival (2016)/Arrival (2016).mkv': '' });
    const s = await scan(b, libraryId);
    expect(s.counts.added).toBe(1);
    const after = await get(b, '/v1/movies/recently-added?limit=3');
    expect(after.items[0].title).toBe('Arrival');
    const added = after.items.map((m: any) => m.addedAt);
    expect(added).toEqual([...added].sort().reverse());
  });
});
