// The runtime probing gives a movie without an NFO runtime: a file's length in minutes, the sum of its parts for a
// title split over files (once every part is probed), kept when a rescan reads the movie again for a subtitle or an
// NFO added beside it (its probe cached), and never over an NFO's runtime.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { join } from 'node:path';
import { makeMedia } from '@bijou/sdk/testing';
import { movieNfo, removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, movieTitled, scan } from './harness.ts';

let b: Booted;
let root: string;
let lib: string;

/** Silent black video of `seconds` at 1 frame a second (small and quick to make). */
function clip(seconds: number, out: string): Promise<string> {
  const src = ['-f', 'lavfi', '-i', `color=black:size=32x32:rate=1:duration=${seconds}`];
  return makeMedia([...src, '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'], out);
}

beforeAll(async () => {
  b = await boot();
  root = tempDir();
  await writeTree(root, {
    'With NFO (2003)/movie.nfo': movieNfo({ title: 'With NFO', year: 2003 }).replace(
      '</movie>',
      '<runtime>99</runtime></movie>',
    ),
  });
  await Promise.all([
    clip(150, join(root, 'Single (2001)/Single (2001).mp4')),
    clip(120, join(root, 'Split (2002)/Split (2002) cd1.mp4')),
    clip(180, join(root, 'Split (2002)/Split (2002) cd2.mp4')),
    clip(150, join(root, 'With NFO (2003)/With NFO (2003).mp4')),
  ]);
  lib = await createLibrary(b, 'movies', [root]);
  await scan(b, lib, { probe: true });
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

const runtimeOf = async (title: string) => (await movieTitled(b, title)).runtime;

describe('runtime from probing', () => {
  test('a single file: its length in minutes', async () => {
    expect(await runtimeOf('Single')).toBe(3);
  });

  test('a title in two parts: the length of both together', async () => {
    expect(await runtimeOf('Split')).toBe(5);
  });

  test("an NFO's runtime stays", async () => {
    expect(await runtimeOf('With NFO')).toBe(99);
  });

  test('a subtitle added beside a movie, and an NFO without a runtime, leave it its runtime', async () => {
    await writeTree(root, {
      'Single (2001)/Single (2001).en.srt': '1\n00:00:00,000 --> 00:00:01,000\nHi\n',
      'Split (2002)/movie.nfo': movieNfo({ title: 'Split', year: 2002, genres: ['Drama'] }),
    });
    const status = await scan(b, lib, { probe: true });
    expect(status.counts).toMatchObject({ updated: 2, errors: 0 });
    expect((await movieTitled(b, 'Split')).genres).toEqual(['Drama']);
    expect([await runtimeOf('Single'), await runtimeOf('Split')]).toEqual([3, 5]);
  });
});
