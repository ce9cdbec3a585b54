// A disk that fills up during a scan (simulated with SQLite's max_page_count, which fails writes the way a full
// disk does): the scan ends as failed and says why (the batch is not half written file by file), the process and
// its readers carry on, and once there is room again the next scan completes; also when not even the scan's own
// records can be written.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, listAll, scan, startScan, waitForScan } from './harness.ts';

let b: Booted;
beforeAll(async () => {
  b = await boot({ probe: false });
});
afterAll(async () => {
  b.h.core.sqlite.exec('PRAGMA max_page_count = 1073741823');
  b.h.core.sqlite.exec('PRAGMA query_only = OFF');
  await b.h.stop();
  removeTemps();
});

const FULL = 'database or disk is full';

/** The payload of the next `libraries.scan.finished` event of `lib`. */
function scanFinished(lib: string): Promise<{ state: string; error: string | null }> {
  return new Promise((resolve) => {
    const off = b.h.core.bus.tap((e) => {
      const p = e.payload as { libraryId: string; state: string; error: string | null };
      if (e.name === 'libraries.scan.finished' && p.libraryId === lib) {
        off();
        resolve(p);
      }
    });
  });
}

test('a scan that fills the disk fails saying so; reads go on, and once there is room a rescan completes', async () => {
  const tree: Record<string, string> = {};
  for (let i = 0; i < 300; i++) {
    const name = `Film Number ${i} (2000)`;
    tree[`${name}/${name}.mkv`] = '';
    tree[`${name}/movie.nfo`] =
      `<movie><title>Film Number ${i}</title><plot>${'A long plot. '.repeat(40)}</plot></movie>`;
  }
  const root = await writeTree(tempDir(), tree);
  const lib = await createLibrary(b, 'movies', [root]);
  const sqlite = b.h.core.sqlite;
  const { page_count } = sqlite.query<{ page_count: number }, []>('PRAGMA page_count').get()!;
  // Room for the scan's job record, not for 300 movies.
  sqlite.exec(`PRAGMA max_page_count = ${page_count + 4}`);
  const finished = scanFinished(lib);
  const jobId = await startScan(b, lib);
  expect(await finished).toMatchObject({ state: 'failed', error: FULL });
  expect(await waitForScan(b, lib, jobId)).toMatchObject({ state: 'failed', error: FULL });

  const read = await b.h.request('GET', `/v1/movies?library=${lib}&limit=5`, { token: b.token });
  expect(read.status).toBe(200);
  sqlite.exec('PRAGMA max_page_count = 1073741823');
  expect(await scan(b, lib)).toMatchObject({ state: 'idle', phase: 'done', error: null });
  expect(await listAll(b, `/v1/movies?library=${lib}`)).toHaveLength(300);
});

test('when no write goes through at all, the scan still ends as failed, visibly, and the process carries on', async () => {
  const root = await writeTree(tempDir(), { 'Solo (2018)/Solo (2018).mkv': '' });
  const lib = await createLibrary(b, 'movies', [root], 'Refused');
  const sqlite = b.h.core.sqlite;
  // From the moment the scan starts, every write fails: the job's own record and the scan's summary too.
  const off = b.h.core.bus.tap((e) => {
    if (e.name === 'libraries.scan.started' && (e.payload as { libraryId: string }).libraryId === lib) {
      off();
      sqlite.exec('PRAGMA query_only = ON');
    }
  });
  const finished = scanFinished(lib);
  const jobId = await startScan(b, lib);
  const readonly = 'attempt to write a readonly database';
  expect(await finished).toMatchObject({ state: 'failed', error: readonly });
  expect(await waitForScan(b, lib, jobId)).toMatchObject({ state: 'failed', error: readonly });
  sqlite.exec('PRAGMA query_only = OFF');
  expect(await scan(b, lib)).toMatchObject({ state: 'idle', phase: 'done', error: null });
  expect(await listAll(b, `/v1/movies?library=${lib}`)).toHaveLength(1);
});
