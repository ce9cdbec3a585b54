// Library roots that vanish (a moved folder) or come back empty (an unmounted drive's mount point): the scan fails
// naming the folder, its job fails, nothing is marked missing; once the folder is back, scans work as before.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { mkdirSync, renameSync, rmdirSync } from 'node:fs';
import { removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, scan, startScan, waitForScan, waitUntil } from './harness.ts';

let b: Booted;
let kept: string;
let moved: string;
let lib: string;

beforeAll(async () => {
  b = await boot({ probe: false });
  kept = tempDir();
  moved = tempDir();
  await writeTree(kept, { 'Alien (1979)/Alien (1979).mkv': 'alien' });
  await writeTree(moved, {
    'Brazil (1985)/Brazil (1985).mkv': 'brazil',
    'Casablanca (1942)/Casablanca (1942).mkv': 'casablanca',
  });
  lib = await createLibrary(b, 'movies', [kept, moved]);
  const first = await scan(b, lib);
  expect(first.counts).toMatchObject({ files: 3, added: 3, errors: 0 });
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

const missingCounts = () =>
  b.h.core.sqlite
    .query<{ items: number; files: number }, [string, string]>(
      `SELECT (SELECT COUNT(*) FROM libraries_items WHERE library_id = ?1 AND missing = 1) AS items,
              (SELECT COUNT(*) FROM libraries_files WHERE library_id = ?2 AND missing_since IS NOT NULL) AS files`,
    )
    .get(lib, lib);

/** Scans, expecting the scan and its job to fail; returns the scan status. */
async function failingScan(): Promise<any> {
  const jobId = await startScan(b, lib);
  const status = await waitForScan(b, lib, jobId);
  await waitUntil(
    'the scan job to fail',
    async () => (await get(b, `/v1/jobs/runs/${jobId}`)).state === 'failed',
  );
  return status;
}

describe('a library root that has vanished', () => {
  const away = () => `${moved}-away`;

  test('fails the scan with an error naming the folder, and marks nothing missing', async () => {
    renameSync(moved, away());
    const s = await failingScan();
    expect(s.state).toBe('failed');
    expect(s.error).toContain(`${moved} does not exist`);
    expect(missingCounts()).toEqual({ items: 0, files: 0 });
    const listed = await get(b, `/v1/movies?library=${lib}`);
    expect(listed.items.map((m: any) => m.title).sort()).toEqual(['Alien', 'Brazil', 'Casablanca']);
  });

  test('once the folder is back, a rescan finds every file unchanged', async () => {
    renameSync(away(), moved);
    const s = await scan(b, lib);
    expect(s.state).toBe('idle');
    expect(s.error).toBeNull();
    expect(s.counts).toMatchObject({ files: 3, unchanged: 3, missing: 0, errors: 0 });
  });
});

describe('a library root left empty (a drive not mounted on its mount point)', () => {
  test('fails the scan when the library has files under it, and marks nothing missing', async () => {
    renameSync(moved, `${moved}-unmounted`);
    mkdirSync(moved);
    const s = await failingScan();
    expect(s.state).toBe('failed');
    expect(s.error).toContain(`${moved} is empty but the library has 2 files there`);
    expect(missingCounts()).toEqual({ items: 0, files: 0 });
    rmdirSync(moved);
    renameSync(`${moved}-unmounted`, moved);
    expect((await scan(b, lib)).counts).toMatchObject({ files: 3, unchanged: 3, missing: 0 });
  });

  test('an empty folder of a new library scans as an empty library', async () => {
    const empty = tempDir();
    const fresh = await createLibrary(b, 'movies', [empty], 'Empty');
    const s = await scan(b, fresh);
    expect(s.state).toBe('idle');
    expect(s.error).toBeNull();
    expect(s.counts).toMatchObject({ files: 0, added: 0, errors: 0 });
  });
});
