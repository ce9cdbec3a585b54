// The scan's walk: the worker's walk hands over every folder once with its video statted (also when the worker dies
// mid-walk and the main thread walks the rest), a rescan walks on the main thread, and a cancelled scan stops it.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { collectLibrary } from '../services/scan-collect.ts';
import { PlanPipeline } from '../services/scan-pipeline.ts';
import { failPlanWorker } from '../services/scan-worker-pool.ts';
import type { StattedFolder } from '../services/walker.ts';
import { numberedMovieTree, removeTemps, tempDir, writeTree } from './fixtures.ts';

const MOVIES = 300;

let root: string;
beforeAll(async () => {
  root = tempDir();
  await writeTree(root, numberedMovieTree(MOVIES));
});
afterAll(removeTemps);

/** Collects a walk of `root` through `collectLibrary`; `onVisit` runs before each folder is taken. */
async function collect(
  p: PlanPipeline,
  root: string,
  onVisit: (n: number) => void = () => {},
  signal?: AbortSignal,
  inWorker = true,
) {
  const taken: StattedFolder[] = [];
  const warnings: string[] = [];
  let flushed = 0;
  await collectLibrary(
    [root],
    {
      has: (dir) => taken.some((f) => f.dir === dir),
      visit: (_root, folder) => {
        onVisit(taken.length);
        taken.push(folder);
      },
      flush: () => {
        flushed += 1;
      },
    },
    p,
    { signal: signal ?? new AbortController().signal, warn: (m) => void warnings.push(m) },
    inWorker,
  );
  return { taken, warnings, flushed };
}

function expectEveryFolderOnce(taken: StattedFolder[], classified = true) {
  const dirs = taken.map((f) => f.dir);
  expect(new Set(dirs).size).toBe(dirs.length);
  expect(dirs).toHaveLength(MOVIES + 1);
  for (const f of taken.filter((x) => x.dir !== root)) {
    const video = f.files.find((n) => n.endsWith('.mkv'))!;
    const path = join(f.dir, video);
    const st = statSync(path);
    const rel = path.slice(root.length + 1);
    const stat = { name: video, path, rel, size: st.size, mtimeMs: Math.floor(st.mtimeMs) };
    expect(f.videos).toEqual([classified ? { ...stat, extra: false } : stat]);
  }
}

describe('the walk', () => {
  test('the worker walks the root: every folder arrives once, its video statted', async () => {
    const p = new PlanPipeline(true);
    const { taken, flushed } = await collect(p, root);
    p.close();
    expectEveryFolderOnce(taken);
    expect(flushed).toBe(1);
  });

  test('a worker dying mid-walk leaves the rest to the main thread, no folder taken twice', async () => {
    const p = new PlanPipeline(true);
    let failedAt = -1;
    const { taken } = await collect(p, root, (n) => {
      if (n === 40 && failedAt < 0) {
        failedAt = n;
        failPlanWorker();
      }
    });
    p.close();
    expect(failedAt).toBe(40);
    expect(taken[1].videos.some((v) => 'extra' in v)).toBe(true);
    expect(taken.at(-1)!.videos.some((v) => 'extra' in v)).toBe(false);
    const dirs = taken.map((f) => f.dir);
    expect(new Set(dirs).size).toBe(MOVIES + 1);
    expect(dirs).toHaveLength(MOVIES + 1);
  });

  test('without a worker the main thread walks (extras then classified by the collector)', async () => {
    const p = new PlanPipeline(false);
    const { taken } = await collect(p, root);
    expectEveryFolderOnce(taken, false);
  });

  test('a rescan walks on the main thread though the worker is there', async () => {
    const p = new PlanPipeline(true);
    const { taken } = await collect(p, root, () => {}, undefined, false);
    p.close();
    expectEveryFolderOnce(taken, false);
  });

  test('a cancelled scan stops the walk with the reason', async () => {
    const p = new PlanPipeline(true);
    const stop = new AbortController();
    const walk = collect(p, root, (n) => n === 10 && stop.abort(new Error('scan cancelled')), stop.signal);
    await expect(walk).rejects.toThrow('scan cancelled');
    p.close();
  });
});
