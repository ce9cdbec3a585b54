// /v1/libraries: path validation (missing, not a folder, overlapping), admin-only writes, rename, delete
// keeping files on disk; and the visibility extension point filtering lists and items inside SQL.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { LibrariesApi } from '../api.ts';
import { mkdir, movieNfo, removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, listAll, movieTitled, scan } from './harness.ts';

let b: Booted;

beforeAll(async () => {
  b = await boot({ probe: false });
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

const post = (body: unknown, token = b.token) => b.h.request('POST', '/v1/libraries', { token, body });

describe('creating libraries', () => {
  test('a path that does not exist is rejected with 422 naming the path', async () => {
    const missing = join(tempDir(), 'nope');
    const r = await post({ name: 'X', kind: 'movies', paths: [missing] });
    expect(r.status).toBe(422);
    expect(r.body.details).toEqual([{ path: 'body.paths.0', message: `${missing} does not exist` }]);
  });

  test('a missing paths field is rejected with 422 naming it', async () => {
    const r = await post({ name: 'X', kind: 'movies' });
    expect(r.status).toBe(422);
    expect(r.body.details.map((d: any) => d.path)).toContain('body.paths');
  });

  test('an empty paths list is rejected with 422', async () => {
    const r = await post({ name: 'X', kind: 'movies', paths: [] });
    expect(r.status).toBe(422);
    expect(r.body.details.map((d: any) => d.path)).toContain('body.paths');
  });

  test('a file instead of a folder is rejected with 422', async () => {
    const root = await writeTree(tempDir(), { 'movie.mkv': '' });
    const r = await post({ name: 'X', kind: 'movies', paths: [root, join(root, 'movie.mkv')] });
    expect(r.status).toBe(422);
    expect(r.body.details).toEqual([
      { path: 'body.paths.1', message: `${join(root, 'movie.mkv')} is not a folder` },
    ]);
  });

  test('a folder inside another library is rejected with 422 naming that library', async () => {
    const root = tempDir();
    mkdir(root, 'inner');
    await createLibrary(b, 'movies', [root], 'Outer');
    const r = await post({ name: 'Inner', kind: 'shows', paths: [join(root, 'inner')] });
    expect(r.status).toBe(422);
    expect(r.body.details[0].path).toBe('body.paths.0');
    expect(r.body.details[0].message).toContain('overlaps library "Outer"');
  });

  test('a folder containing another library is rejected with 422', async () => {
    const root = tempDir();
    const inner = mkdir(root, 'inner');
    await createLibrary(b, 'shows', [inner], 'Inner');
    const r = await post({ name: 'Outer', kind: 'movies', paths: [root] });
    expect(r.status).toBe(422);
    expect(r.body.details[0].message).toContain('overlaps library "Inner"');
  });

  test('paths of one library that overlap each other are rejected with 422', async () => {
    const root = tempDir();
    const sub = mkdir(root, 'sub');
    const r = await post({ name: 'Self', kind: 'movies', paths: [root, sub] });
    expect(r.status).toBe(422);
    expect(r.body.details).toEqual([{ path: 'body.paths.1', message: `${sub} overlaps ${root}` }]);
    const same = await post({ name: 'Twice', kind: 'movies', paths: [root, root] });
    expect(same.status).toBe(422);
  });

  test('a created library answers 201 with its resolved paths and an idle scan state', async () => {
    const root = tempDir();
    const r = await post({ name: '  Films  ', kind: 'movies', paths: [`${root}/./`] });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ name: 'Films', kind: 'movies', paths: [root], lastScanAt: null });
    expect(r.body.scan).toMatchObject({ state: 'idle', jobId: null, counts: null });
  });
});

describe('permissions', () => {
  test('a plain user gets 403 creating or scanning a library and 200 listing them', async () => {
    const user = await b.h.user();
    const shared = await createLibrary(b, 'movies', [tempDir()], 'Shared');
    const r = await post({ name: 'Mine', kind: 'movies', paths: [tempDir()] }, user.token);
    expect(r.status).toBe(403);
    const list = await b.h.request('GET', '/v1/libraries', { token: user.token });
    expect(list.status).toBe(200);
    const names = list.body.items.map((l: any) => l.name);
    expect(names).toContain('Shared');
    expect(names).not.toContain('Mine');
    const scanned = await b.h.request('POST', `/v1/libraries/${shared}/scan`, { token: user.token });
    expect(scanned.status).toBe(403);
  });

  test('without a token listing libraries answers 401', async () => {
    expect((await b.h.request('GET', '/v1/libraries')).status).toBe(401);
  });
});

