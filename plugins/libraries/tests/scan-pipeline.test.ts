// The scan's planning pipeline: units planned by the shared worker give exactly what the main thread would, a unit
// sent during the worker's walk waits for its end (or is taken back when the writer reaches it first), a folder's
// listing crosses once however many units it spans, a crashed worker leaves its units to the main thread, a rescan
// leases the worker only when needed, and a large library scanned through the worker comes out complete and correct
// with a rescan that changes nothing. (A first scan's plain inserts meeting existing rows: scan-fresh-insert.test.ts.)
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Listings, WorkFile } from '../services/scan-context.ts';
import { PlanPipeline } from '../services/scan-pipeline.ts';
import { planFiles, planUnit } from '../services/scan-plans.ts';
import { failPlanWorker, leaseWorker } from '../services/scan-worker-pool.ts';
import { numberedMovieTree, removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, listAll, scan } from './harness.ts';

const MOVIES = 300;

function units(root: string, files: Record<string, string>, size: number) {
  const listings: Listings = new Map();
  const work: WorkFile[] = [];
  for (const rel of Object.keys(files)) {
    const dir = join(root, rel.split('/')[0]);
    const name = rel.split('/')[1];
    listings.set(dir, [...(listings.get(dir) ?? []), name]);
    if (name.endsWith('.mkv'))
      work.push({ root, dir, name, path: join(root, rel), rel, size: 0, mtimeMs: 0, sig: 0 });
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
  files = numberedMovieTree(MOVIES);
  await writeTree(root, files);
});
afterAll(removeTemps);

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

  test('a unit sent to the worker while it walks is planned the moment the walk ends, not between its steps', async () => {
    const unit = units(root, files, 25)[0];
    const events: string[] = [];
    let planned: unknown = null;
    const done = new Promise<void>((resolve) => {
      const lease = leaseWorker({
        onPlans: (_seq, plans) => {
          events.push('plans');
          planned = plans;
          lease?.release();
          resolve();
        },
        onWalked: () => {
          if (events.at(-1) !== 'walked') events.push('walked');
        },
        onWalkDone: () => events.push('walk-done'),
        onFail: () => resolve(),
      });
      lease?.walk([root]);
      lease?.post(0, unit);
    });
    await done;
    // The walk of 300 folders yields to the worker's event loop several times; the unit still waited for its end.
    expect(events).toEqual(['walked', 'walk-done', 'plans']);
    expect(planned).toEqual(planFiles(unit));
  });

  test('a unit withdrawn while the worker walks is never planned there; the others still are', async () => {
    const [first, second] = units(root, files, 25);
    const events: string[] = [];
    const done = new Promise<void>((resolve) => {
      const lease = leaseWorker({
        onPlans: (seq) => {
          events.push(`plans ${seq}`);
          lease?.release();
          resolve();
        },
        onWalked: () => {},
        onWalkDone: () => events.push('walk-done'),
        onFail: () => resolve(),
      });
      lease?.walk([root]);
      lease?.post(0, first);
      lease?.post(1, second);
      lease?.withdraw(0);
    });
    await done;
    expect(events).toEqual(['walk-done', 'plans 1']);
  });

  test('the writer reaching a unit that waits in the walking worker plans it at once instead of waiting', async () => {
    // Folders enough for the walk to outlast the two takes by far, whatever else loads the machine (3,000 once ended
    // first under CI); it is cancelled after them.
    const walkRoot = tempDir();
    for (let i = 0; i < 20_000; i++) mkdirSync(join(walkRoot, `Folder ${i}`));
    const [first, second] = units(root, files, 1);
    const p = new PlanPipeline(true);
    const stop = new AbortController();
    let walkEnded = false;
    const walking = p
      .walk(
        [walkRoot],
        () => {},
        () => {},
        stop.signal,
      )
      .then(
        () => {
          walkEnded = true;
        },
        () => {},
      );
    p.add(first);
    p.add(second); // with the first still free, the last unit is the one sent to wait in the worker
    expect([await p.take(0), await p.take(1)]).toEqual([planFiles(first), planFiles(second)]);
    expect(walkEnded).toBe(false);
    expect(p.planned).toEqual({ worker: 0, main: 2 });
    stop.abort();
    await walking;
    p.close();
  });

  test('a folder split over many units sends its listing to the worker once, and every unit plans as here', async () => {
    const flat: Record<string, string> = {};
    for (let i = 0; i < 120; i++) {
      flat[`flat/Movie ${i} (2000).mkv`] = '';
      flat[`flat/Movie ${i} (2000).nfo`] = `<movie><title>Film ${i}</title><year>2000</year></movie>`;
      flat[`flat/Movie ${i} (2000)-poster.jpg`] = '';
    }
    const flatRoot = tempDir();
    await writeTree(flatRoot, flat);
    const all = units(flatRoot, flat, 20);
    const sent: string[] = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, m: any, ...rest: any[]) {
      if (m?.type === 'plan') for (const [dir] of JSON.parse(m.unit).listings) sent.push(dir);
      return (post as any).call(this, m, ...rest);
    };
    try {
      const p = new PlanPipeline(true);
      for (const u of all) p.add(u);
      const got = [];
      for (let i = 0; i < all.length; i++) got.push(await p.take(i));
      p.close();
      expect(got).toEqual(all.map((u) => planFiles(u)));
      expect(got.flat().every((plan) => plan.ok && plan.item.kind === 'movie')).toBe(true);
      expect(p.planned.worker).toBeGreaterThan(1);
    } finally {
      Worker.prototype.postMessage = post;
    }
    expect(sent).toEqual([join(flatRoot, 'flat')]);
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
    const movies = await listAll(b, `/v1/movies?library=${id}`);
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
