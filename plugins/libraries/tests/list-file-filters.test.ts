// The list filters on files (`resolution`, `codec`, `hdr`) over probed generated media: together they ask for one file
// meeting them all, not each for any file of the title; and a file gone from disk (a missing episode's) counts for none.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, scan } from './harness.ts';

let b: Booted;
let showRoot: string;
let shows: string;

beforeAll(async () => {
  b = await boot();
  const movieRoot = tempDir();
  await writeTree(movieRoot, {
    // One title, two versions: an H.264 SDR file and an HEVC HDR10 file.
    'Pair (2006)/Pair (2006) - 1080p.mp4': { media: 'h264' },
    'Pair (2006)/Pair (2006) - 2160p.mkv': { media: 'hdr' },
    'Plain (2007)/Plain (2007).mkv': { media: 'hevc' },
  });
  await scan(b, await createLibrary(b, 'movies', [movieRoot]), { probe: true });
  showRoot = tempDir();
  await writeTree(showRoot, {
    'Mixed/Season 01/Mixed S01E01.mp4': { media: 'h264' },
    'Mixed/Season 01/Mixed S01E02.mkv': { media: 'hdr' },
  });
  shows = await createLibrary(b, 'shows', [showRoot]);
  await scan(b, shows, { probe: true });
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

const titles = async (path: string) => ((await get(b, path)).items as any[]).map((m) => m.title).sort();

test('each file filter alone matches any file of the title', async () => {
  expect(await titles('/v1/movies?codec=h264')).toEqual(['Pair']);
  expect(await titles('/v1/movies?hdr=hdr10')).toEqual(['Pair']);
  expect(await titles('/v1/movies?hdr=sdr')).toEqual(['Pair', 'Plain']);
});

test('codec and HDR together match a title only when one of its files is both', async () => {
  expect(await titles('/v1/movies?codec=h264&hdr=hdr10')).toEqual([]);
  expect(await titles('/v1/movies?codec=hevc&hdr=hdr10')).toEqual(['Pair']);
  expect(await titles('/v1/movies?codec=hevc&hdr=sdr')).toEqual(['Plain']);
  expect(await titles('/v1/movies?resolution=sd&codec=hevc&hdr=hdr10')).toEqual(['Pair']);
  expect(await titles('/v1/shows?codec=h264&hdr=hdr10')).toEqual([]);
  expect(await titles('/v1/shows?codec=hevc&hdr=hdr10')).toEqual(['Mixed']);
});

test("a missing episode's file no longer makes its show match", async () => {
  rmSync(join(showRoot, 'Mixed/Season 01/Mixed S01E02.mkv'));
  const counts = (await scan(b, shows)).counts;
  expect(counts.missing).toBe(1);
  expect(await titles('/v1/shows?codec=hevc')).toEqual([]);
  expect(await titles('/v1/shows?hdr=hdr10')).toEqual([]);
  expect(await titles('/v1/shows?codec=h264')).toEqual(['Mixed']);
});
