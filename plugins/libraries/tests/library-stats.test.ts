// Library statistics add up: totalFiles and totalSizeBytes cover the main files the breakdowns (codec, resolution,
// HDR, container) count; extras are counted apart, and files gone missing in neither.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, scan } from './harness.ts';

let b: Booted;
let root: string;
let lib: string;

beforeAll(async () => {
  b = await boot({ probe: false });
  root = tempDir();
  await writeTree(root, {
    'Alien (1979)/Alien (1979).mkv': 'alien'.repeat(10),
    'Alien (1979)/Alien (1979)-trailer.mkv': 'trailer',
    'Brazil (1985)/Brazil (1985).mp4': 'brazil'.repeat(5),
  });
  lib = await createLibrary(b, 'movies', [root]);
  await scan(b, lib);
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

const sum = (counter: Record<string, number>) => Object.values(counter).reduce((n, x) => n + x, 0);

describe('library stats', () => {
  test('each breakdown adds up to totalFiles, the main files', async () => {
    const s = await get(b, `/v1/libraries/${lib}/stats`);
    expect(s.totalFiles).toBe(2);
    for (const breakdown of [s.byCodec, s.byResolution, s.byHdr, s.byContainer])
      expect(sum(breakdown)).toBe(s.totalFiles);
    expect(s.byContainer).toEqual({ mkv: 1, mp4: 1 });
  });

  test('totalSizeBytes is the bytes of the main files; extras have their own count and bytes', async () => {
    const s = await get(b, `/v1/libraries/${lib}/stats`);
    expect(s).toMatchObject({ totalSizeBytes: 50 + 30, extraFiles: 1, extraSizeBytes: 'trailer'.length });
  });

  test('a missing extra is counted nowhere', async () => {
    rmSync(join(root, 'Alien (1979)/Alien (1979)-trailer.mkv'));
    await scan(b, lib);
    const s = await get(b, `/v1/libraries/${lib}/stats`);
    expect(s).toMatchObject({ totalFiles: 2, extraFiles: 0, extraSizeBytes: 0 });
  });
});
