// What a scan counts and announces: an item counts once per scan — added when the scan created it, else updated —
// however many of its files (versions, cd1/cd2 parts) the scan wrote; a summary stored without a newer count reads it
// as 0 (`processed`: all files of a scan that finished).
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { join } from 'node:path';
import { removeTemps, setMtime, tempDir, writeTree } from './fixtures.ts';
import { type Announced, announcedScans, type Booted, boot, createLibrary, get } from './harness.ts';

let b: Booted;
let root: string;
let lib: string;
let scanned: (libraryId: string) => Promise<Announced>;

beforeAll(async () => {
  b = await boot({ probe: false });
  scanned = announcedScans(b);
  root = tempDir();
  await writeTree(root, {
    'Blade Runner (1982)/Blade Runner (1982).mkv': 'theatrical',
    "Blade Runner (1982)/Blade Runner (1982) - Director's Cut.mkv": 'directors cut',
    'Kill Bill (2003)/Kill Bill (2003) - cd1.mkv': 'part one',
    'Kill Bill (2003)/Kill Bill (2003) - cd2.mkv': 'part two',
    'Alien (1979)/Alien (1979).mkv': 'alien',
  });
  lib = await createLibrary(b, 'movies', [root]);
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

/** Scans and returns its counts with the items it announced as changed. */
const scanAndAnnounced = () => scanned(lib);

describe('scan counts', () => {
  test('a first scan counts each movie once as added, its second version or part not as updated', async () => {
    const r = await scanAndAnnounced();
    expect(r.counts).toMatchObject({ files: 5, added: 3, updated: 0, errors: 0 });
    expect(r.added).toHaveLength(3);
    expect(new Set(r.added).size).toBe(3);
    expect(r.updated).toEqual([]);
  });

  test('a rescan with both versions of a movie changed counts that movie updated once', async () => {
    setMtime(join(root, 'Blade Runner (1982)/Blade Runner (1982).mkv'), 1_600_000_000);
    setMtime(join(root, "Blade Runner (1982)/Blade Runner (1982) - Director's Cut.mkv"), 1_600_000_000);
    const r = await scanAndAnnounced();
    expect(r.counts).toMatchObject({ files: 5, unchanged: 3, added: 0, updated: 1 });
    expect(r.added).toEqual([]);
    expect(r.updated).toHaveLength(1);
  });
});

describe('a scan summary stored by an earlier version', () => {
  const store = (path: string, value: unknown) =>
    b.h.core.sqlite
      .query('UPDATE libraries_libraries SET last_scan = json_set(last_scan, ?, json(?)) WHERE id = ?')
      .run(path, JSON.stringify(value), lib);

  test('lacks the newer counts: the library reads them as 0, and a finished scan as having processed every file', async () => {
    const { removed: _, processed: __, ...older } = (await get(b, `/v1/libraries/${lib}`)).scan.counts;
    store('$.counts', older);
    const r = await b.h.request('GET', `/v1/libraries/${lib}`, { token: b.token });
    expect(r.status).toBe(200);
    expect(r.body.scan.counts).toEqual({ ...older, removed: 0, processed: older.files });
  });

  test('of a scan that did not finish, processed reads as 0', async () => {
    const { processed: _, ...older } = (await get(b, `/v1/libraries/${lib}`)).scan.counts;
    store('$.counts', older);
    store('$.phase', 'processing');
    store('$.state', 'failed');
    const { counts } = (await get(b, `/v1/libraries/${lib}`)).scan;
    expect(counts).toMatchObject({ files: 5, processed: 0 });
  });
});
