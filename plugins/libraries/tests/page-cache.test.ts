// The catalog page cache never serves a stale or foreign page: each test loads a list first (so it is cached), changes
// something, and expects the next load to show the change — watch state, scans, edits, deletes, visibility filters
// (registered later, or reading data that changes), writes from another process, other users and profiles.

import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { sqlFromAnotherProcess } from '@bijou/sdk/testing';
import { sql } from 'drizzle-orm';
import type { LibrariesApi } from '../api.ts';
import { removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, scan } from './harness.ts';

let b: Booted;
let api: LibrariesApi;
let root: string;
let lib: string;

const page = (token = b.token, query = '') => get(b, `/v1/movies?library=${lib}&limit=50${query}`, token);
const titles = async (token = b.token, query = '') =>
  (await page(token, query)).items.map((m: any) => m.title) as string[];
const idOf = async (title: string) =>
  ((await page()).items as any[]).find((m) => m.title === title)?.id as string;
const movie = (name: string) => ({ [`${name} (2001)/${name} (2001).mkv`]: '' });

beforeAll(async () => {
  b = await boot({ probe: false });
  api = b.h.host.api('libraries') as LibrariesApi;
  root = await writeTree(tempDir(), { ...movie('Alpha'), ...movie('Bravo'), ...movie('Charlie') });
  lib = await createLibrary(b, 'movies', [root]);
  await scan(b, lib);
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

describe('a cached catalog page', () => {
  test('is the same page when nothing changed, served as JSON', async () => {
    const r = await b.h.request('GET', `/v1/movies?library=${lib}&limit=50`, { token: b.token });
    expect(r.headers.get('content-type')).toStartWith('application/json');
    const first = await page();
    expect(first.items.map((m: any) => m.title)).toEqual(['Alpha', 'Bravo', 'Charlie']);
    expect(await page()).toEqual(first);
  });

  test('shows a watched mark set through the route right after it is set, and its removal', async () => {
    const id = await idOf('Alpha');
    expect((await page()).items[0].watched).toBe(false);
    expect((await b.h.request('PUT', `/v1/movies/${id}/watched`, { token: b.token })).status).toBe(200);
    expect((await page()).items[0].watched).toBe(true);
    expect((await b.h.request('DELETE', `/v1/movies/${id}/watched`, { token: b.token })).status).toBe(200);
    expect((await page()).items[0].watched).toBe(false);
  });

  test('shows playback progress recorded through the plugin API (as the playback plugin does)', async () => {
    const id = await idOf('Bravo');
    const viewer = { userId: 'x', role: 'admin' as const, profileId: (await get(b, '/v1/users/me')).id };
    expect((await page()).items[1].position).toBe(0);
    api.setProgress(viewer, id, 42, 1000);
    expect((await page()).items[1].position).toBe(42);
  });

  test('shows a movie a rescan added, and drops one whose file a rescan found gone', async () => {
    expect(await titles()).not.toContain('Delta');
    await writeTree(root, movie('Delta'));
    await scan(b, lib);
    expect(await titles()).toContain('Delta');
    rmSync(join(root, 'Delta (2001)'), { recursive: true });
    await scan(b, lib);
    expect(await titles()).not.toContain('Delta');
  });

  test('shows a metadata edit right after it is saved', async () => {
    const id = await idOf('Charlie');
    expect(await titles()).toContain('Charlie');
    const r = await b.h.request('PATCH', `/v1/metadata/${id}`, {
      token: b.token,
      body: { title: 'Charlie Edited' },
    });
    expect(r.status).toBe(200);
    expect(await titles()).toContain('Charlie Edited');
    expect(await titles()).not.toContain('Charlie');
  });

  test('hides a movie as soon as a visibility filter registered later excludes it, and shows it once removed', async () => {
    expect(await titles()).toContain('Alpha');
    const remove = api.addVisibilityFilter(() => sql`libraries_items.title <> 'Alpha'`);
    try {
      expect(await titles()).not.toContain('Alpha');
    } finally {
      remove();
    }
    expect(await titles()).toContain('Alpha');
  });

  test('follows a visibility filter whose condition reads data that changes', async () => {
    b.h.core.sqlite.run('CREATE TABLE IF NOT EXISTS test_hidden_titles (title TEXT)');
    const remove = api.addVisibilityFilter(
      () => sql`libraries_items.title NOT IN (SELECT title FROM test_hidden_titles)`,
    );
    try {
      expect(await titles()).toContain('Bravo');
      b.h.core.sqlite.run("INSERT INTO test_hidden_titles VALUES ('Bravo')");
      expect(await titles()).not.toContain('Bravo');
      b.h.core.sqlite.run('DELETE FROM test_hidden_titles');
      expect(await titles()).toContain('Bravo');
    } finally {
      remove();
    }
  });

  test('shows a change another process committed (e.g. the bijou CLI)', async () => {
    expect(await titles()).toContain('Bravo');
    await sqlFromAnotherProcess(
      join(b.h.dataDir, 'bijou.sqlite'),
      "UPDATE libraries_items SET title = 'Bravo Elsewhere' WHERE title = 'Bravo'",
    );
    expect(await titles()).toContain('Bravo Elsewhere');
  });

  test('is never shared between users: each sees their own watch state', async () => {
    const other = await b.h.user();
    const id = await idOf('Alpha');
    expect((await page(other.token)).items[0].watched).toBe(false);
    await b.h.request('PUT', `/v1/movies/${id}/watched`, { token: b.token });
    expect((await page()).items[0].watched).toBe(true);
    expect((await page(other.token)).items[0].watched).toBe(false);
    await b.h.request('PUT', `/v1/movies/${id}/watched`, { token: other.token });
    await b.h.request('DELETE', `/v1/movies/${id}/watched`, { token: b.token });
    expect((await page()).items[0].watched).toBe(false);
    expect((await page(other.token)).items[0].watched).toBe(true);
  });

  test('is never shared between profiles of one user, nor with a profile-specific visibility filter', async () => {
    const removeResolver = api.addProfileResolver((_u, r) => r.headers.get('x-test-profile'));
    const removeFilter = api.addVisibilityFilter((v) =>
      v.profileId === 'kids' ? sql`libraries_items.title <> 'Alpha'` : undefined,
    );
    try {
      const as = (profile: string) =>
        b.h.request('GET', `/v1/movies?library=${lib}&limit=50`, {
          token: b.token,
          headers: { 'x-test-profile': profile },
        });
      const id = await idOf('Alpha');
      const kidsBefore = (await as('kids')).body.items.map((m: any) => m.title);
      const teen = await as('teen');
      expect(kidsBefore).not.toContain('Alpha');
      expect(teen.body.items[0]).toMatchObject({ title: 'Alpha', watched: false });
      await b.h.request('PUT', `/v1/movies/${id}/watched`, {
        token: b.token,
        headers: { 'x-test-profile': 'teen' },
      });
      expect((await as('teen')).body.items[0]).toMatchObject({ title: 'Alpha', watched: true });
      expect((await as('kids')).body.items.map((m: any) => m.title)).toEqual(kidsBefore);
      expect((await page()).items[0]).toMatchObject({ title: 'Alpha', watched: false });
    } finally {
      removeFilter();
      removeResolver();
    }
  });

  test('is gone with its library: a deleted library lists nothing', async () => {
    expect((await page()).items.length).toBeGreaterThan(0);
    expect((await b.h.request('DELETE', `/v1/libraries/${lib}`, { token: b.token })).status).toBe(200);
    expect((await page()).items).toEqual([]);
  });
});
