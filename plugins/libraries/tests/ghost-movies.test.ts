// A movie whose files all went to other movies (its NFO now names another movie's id) has no file row left to return
// with, so the rescan that takes its last file removes it — with its genres and credits, its watch state going to the
// movie that took the file (ghost-watch.test.ts) — and announces it as removed; a movie whose files are gone from
// disk keeps them, missing, and comes back with its watch state.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { reconcileMissing } from '../services/scan-reconcile.ts';
import { movieNfo, removeTemps, tempDir, writeTree } from './fixtures.ts';
import {
  type Announced,
  announcedScans,
  type Booted,
  boot,
  createLibrary,
  get,
  listAll,
  movieTitled,
  scan,
} from './harness.ts';

let b: Booted;
let root: string;
let lib: string;
let scanned: (libraryId: string) => Promise<Announced>;

beforeAll(async () => {
  b = await boot({ probe: false });
  scanned = announcedScans(b);
  root = await writeTree(tempDir(), {
    'Ronin (1998)/Ronin (1998).mkv': 'ronin',
    'Ronin (1998)/movie.nfo': movieNfo({
      title: 'Ronin',
      year: 1998,
      tmdb: '8195',
      genres: ['Thriller'],
      actors: [['Robert De Niro', 'Sam']],
    }),
    'Alien (1979)/Alien (1979).mkv': 'alien',
    'Alien (1979)/movie.nfo': movieNfo({ title: 'Alien', year: 1979, tmdb: '348', genres: ['Horror'] }),
    'Up (2009)/Up (2009).mkv': 'up',
    'Heat (1995)/Heat (1995).mkv': 'heat',
  });
  lib = await createLibrary(b, 'movies', [root]);
  await scan(b, lib);
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

/** Scans and returns its counts with what it announced. */
const rescan = () => scanned(lib);

/** Rows of an item in the tables that hang off it. */
const rowsOf = (itemId: string) =>
  Object.fromEntries(
    [
      'libraries_items:id',
      'libraries_item_genres:item_id',
      'libraries_credits:item_id',
      'libraries_watch_state:item_id',
    ].map((spec) => {
      const [table, col] = spec.split(':');
      const q = b.h.core.sqlite.query<{ n: number }, [string]>(
        `SELECT COUNT(*) AS n FROM ${table} WHERE ${col} = ?`,
      );
      return [table, q.get(itemId)!.n];
    }),
  );

const watch = async (id: string) =>
  expect((await b.h.request('PUT', `/v1/movies/${id}/watched`, { token: b.token })).status).toBe(200);

describe('a movie whose only file now belongs to another movie', () => {
  let ronin: any;
  let up: any;

  beforeAll(async () => {
    ronin = await movieTitled(b, 'Ronin');
    up = await movieTitled(b, 'Up');
    await watch(ronin.id);
    await watch(up.id);
    expect(rowsOf(ronin.id)).toEqual({
      libraries_items: 1,
      libraries_item_genres: 1,
      libraries_credits: 1,
      libraries_watch_state: 1,
    });
  });

  test('is removed by the rescan that moves the file, while a movie whose file is deleted stays missing', async () => {
    // Ronin's NFO now names Alien's TMDb id: its file becomes a second file of Alien. Up's only file is deleted.
    writeFileSync(
      join(root, 'Ronin (1998)/movie.nfo'),
      movieNfo({ title: 'Alien', year: 1979, tmdb: '348' }),
    );
    rmSync(join(root, 'Up (2009)/Up (2009).mkv'));
    const r = await rescan();
    expect(r.counts).toMatchObject({ removed: 1, missing: 1, errors: 0 });
    expect(r.removed).toEqual([ronin.id]);
    expect(r.missing).toEqual([up.id]);
    expect((await b.h.request('GET', `/v1/movies/${ronin.id}`, { token: b.token })).status).toBe(404);
    expect(rowsOf(ronin.id)).toEqual({
      libraries_items: 0,
      libraries_item_genres: 0,
      libraries_credits: 0,
      libraries_watch_state: 0,
    });
    const alien = await movieTitled(b, 'Alien');
    expect(alien.files.map((f: any) => basename(f.path)).sort()).toEqual([
      'Alien (1979).mkv',
      'Ronin (1998).mkv',
    ]);
    expect((await listAll(b, `/v1/movies?library=${lib}`)).map((m) => m.title).sort()).toEqual([
      'Alien',
      'Heat',
    ]);
    expect(await get(b, `/v1/libraries/${lib}/stats`)).toMatchObject({
      items: { movie: 2 },
      missingItems: 1,
      totalFiles: 3,
    });
  });

  test('the movie whose file was deleted keeps its file row and comes back with it, watched', async () => {
    const gone = await get(b, `/v1/movies/${up.id}`);
    expect(gone).toMatchObject({ missing: true, watched: true });
    expect(gone.files.map((f: any) => [basename(f.path), f.missing])).toEqual([['Up (2009).mkv', true]]);
    await writeTree(root, { 'Up (2009)/Up (2009).mkv': 'up' });
    const r = await rescan();
    expect(r.counts).toMatchObject({ restored: 1, removed: 0 });
    expect(await get(b, `/v1/movies/${up.id}`)).toMatchObject({ missing: false, watched: true });
    expect(await get(b, `/v1/libraries/${lib}/stats`)).toMatchObject({
      items: { movie: 3 },
      missingItems: 0,
    });
  });
});

describe('a movie with no file row left by an earlier version', () => {
  /** A movie row with no file, in `folder`, last written at `at` (as an earlier version left them). */
  const fileless = (id: string, folder: string, at: string) =>
    b.h.core.sqlite
      .query(
        `INSERT INTO libraries_items (id, library_id, kind, identity, title, sort_title, folder, match_method,
           match_confidence, missing, added_at, updated_at)
         VALUES (?, ?, 'movie', ?, ?, ?, ?, 'filename', 0.5, 1, ?, ?)`,
      )
      .run(id, lib, `movie:title:${id}:`, id, id, folder, at, at);
  const exists = (id: string) => rowsOf(id).libraries_items === 1;

  test('is removed by the next rescan, even one that finds nothing changed', async () => {
    fileless('ghost-old', join(root, 'Ronin (1998)'), '2020-01-01T00:00:00.000Z');
    const r = await rescan();
    expect(r.counts).toMatchObject({ added: 0, updated: 0, missing: 0, removed: 1 });
    expect(r.removed).toEqual(['ghost-old']);
    expect(exists('ghost-old')).toBe(false);
    expect(await get(b, `/v1/libraries/${lib}/stats`)).toMatchObject({ missingItems: 0 });
  });

  test('stays when it lies outside the library folders (a folder taken out) or was written by this scan', () => {
    const db = b.h.core.sqlite;
    const started = '2030-01-01T00:00:00.000Z';
    fileless('outside', join(tempDir(), 'Taken Out (2001)'), '2020-01-01T00:00:00.000Z');
    fileless('this-scan', join(root, 'Heat (1995)'), '2030-01-01T00:00:01.000Z');
    fileless('earlier', join(root, 'Heat (1995)'), '2029-12-31T23:59:59.999Z');
    const seen = new Set(
      db
        .query<{ id: string }, [string]>('SELECT id FROM libraries_files WHERE library_id = ?')
        .all(lib)
        .map((r) => r.id),
    );
    const r = db.transaction(() =>
      reconcileMissing(db, lib, seen, started, { roots: [root], startedAt: started }),
    )();
    expect(r.removed).toEqual(['earlier']);
    expect([exists('outside'), exists('this-scan'), exists('earlier')]).toEqual([true, true, false]);
  });
});
