// A scan that moves a title's only file to another title and dies before its reconcile (here its reconcile's
// transaction fails, as a process killed there leaves it: the moves committed, no ghost removed) leaves the next scan
// to remove the ghost; that scan never saw the file on it, yet the ghost's watch state still goes to the title that
// took the file (the move was recorded with it, libraries_file_moves) — for a movie and for an episode.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LibrariesApi, Viewer } from '../api.ts';
import { movieNfo, removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, listAll, scan, startScan, waitForScan } from './harness.ts';

let b: Booted;
let api: LibrariesApi;
let admin: Viewer;
let other: Viewer & { token: string };

beforeAll(async () => {
  b = await boot({ probe: false });
  api = b.h.host.api('libraries') as LibrariesApi;
  const adminId = (await get(b, '/v1/users/me')).id as string;
  admin = { userId: adminId, role: 'admin', profileId: adminId };
  const u = await b.h.user();
  other = { userId: u.id, role: 'user', profileId: u.id, token: u.token };
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

const KILLED = 'killed before its reconcile';

/**
 * Scans `lib`, failing the scan's first write transaction once it reports 'finalizing' — its reconcile's, the last
 * thing it does — so the files it moved stay moved and nothing is reconciled. Returns the scan's stored status.
 */
async function scanDyingBeforeReconcile(lib: string): Promise<any> {
  const db = b.h.core.sqlite;
  const transaction = db.transaction;
  const untap = b.h.core.bus.tap((e) => {
    const p = e.payload as { libraryId?: string; phase?: string };
    if (e.name !== 'libraries.scan.progressed' || p.libraryId !== lib || p.phase !== 'finalizing') return;
    db.transaction = (() => {
      db.transaction = transaction;
      throw new Error(KILLED);
    }) as typeof db.transaction;
  });
  try {
    return await waitForScan(b, lib, await startScan(b, lib));
  } finally {
    untap();
    db.transaction = transaction;
  }
}

const status = (path: string) => b.h.request('GET', path, { token: b.token }).then((r) => r.status);

/** The recorded moves (libraries_file_moves) of `lib`'s items. */
const movesOf = (lib: string) =>
  b.h.core.sqlite
    .query<{ n: number }, [string]>(
      `SELECT count(*) AS n FROM libraries_file_moves m JOIN libraries_items i ON i.id = m.item_id
         WHERE i.library_id = ?`,
    )
    .get(lib)!.n;

/**
 * A normal rescan of `lib` removes the ghost at `ghost` (a path of the API), and the item at `heir` has its watch
 * state: watched for the admin, the other profile's resume point (`resume`) in the file it was in.
 */
async function rescanGivesHeir(lib: string, ghost: string, heir: string, resume: [number, string]) {
  expect((await scan(b, lib)).counts).toMatchObject({ removed: 1, errors: 0 });
  expect(await status(ghost)).toBe(404);
  expect(await get(b, heir)).toMatchObject({ watched: true, position: 0 });
  expect(await get(b, heir, other.token)).toMatchObject({
    watched: false,
    position: resume[0],
    resumeFileId: resume[1],
  });
  // The record of the move went with the ghost.
  expect(movesOf(lib)).toBe(0);
}

test("a movie's file moved to another movie by a scan that died: the next scan gives its watch state to that movie", async () => {
  const root = await writeTree(tempDir(), {
    'Ronin (1998)/Ronin (1998).mkv': 'ronin',
    'Ronin (1998)/movie.nfo': movieNfo({ title: 'Ronin', year: 1998, tmdb: '8195' }),
    'Alien (1979)/Alien (1979).mkv': 'alien',
    'Alien (1979)/movie.nfo': movieNfo({ title: 'Alien', year: 1979, tmdb: '348' }),
  });
  const lib = await createLibrary(b, 'movies', [root]);
  await scan(b, lib);
  const { Ronin, Alien } = Object.fromEntries(
    (await listAll(b, `/v1/movies?library=${lib}`)).map((m) => [m.title, m]),
  );
  // The admin watched Ronin; the other profile stopped half-way through it.
  expect((await b.h.request('PUT', `/v1/movies/${Ronin.id}/watched`, { token: b.token })).status).toBe(200);
  api.setProgress(other, Ronin.id, 600, 5400, Ronin.files[0].id);

  writeFileSync(join(root, 'Ronin (1998)/movie.nfo'), movieNfo({ title: 'Alien', year: 1979, tmdb: '348' }));
  expect(await scanDyingBeforeReconcile(lib)).toMatchObject({ state: 'failed', error: KILLED });
  // What it left: Ronin's file is Alien's, Ronin is still there with no file and its watch state.
  expect((await get(b, `/v1/movies/${Alien.id}`)).files.map((f: any) => f.id)).toContain(Ronin.files[0].id);
  expect(await get(b, `/v1/movies/${Ronin.id}`)).toMatchObject({ files: [], watched: true });

  await rescanGivesHeir(lib, `/v1/movies/${Ronin.id}`, `/v1/movies/${Alien.id}`, [600, Ronin.files[0].id]);
  // A rescan after it has nothing to repair.
  expect((await scan(b, lib)).counts).toMatchObject({ removed: 0, updated: 0 });
});

test("an episode's file renumbered by a scan that died: the next scan gives its watch state to that episode", async () => {
  const root = await writeTree(tempDir(), {
    'Lost/Season 01/Lost S01E01.mkv': 'e1',
    'Lost/Season 01/Lost S01E02.mkv': 'e2',
    'Lost/Season 01/Bonus.mkv': 'bonus',
  });
  const lib = await createLibrary(b, 'shows', [root]);
  await scan(b, lib);
  const [lost] = await listAll(b, `/v1/shows?library=${lib}`);
  const episodes = async () => (await get(b, `/v1/shows/${lost.id}/seasons/1/episodes`)).items;
  const bonus = (await episodes()).find((e: any) => e.title === 'Bonus');
  const e2 = (await episodes()).find((e: any) => e.episodeNumber === 2);
  api.setWatched(admin, bonus.id, true);
  api.setProgress(other, bonus.id, 120, 2400, bonus.files[0].id);

  writeFileSync(
    join(root, 'Lost/Season 01/Bonus.nfo'),
    '<episodedetails><season>1</season><episode>2</episode></episodedetails>',
  );
  expect(await scanDyingBeforeReconcile(lib)).toMatchObject({ state: 'failed', error: KILLED });
  expect((await get(b, `/v1/episodes/${bonus.id}`)).files).toEqual([]);

  await rescanGivesHeir(lib, `/v1/episodes/${bonus.id}`, `/v1/episodes/${e2.id}`, [120, bonus.files[0].id]);
});

/**
 * Three scanned movies (Ronin, Alien, Heat, each its own NFO id; their rows by title), Ronin watched by the admin;
 * then a scan that died before its reconcile moved Ronin's file to Alien. `renfo` gives Ronin's NFO another's id.
 */
async function roninMovedByDeadScan() {
  const nfo = { Ronin: [1998, '8195'], Alien: [1979, '348'], Heat: [1995, '949'] } as const;
  const tree: Record<string, string> = {};
  for (const [title, [year, tmdb]] of Object.entries(nfo)) {
    tree[`${title} (${year})/${title} (${year}).mkv`] = title;
    tree[`${title} (${year})/movie.nfo`] = movieNfo({ title, year, tmdb });
  }
  const root = await writeTree(tempDir(), tree);
  const lib = await createLibrary(b, 'movies', [root], `Three ${root}`);
  await scan(b, lib);
  const m = Object.fromEntries((await listAll(b, `/v1/movies?library=${lib}`)).map((x) => [x.title, x]));
  const renfo = (title: keyof typeof nfo) =>
    writeFileSync(
      join(root, 'Ronin (1998)/movie.nfo'),
      movieNfo({ title, year: nfo[title][0], tmdb: nfo[title][1] }),
    );
  expect((await b.h.request('PUT', `/v1/movies/${m.Ronin.id}/watched`, { token: b.token })).status).toBe(200);
  renfo('Alien');
  expect(await scanDyingBeforeReconcile(lib)).toMatchObject({ state: 'failed', error: KILLED });
  return { lib, m, renfo };
}

test('a file moved again by a second scan that died: the ghost it first left inherits through both moves', async () => {
  const { lib, m, renfo } = await roninMovedByDeadScan();
  renfo('Heat');
  expect(await scanDyingBeforeReconcile(lib)).toMatchObject({ state: 'failed', error: KILLED });

  expect((await scan(b, lib)).counts).toMatchObject({ removed: 1, errors: 0 });
  expect(await status(`/v1/movies/${m.Ronin.id}`)).toBe(404);
  expect(await get(b, `/v1/movies/${m.Heat.id}`)).toMatchObject({ watched: true });
  expect(await get(b, `/v1/movies/${m.Alien.id}`)).toMatchObject({ watched: false });
});

test('a file that came back to its movie before the reconcile: the movie stays, and the record is forgotten', async () => {
  const { lib, m, renfo } = await roninMovedByDeadScan();
  renfo('Ronin');

  expect((await scan(b, lib)).counts).toMatchObject({ removed: 0, errors: 0 });
  expect(await get(b, `/v1/movies/${m.Ronin.id}`)).toMatchObject({ watched: true });
  expect(await get(b, `/v1/movies/${m.Alien.id}`)).toMatchObject({ watched: false });
  expect(movesOf(lib)).toBe(0);
});
