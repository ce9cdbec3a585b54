// The scan's walking and planning pipeline: the worker's walk hands over every folder once (also when it dies
// mid-walk and the main thread walks the rest), units planned by the shared worker give exactly what the main
// thread would, a crashed worker leaves its units to the main thread, and a large library scanned through the
// worker comes out complete and correct (titles, NFO ids, episode numbers) with a rescan that changes nothing.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { collectLibrary } from '../services/scan-collect.ts';
import type { Listings, WorkFile } from '../services/scan-context.ts';
import { PlanPipeline } from '../services/scan-pipeline.ts';
import { planFiles, planUnit } from '../services/scan-plans.ts';
import { failPlanWorker } from '../services/scan-worker-pool.ts';
import type { StattedFolder } from '../services/walker.ts';
import { movieNfo, removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, listAll, scan } from './harness.ts';

const MOVIES = 300;

function movieTree(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < MOVIES; i++) {
    const dir = `Film Number ${i} (${1950 + (i % 70)})`;
    files[`${dir}/Film.Number.${i}.${1950 + (i % 70)}.1080p.BluRay.x264-GRP.mkv`] = '';
    if (i % 2 === 0)
      files[`${dir}/movie.nfo`] = movieNfo({
        title: `NFO Title ${i}`,
        tmdb: String(5000 + i),
        genres: ['Drama'],
      });
  }
  return files;
}

function units(root: string, files: Record<string, string>, size: number) {
  const listings: Listings = new Map();
  const work: WorkFile[] = [];
  for (const rel of Object.keys(files)) {
    const dir = join(root, rel.split('/')[0]);
    const name = rel.split('/')[1];
    listings.set(dir, [...(listings.get(dir) ?? []), name]);
    if (name.endsWith('.mkv'))
      work.push({ root, dir, name, path: join(root, rel), rel, size: 0, mtimeMs: 0 });
  }
  const out = [];
  for (let i = 0; i < work.length; i += size)
    out.push(planUnit('movies', 'lib', work.slice(i, i + size), listings));
  return out;
}

