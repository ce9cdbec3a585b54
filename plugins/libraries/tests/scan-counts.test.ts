// What a scan counts and announces: an item counts once per scan — added when the scan created it, else updated —
// however many of its files (versions, cd1/cd2 parts) the scan wrote.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { join } from 'node:path';
import type { TestHost } from '@bijou/sdk/testing';
import { removeTemps, setMtime, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, scan } from './harness.ts';

type BusEvent = Parameters<Parameters<TestHost['core']['bus']['tap']>[0]>[0];
type Changed = { libraryId: string; added: string[]; updated: string[] };

let b: Booted;
let root: string;
let lib: string;
const changes: Changed[] = [];

beforeAll(async () => {
  b = await boot({ probe: false });
  b.h.core.bus.tap((e: BusEvent) => {
    if (e.name === 'libraries.items.changed') changes.push(e.payload as Changed);
  });
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
async function scanAndAnnounced() {
  changes.length = 0;
  const s = await scan(b, lib);
  const mine = changes.filter((c) => c.libraryId === lib);
  return { counts: s.counts, added: mine.flatMap((c) => c.added), updated: mine.flatMap((c) => c.updated) };
}

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
