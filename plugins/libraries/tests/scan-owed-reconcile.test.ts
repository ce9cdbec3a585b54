// A scan that did not finish — the process died, or it was cancelled or failed — may have moved files to other items
// without the reconcile that goes with them. The next scan reconciles even when it finds nothing changed: here the
// state a scan killed between its writes and its reconcile leaves (a movie's only file moved to another movie, the
// library's stored scan state still 'scanning') is repaired by a no-change rescan.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { movieNfo, removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, listAll, scan } from './harness.ts';

let b: Booted;
let root: string;

beforeAll(async () => {
  b = await boot({ probe: false });
  root = tempDir();
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

const storedState = (lib: string) =>
  (
    JSON.parse(
      b.h.core.sqlite
        .query<{ last_scan: string }, [string]>('SELECT last_scan FROM libraries_libraries WHERE id = ?')
        .get(lib)!.last_scan,
    ) as { state: string }
  ).state;

/** Two scanned movies; then what an unfinished scan left: Ronin's file moved to Alien, the scan state `state`. */
async function unfinishedScanLeft(folder: string, state: string) {
  await writeTree(root, {
    [`${folder}/Ronin (1998)/Ronin (1998).mkv`]: 'ronin',
    [`${folder}/Ronin (1998)/movie.nfo`]: movieNfo({ title: 'Ronin', year: 1998, tmdb: '8195' }),
    [`${folder}/Alien (1979)/Alien (1979).mkv`]: 'alien',
    [`${folder}/Alien (1979)/movie.nfo`]: movieNfo({ title: 'Alien', year: 1979, tmdb: '348' }),
  });
  const lib = await createLibrary(b, 'movies', [`${root}/${folder}`], folder);
  await scan(b, lib);
  expect(storedState(lib)).toBe('idle');
  const movies = await listAll(b, `/v1/movies?library=${lib}`);
  const [ronin, alien] = ['Ronin', 'Alien'].map((title) => movies.find((m) => m.title === title));
  const db = b.h.core.sqlite;
  db.query('UPDATE libraries_files SET item_id = ? WHERE item_id = ?').run(alien.id, ronin.id);
  db.query(`UPDATE libraries_libraries SET last_scan = json_set(last_scan, '$.state', ?) WHERE id = ?`).run(
    state,
    lib,
  );
  return { lib, ronin, alien };
}

for (const state of ['scanning', 'cancelled', 'failed']) {
  test(`after a scan that ended '${state}', a rescan that finds nothing changed still reconciles`, async () => {
    const { lib, ronin, alien } = await unfinishedScanLeft(state, state);
    // Left so, Ronin is listed with no file at all.
    expect((await get(b, `/v1/movies/${ronin.id}`)).files).toEqual([]);

    const s = await scan(b, lib);
    expect(s.counts).toMatchObject({ added: 0, updated: 0, removed: 1 });
    expect((await b.h.request('GET', `/v1/movies/${ronin.id}`, { token: b.token })).status).toBe(404);
    const listed = await listAll(b, `/v1/movies?library=${lib}`);
    expect(listed.map((m) => [m.id, m.files.length])).toEqual([[alien.id, 2]]);
    expect(storedState(lib)).toBe('idle');
  });
}
