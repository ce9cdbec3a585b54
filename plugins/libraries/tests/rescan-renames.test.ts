// Renamed and moved files on rescan: the item keeps its id and watch state and lists only the files that exist —
// the old path's row goes — while an item whose files are all gone stays, missing, with its rows until one returns.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { reconcileMissing } from '../services/scan-reconcile.ts';
import { removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, listAll, movieTitled, scan } from './harness.ts';

let b: Booted;
let movies: string;
let shows: string;
let moviesLib: string;
let showsLib: string;

beforeAll(async () => {
  b = await boot({ probe: false });
  movies = await writeTree(tempDir(), {
    'Heat (1995)/heat.mkv': 'heat',
    'Heat (1995)/heat.en.srt': '1\n00:00:00,000 --> 00:00:01,000\nHi\n',
    'Blade Runner (1982)/Blade Runner (1982).mkv': 'theatrical',
    "Blade Runner (1982)/Blade Runner (1982) - Director's Cut.mkv": 'cut',
    'Up (2009)/Up (2009) - 1080p.mkv': 'up hd',
    'Up (2009)/Up (2009) - 720p.mkv': 'up sd',
    'Ronin (1998)/Ronin (1998).mkv': 'ronin',
    'Alien (1979)/Alien (1979).mkv': 'alien',
    'Alien (1979)/Alien (1979)-trailer.mkv': 'alien trailer',
  });
  shows = await writeTree(tempDir(), {
    'Lost/Season 01/Lost S01E01.mkv': 'pilot',
    'Lost/Season 01/Lost S01E02.mkv': 'second',
  });
  moviesLib = await createLibrary(b, 'movies', [movies]);
  showsLib = await createLibrary(b, 'shows', [shows]);
  await scan(b, moviesLib);
  await scan(b, showsLib);
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

/** `[file name, missing]` of each main file of an item view. */
const files = (item: { files: { path: string; missing: boolean }[] }) =>
  item.files.map((f) => [basename(f.path), f.missing]);

const fileRows = (itemId: string, role: 'main' | 'extra') =>
  b.h.core.sqlite
    .query<{ path: string; missing: number }, [string, string]>(
      `SELECT path, missing_since IS NOT NULL AS missing FROM libraries_files WHERE item_id = ? AND role = ? ORDER BY path`,
    )
    .all(itemId, role)
    .map((r) => [basename(r.path), r.missing === 1]);

const tracksOf = (fileId: string) =>
  b.h.core.sqlite
    .query<{ n: number }, [string]>('SELECT COUNT(*) AS n FROM libraries_tracks WHERE file_id = ?')
    .get(fileId)!.n;

const move = (root: string, from: string, to: string) => {
  mkdirSync(join(root, to, '..'), { recursive: true });
  renameSync(join(root, from), join(root, to));
};

describe('a renamed or moved file', () => {
  test('a renamed movie file leaves one file on the movie, the new one, with id and watch state kept', async () => {
    const heat = await movieTitled(b, 'Heat');
    expect(tracksOf(heat.files[0].id)).toBe(1);
    expect((await b.h.request('PUT', `/v1/movies/${heat.id}/watched`, { token: b.token })).status).toBe(200);
    move(movies, 'Heat (1995)/heat.mkv', 'Heat (1995)/Heat (1995) 1080p.mkv');
    const s = await scan(b, moviesLib);
    expect(s.counts).toMatchObject({ added: 0, updated: 1, missing: 0, errors: 0 });
    const detail = await get(b, `/v1/movies/${heat.id}`);
    expect(files(detail)).toEqual([['Heat (1995) 1080p.mkv', false]]);
    expect(detail).toMatchObject({ missing: false, watched: true });
    expect(files(await movieTitled(b, 'Heat'))).toEqual([['Heat (1995) 1080p.mkv', false]]);
    expect(await get(b, `/v1/libraries/${moviesLib}/stats`)).toMatchObject({
      missingItems: 0,
      totalFiles: 7,
      extraFiles: 1,
    });
    expect(tracksOf(heat.files[0].id)).toBe(0);
  });

  test('one of two versions renamed leaves both versions, both present', async () => {
    const blade = await movieTitled(b, 'Blade Runner');
    move(
      movies,
      'Blade Runner (1982)/Blade Runner (1982).mkv',
      'Blade Runner (1982)/Blade Runner (1982) - Theatrical.mkv',
    );
    expect((await scan(b, moviesLib)).counts).toMatchObject({ missing: 0, errors: 0 });
    const detail = await get(b, `/v1/movies/${blade.id}`);
    expect(files(detail).sort()).toEqual([
      ["Blade Runner (1982) - Director's Cut.mkv", false],
      ['Blade Runner (1982) - Theatrical.mkv', false],
    ]);
    expect(detail.missing).toBe(false);
  });

  test('a movie file moved to another folder of the library leaves one file, the moved one', async () => {
    const ronin = await movieTitled(b, 'Ronin');
    move(movies, 'Ronin (1998)/Ronin (1998).mkv', 'Thrillers/Ronin (1998)/Ronin (1998).mkv');
    rmSync(join(movies, 'Ronin (1998)'), { recursive: true });
    expect((await scan(b, moviesLib)).counts).toMatchObject({ missing: 0, errors: 0 });
    const detail = await get(b, `/v1/movies/${ronin.id}`);
    expect(detail.files.map((f: any) => [f.path, f.missing])).toEqual([
      [join(movies, 'Thrillers/Ronin (1998)/Ronin (1998).mkv'), false],
    ]);
  });

  test('a renamed extra leaves one extra on its movie, the new one', async () => {
    const alien = await movieTitled(b, 'Alien');
    move(movies, 'Alien (1979)/Alien (1979)-trailer.mkv', 'Alien (1979)/Trailers/Alien Teaser.mkv');
    await scan(b, moviesLib);
    const detail = await get(b, `/v1/movies/${alien.id}`);
    expect(detail.extras.map((e: any) => basename(e.path))).toEqual(['Alien Teaser.mkv']);
    expect(fileRows(alien.id, 'extra')).toEqual([['Alien Teaser.mkv', false]]);
  });

  test('a renamed episode keeps its id and watch state and lists only its new file', async () => {
    const [lost] = await listAll(b, '/v1/shows');
    const first = await get(b, `/v1/shows/${lost.id}/seasons/1/episodes/1`);
    await b.h.request('PUT', `/v1/episodes/${first.id}/watched`, { token: b.token });
    move(shows, 'Lost/Season 01/Lost S01E01.mkv', 'Lost/Season 01/Lost - S01E01 - Pilot.mkv');
    expect((await scan(b, showsLib)).counts).toMatchObject({ added: 0, updated: 1, missing: 0, errors: 0 });
    const episode = await get(b, `/v1/episodes/${first.id}`);
    expect(files(episode)).toEqual([['Lost - S01E01 - Pilot.mkv', false]]);
    expect(episode).toMatchObject({ missing: false, watched: true });
    const listed = await get(b, `/v1/shows/${lost.id}/seasons/1/episodes`);
    expect(listed.items.map((e: any) => files(e))).toEqual([
      [['Lost - S01E01 - Pilot.mkv', false]],
      [['Lost S01E02.mkv', false]],
    ]);
  });
});

describe('an item whose files are all gone', () => {
  test('is missing with every file row kept; one file back brings it back with only that file', async () => {
    const up = await movieTitled(b, 'Up');
    rmSync(join(movies, 'Up (2009)/Up (2009) - 1080p.mkv'));
    rmSync(join(movies, 'Up (2009)/Up (2009) - 720p.mkv'));
    expect((await scan(b, moviesLib)).counts).toMatchObject({ missing: 1 });
    const gone = await get(b, `/v1/movies/${up.id}`);
    expect(gone.missing).toBe(true);
    expect(fileRows(up.id, 'main')).toEqual([
      ['Up (2009) - 1080p.mkv', true],
      ['Up (2009) - 720p.mkv', true],
    ]);
    await writeTree(movies, { 'Up (2009)/Up (2009) - 1080p.mkv': 'up hd' });
    expect((await scan(b, moviesLib)).counts).toMatchObject({ restored: 1, missing: 0 });
    const back = await get(b, `/v1/movies/${up.id}`);
    expect(back.missing).toBe(false);
    expect(files(back)).toEqual([['Up (2009) - 1080p.mkv', false]]);
  });
});

describe('a file row left missing on a present item by an earlier version', () => {
  test('is removed by the next rescan, even one that finds nothing changed', async () => {
    const ronin = await movieTitled(b, 'Ronin');
    const then = '2020-01-01T00:00:00.000Z';
    b.h.core.sqlite
      .query(
        `INSERT INTO libraries_files (id, library_id, item_id, path, rel_path, size, mtime_ms, role, added_at, missing_since)
         VALUES ('ghost', ?, ?, ?, 'Ronin.old.mkv', 1, 0, 'main', ?, ?)`,
      )
      .run(moviesLib, ronin.id, join(movies, 'Ronin.old.mkv'), then, then);
    expect((await scan(b, moviesLib)).counts).toMatchObject({ added: 0, updated: 0, missing: 0 });
    expect(fileRows(ronin.id, 'main')).toEqual([['Ronin (1998).mkv', false]]);
  });
});

describe('a file the walk did not see', () => {
  test('is only marked missing while it is still on disk, and the next scan finds it again', async () => {
    const blade = await movieTitled(b, 'Blade Runner');
    const cut = blade.files.find((f: any) => f.path.endsWith("Director's Cut.mkv"));
    const db = b.h.core.sqlite;
    const others = db
      .query<{ id: string }, [string, string]>(
        'SELECT id FROM libraries_files WHERE library_id = ? AND id != ?',
      )
      .all(moviesLib, cut.id);
    // As if its folder could not be read: the walk saw every other file.
    db.transaction(() =>
      reconcileMissing(db, moviesLib, new Set(others.map((r) => r.id)), new Date().toISOString()),
    )();
    expect(fileRows(blade.id, 'main')).toContainEqual([basename(cut.path), true]);
    await scan(b, moviesLib);
    expect(files(await get(b, `/v1/movies/${blade.id}`))).toContainEqual([basename(cut.path), false]);
  });
});