describe('changing and deleting', () => {
  test('PATCH renames a library and keeps its paths', async () => {
    const root = tempDir();
    const id = await createLibrary(b, 'movies', [root], 'Old name');
    const r = await b.h.request('PATCH', `/v1/libraries/${id}`, {
      token: b.token,
      body: { name: 'New name' },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id, name: 'New name', paths: [root] });
    expect((await get(b, `/v1/libraries/${id}`)).name).toBe('New name');
  });

  test('PATCH with paths that overlap another library is rejected with 422 and changes nothing', async () => {
    const a = tempDir();
    const other = tempDir();
    const id = await createLibrary(b, 'movies', [a], 'Patched');
    await createLibrary(b, 'movies', [other], 'Other');
    const r = await b.h.request('PATCH', `/v1/libraries/${id}`, { token: b.token, body: { paths: [other] } });
    expect(r.status).toBe(422);
    expect((await get(b, `/v1/libraries/${id}`)).paths).toEqual([a]);
  });

  test("PATCH to a subfolder of the library's own folder is allowed: a library never overlaps itself", async () => {
    const root = tempDir();
    const sub = mkdir(root, 'sub');
    const id = await createLibrary(b, 'movies', [root], 'Narrowed');
    const r = await b.h.request('PATCH', `/v1/libraries/${id}`, { token: b.token, body: { paths: [sub] } });
    expect(r.status).toBe(200);
    expect(r.body.paths).toEqual([sub]);
  });

  test('DELETE removes the catalog rows of the library but leaves its files on disk', async () => {
    const root = await writeTree(tempDir(), {
      'Gone (2000)/Gone (2000).mkv': 'x',
      'Gone (2000)/movie.nfo': movieNfo({ title: 'Gone', actors: [['Someone', 'Self']] }),
    });
    const id = await createLibrary(b, 'movies', [root], 'Doomed');
    await scan(b, id);
    const m = await movieTitled(b, 'Gone');
    const rows = (table: string) =>
      b.h.core.sqlite
        .query<{ n: number }, [string]>(`SELECT COUNT(*) AS n FROM ${table} WHERE library_id = ?`)
        .get(id)!.n;
    expect(rows('libraries_items')).toBe(1);
    const del = await b.h.request('DELETE', `/v1/libraries/${id}`, { token: b.token });
    expect(del.status).toBe(200);
    expect(rows('libraries_items')).toBe(0);
    expect(rows('libraries_files')).toBe(0);
    const credits = b.h.core.sqlite
      .query<{ n: number }, [string]>('SELECT COUNT(*) AS n FROM libraries_credits WHERE item_id = ?')
      .get(m.id)!.n;
    expect(credits).toBe(0);
    expect((await b.h.request('GET', `/v1/libraries/${id}`, { token: b.token })).status).toBe(404);
    expect((await b.h.request('GET', `/v1/movies/${m.id}`, { token: b.token })).status).toBe(404);
    expect(existsSync(join(root, 'Gone (2000)/Gone (2000).mkv'))).toBe(true);
    expect(existsSync(join(root, 'Gone (2000)/movie.nfo'))).toBe(true);
  });
});

describe('visibility filters', () => {
  let lib: string;
  let removeFilter: (() => void) | null = null;
  const rated: Record<string, string> = {};

  beforeAll(async () => {
    // 16 movies, every other one rated R, so the first page of five by title would hold R-rated ones.
    const files: Record<string, string> = {};
    for (let i = 1; i <= 16; i++) {
      const name = `Title ${String(i).padStart(2, '0')} (${2000 + i})`;
      files[`${name}/${name}.mkv`] = '';
      files[`${name}/movie.nfo`] = movieNfo({
        title: `Title ${String(i).padStart(2, '0')}`,
        mpaa: i % 2 ? 'R' : 'PG',
      });
    }
    const root = await writeTree(tempDir(), files);
    lib = await createLibrary(b, 'movies', [root], 'Rated');
    await scan(b, lib);
    for (const m of await listAll(b, `/v1/movies?library=${lib}`)) rated[m.id] = m.contentRating;
    expect(Object.values(rated).filter((r) => r === 'R')).toHaveLength(8);
    const api = b.h.host.api('libraries') as LibrariesApi;
    removeFilter = api.addVisibilityFilter(() => sql`libraries_items.content_rating IS NOT 'R'`);
  });

  afterAll(() => removeFilter?.());

  test('lists never show filtered movies and every visible one appears once across pages', async () => {
    const all = await listAll(b, `/v1/movies?library=${lib}`, 3);
    expect(all.map((m) => m.contentRating)).toEqual(Array(8).fill('PG'));
    expect(new Set(all.map((m) => m.id)).size).toBe(8);
  });

  test('a page of limit=5 is still full: filtering happens in SQL before paging', async () => {
    const page = await get(b, `/v1/movies?library=${lib}&limit=5`);
    expect(page.items).toHaveLength(5);
    expect(page.items.map((m: any) => m.title)).toEqual([
      'Title 02',
      'Title 04',
      'Title 06',
      'Title 08',
      'Title 10',
    ]);
    expect(page.nextCursor).not.toBeNull();
  });

  test('recently added never shows filtered movies', async () => {
    const page = await get(b, `/v1/movies/recently-added?library=${lib}&limit=5`);
    expect(page.items).toHaveLength(5);
    expect(page.items.every((m: any) => m.contentRating !== 'R')).toBe(true);
  });

  test('a filtered movie answers 404 by id, for its credits and for its file stats', async () => {
    const hidden = Object.keys(rated).find((id) => rated[id] === 'R')!;
    for (const path of [
      `/v1/movies/${hidden}`,
      `/v1/movies/${hidden}/credits`,
      `/v1/movies/${hidden}/file-stats`,
    ])
      expect((await b.h.request('GET', path, { token: b.token })).status).toBe(404);
    const shown = Object.keys(rated).find((id) => rated[id] === 'PG')!;
    expect((await b.h.request('GET', `/v1/movies/${shown}`, { token: b.token })).status).toBe(200);
  });

  test('removing the filter makes the movies visible again', async () => {
    removeFilter!();
    removeFilter = null;
    expect(await listAll(b, `/v1/movies?library=${lib}`)).toHaveLength(16);
  });
});