let root: string;
let files: Record<string, string>;
beforeAll(async () => {
  root = tempDir();
  files = movieTree();
  await writeTree(root, files);
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

describe('PlanPipeline', () => {
  test('the worker plans units exactly as the main thread would, in order', async () => {
    const all = units(root, files, 25);
    const expected = all.map((u) => planFiles(u));
    const p = new PlanPipeline(true);
    for (const u of all) p.add(u);
    const got = [];
    for (let i = 0; i < all.length; i++) got.push(await p.take(i));
    p.close();
    expect(got).toEqual(expected);
    expect(p.planned.worker).toBeGreaterThan(0);
    expect(p.planned.worker + p.planned.main).toBe(all.length);
  });

  test('without a worker every unit is planned on the main thread', async () => {
    const all = units(root, files, 50);
    const p = new PlanPipeline(false);
    for (const u of all) p.add(u);
    for (let i = 0; i < all.length; i++) expect(await p.take(i)).toEqual(planFiles(all[i]));
    expect(p.planned).toEqual({ worker: 0, main: all.length });
  });

  test("a rescan's pipeline leases the worker only once a unit is worth it", async () => {
    const small = new PlanPipeline('when-needed');
    const few = units(root, files, 10).slice(0, 5);
    for (const u of few) small.add(u);
    for (let i = 0; i < few.length; i++) expect(await small.take(i)).toEqual(planFiles(few[i]));
    small.close();
    expect(small.planned).toEqual({ worker: 0, main: few.length });
    const big = new PlanPipeline('when-needed');
    const many = units(root, files, 60);
    for (const u of many) big.add(u);
    for (let i = 0; i < many.length; i++) expect(await big.take(i)).toEqual(planFiles(many[i]));
    big.close();
    expect(big.planned.worker).toBeGreaterThan(0);
  });

  test('a worker that dies mid-way leaves its units to the main thread', async () => {
    const all = units(root, files, 10);
    const p = new PlanPipeline(true);
    for (const u of all) p.add(u);
    failPlanWorker();
    const got = [];
    for (let i = 0; i < all.length; i++) got.push(await p.take(i));
    p.close();
    expect(got).toEqual(all.map((u) => planFiles(u)));
    expect(p.planned.main).toBeGreaterThan(0);
  });
});

describe('a scan large enough for the worker', () => {
  let b: Booted;
  beforeAll(async () => {
    b = await boot({ probe: false });
  });
  afterAll(() => b.h.stop());

  test('every movie arrives with its NFO data, and a rescan changes nothing', async () => {
    const id = await createLibrary(b, 'movies', [root]);
    const first = await scan(b, id);
    expect(first.counts).toMatchObject({ files: MOVIES, added: MOVIES, errors: 0, unmatched: 0 });
    const movies = await listAll(b, `/v1/movies?libraryId=${id}`);
    expect(movies).toHaveLength(MOVIES);
    const byTitle = new Map(movies.map((m: any) => [m.title, m]));
    for (let i = 0; i < MOVIES; i++) {
      const m: any = byTitle.get(i % 2 === 0 ? `NFO Title ${i}` : `Film Number ${i}`);
      expect(m?.year).toBe(1950 + (i % 70));
      if (i % 2 === 0) expect(m.providerIds.tmdb).toBe(String(5000 + i));
      expect(m.match.method).toBe(i % 2 === 0 ? 'nfo' : 'filename');
    }
    const again = await scan(b, id);
    expect(again.counts).toMatchObject({ files: MOVIES, unchanged: MOVIES, added: 0, updated: 0 });
  });
});

describe('a first scan meeting a file row that already exists', () => {
  let b: Booted;
  beforeAll(async () => {
    b = await boot({ probe: false });
  });
  afterAll(() => b.h.stop());

  test('the plain insert of a fresh library falls back to the upsert, keeping the row', async () => {
    const dir = tempDir();
    await writeTree(dir, { 'Lone (2001)/Lone (2001).mkv': '' });
    const id = await createLibrary(b, 'movies', [dir]);
    const path = join(dir, 'Lone (2001)', 'Lone (2001).mkv');
    // A row left for this path without an item (the library still has no items, so the scan starts fresh).
    b.h.core.sqlite
      .query(
        `INSERT INTO libraries_files (id, library_id, item_id, path, rel_path, size, mtime_ms, role, added_at)
         VALUES ('left-over', ?, NULL, ?, 'x', 0, 0, 'main', '2020-01-01T00:00:00.000Z')`,
      )
      .run(id, path);
    const done = await scan(b, id);
    expect(done.counts).toMatchObject({ files: 1, added: 1, errors: 0 });
    const rows = b.h.core.sqlite
      .query<{ id: string; item_id: string | null }, [string]>(
        'SELECT id, item_id FROM libraries_files WHERE path = ?',
      )
      .all(path);
    expect(rows).toHaveLength(1);
    expect(rows[0].id).toBe('left-over');
    expect(rows[0].item_id).not.toBeNull();
  });

  test('a first scan still marks a left-over row of a vanished file missing', async () => {
    const dir = tempDir();
    await writeTree(dir, { 'Here (2002)/Here (2002).mkv': '' });
    const id = await createLibrary(b, 'movies', [dir]);
    b.h.core.sqlite
      .query(
        `INSERT INTO libraries_files (id, library_id, item_id, path, rel_path, size, mtime_ms, role, added_at)
         VALUES ('gone', ?, NULL, ?, 'x', 0, 0, 'main', '2020-01-01T00:00:00.000Z')`,
      )
      .run(id, join(dir, 'Gone (2003)', 'Gone (2003).mkv'));
    const done = await scan(b, id);
    expect(done.counts).toMatchObject({ files: 1, added: 1, errors: 0 });
    const gone = b.h.core.sqlite
      .query<{ missing_since: string | null }, []>(
        "SELECT missing_since FROM libraries_files WHERE id = 'gone'",
      )
      .get();
    expect(gone?.missing_since).not.toBeNull();
  });
});
