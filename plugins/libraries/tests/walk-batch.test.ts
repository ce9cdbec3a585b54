// Walk batches packed for the trip from the scan worker: unpacked, every folder is exactly what statVideos gave,
// whatever the root's spelling, stat failures and extras; a root's batches grow from 25 files to 100.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { leaseWorker } from '../services/scan-worker-pool.ts';
import { packFolders, unpackFolders } from '../services/walk-batch.ts';
import { type StattedFolder, statVideos } from '../services/walker.ts';
import { removeTemps, tempDir } from './fixtures.ts';

let root: string;
beforeAll(() => {
  root = tempDir();
  const movie = join(root, 'Heat (1995)');
  mkdirSync(join(movie, 'extras'), { recursive: true });
  for (const f of ['Heat (1995).mkv', 'Heat (1995)-trailer.mp4', 'movie.nfo', 'poster.jpg'])
    writeFileSync(join(movie, f), 'x'.repeat(f.length));
  writeFileSync(join(movie, 'extras', 'Making of.mkv'), 'making');
  writeFileSync(join(root, 'Loose Movie 2001.avi'), 'loose');
});
afterAll(removeTemps);

/** Statted folders as the worker would send them; `listed` adds names that are not there (stat failures). */
function folders(r: string, classify: boolean, listed: string[] = []): StattedFolder[] {
  const heat = join(root, 'Heat (1995)');
  return [
    { dir: root, files: ['Loose Movie 2001.avi', 'notes.txt'] },
    {
      dir: heat,
      files: ['Heat (1995).mkv', 'Heat (1995)-trailer.mp4', 'movie.nfo', 'poster.jpg', ...listed],
    },
    { dir: join(heat, 'extras'), files: ['Making of.mkv'] },
  ].map((f) => statVideos(r, f, classify));
}

describe('packed walk batches', () => {
  const cases: [string, () => string, boolean, string[]][] = [
    ['a normalised root, classified', () => root, true, []],
    ['a normalised root, not classified', () => root, false, []],
    ['a root with a trailing slash (paths joined)', () => `${root}/`, true, []],
    ['a root spelt with a `.` segment', () => `${root}/.`, true, []],
    ['videos that cannot be statted', () => root, true, ['Gone.mkv', 'Also Gone (2000).mp4']],
  ];
  for (const [name, r, classify, listed] of cases) {
    test(name, () => {
      const sent = folders(r(), classify, listed);
      const got = unpackFolders(r(), structuredClone(packFolders(sent)));
      expect(got).toEqual(sent);
      // The errors really are there when asked for.
      if (listed.length) expect(got[1].videos.filter((v) => 'error' in v)).toHaveLength(listed.length);
    });
  }

  test('an empty batch', () => {
    expect(unpackFolders(root, packFolders([]))).toEqual([]);
  });
});

test("the worker sends a root's first batch at 25 files, then 50, then 100 at a time", async () => {
  const many = tempDir();
  for (let i = 0; i < 300; i++) {
    mkdirSync(join(many, `Film ${String(i).padStart(3, '0')} (2000)`));
    writeFileSync(join(many, `Film ${String(i).padStart(3, '0')} (2000)`, 'film.mkv'), '');
  }
  const sizes: number[] = [];
  await new Promise<void>((resolve) => {
    const lease = leaseWorker({
      onPlans: () => {},
      // Every folder but the root holds one file: a batch's folder count is its file count (the root's batch
      // also carries the root, which holds none).
      onWalked: (_root, folders) => sizes.push(folders.reduce((n, f) => n + f.files.length, 0)),
      onWalkDone: () => {
        lease?.release();
        resolve();
      },
      onFail: () => resolve(),
    });
    lease?.walk([many]);
  });
  expect(sizes).toEqual([25, 50, 100, 100, 25]);
});
