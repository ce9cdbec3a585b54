// One library scan: roots checked (a vanished one fails the scan) → walk and stat (in the scan worker for a first
// scan; unchanged files cost one stat) → changed files planned (by the worker once it has walked, and here while
// waiting) and written in short transactions as the walk goes on → extras attached → vanished files marked missing
// (removed when their item still has a present file), items left with no file removed. A scan killed midway leaves
// committed batches; the next one finishes.
import type { Database } from 'bun:sqlite';
import { CatalogWriter } from './catalog-writer.ts';
import { assertRootsScannable } from './library-folders.ts';
import { storageFailed, writeScanBatch } from './scan-batch.ts';
import { collectLibrary, WorkCollector } from './scan-collect.ts';
import type { Listings, WorkFile } from './scan-context.ts';
import { attachExtras } from './scan-extras.ts';
import { applyMovie, MovieScan, mainFile } from './scan-movies.ts';
import { PlanPipeline } from './scan-pipeline.ts';
import type { FilePlan } from './scan-plans.ts';
import { reconcileScan } from './scan-reconcile.ts';
import { applyEpisode, ShowCache } from './scan-shows.ts';
import { keepScanCodeBelowTopTier } from './scan-tiering.ts';
import { emptyCounts, type ScanOptions, type ScanResult } from './scan-types.ts';

export {
  emptyCounts,
  type ScanCounts,
  type ScanOptions,
  type ScanPhase,
  type ScanResult,
} from './scan-types.ts';

const tick = () => new Promise((r) => setImmediate(r));

/** A write transaction goes on with the next ready unit until it has run this long. */
const TRANSACTION_MS = 20;

export async function scanLibrary(
  sqlite: Database,
  lib: { id: string; kind: 'movies' | 'shows'; paths: string[] },
  o: ScanOptions,
): Promise<ScanResult> {
  keepScanCodeBelowTopTier();
  // Rows written from here on are this scan's: its reconcile never removes them.
  const startedAt = new Date().toISOString();
  const counts = emptyCounts();
  // Before anything is read or written: a vanished root must fail the scan, not empty the catalog.
  assertRootsScannable(sqlite, lib.id, lib.paths);
  const batch = o.batchSize ?? 200;
  const collector = new WorkCollector(
    sqlite,
    lib,
    { force: !!o.force, batch, counts, warn: o.warn },
    (unit) => plans.add(unit),
  );
  // A first scan walks in the worker while the units it yields are planned and written here; a rescan (mostly
  // unchanged files) walks here first, its changed files planned by the worker (leased only if there are many).
  const first = collector.knownCount === 0;
  const plans = new PlanPipeline(first || 'when-needed');
  const result: ScanResult = {
    counts,
    changedFileIds: [],
    added: [],
    updated: [],
    missing: [],
    restored: [],
    removed: [],
  };
  const writer = new CatalogWriter(sqlite);
  if (!sqlite.query('SELECT 1 FROM libraries_items WHERE library_id = ? LIMIT 1').get(lib.id))
    writer.startFresh(lib.id);
  const { extras } = collector;
  const counted = new Set<string>();
  const c: WriteCtx = {
    lib,
    collector,
    listings: collector.listings,
    writer,
    cache: new ShowCache(),
    counted,
    movies: new MovieScan(counted),
    now: '',
    result,
    o,
  };
  o.progress('walking', 0, counts);
  let walked = false;
  // A rescan writes once its walk is over: until then the counts of files found and unchanged tell how far it got.
  const walkedSoFar = () => o.progress('walking', 0, Object.assign(counts, { processed: counts.unchanged }));
  const walking = collectLibrary(lib.paths, collector, plans, o, first, walkedSoFar).finally(() => {
    walked = true;
    plans.wake();
  });
  walking.catch(() => {});
  try {
    if (!first) await walking;
    let done = 0;
    for (let u = 0; ; ) {
      if (o.signal.aborted) throw o.signal.reason ?? new Error('aborted');
      if (u >= plans.units.length) {
        if (!walked) {
          await plans.nextUnit();
          continue;
        }
        await walking;
        if (u >= plans.units.length) break;
        continue;
      }
      let planned = await plans.take(u);
      if (o.signal.aborted) throw o.signal.reason ?? new Error('aborted');
      c.now = new Date().toISOString();
      const started = performance.now();
      writeScanBatch(sqlite, lib.id, () => {
        for (;;) {
          const unit = plans.units[u];
          for (let i = 0; i < unit.files.length; i++) processMain(unit.files[i], planned[i], c);
          done += unit.files.length;
          u += 1;
          if (u >= plans.units.length || performance.now() - started > TRANSACTION_MS || !plans.ready(u))
            break;
          planned = plans.takeReady(u);
        }
      });
      counts.processed = counts.unchanged + done;
      if (walked)
        o.progress('processing', done / (plans.units.reduce((n, x) => n + x.files.length, 0) || 1), counts);
      else o.progress('walking', 0, counts); // No total while the walk goes on: 0, and the counts tell how far.
      await tick();
    }
  } finally {
    plans.close();
  }
  collector.settleExtras();
  const now = new Date().toISOString();
  sqlite.transaction(() => attachExtras(sqlite, lib, extras, writer, now, result))();
  if (o.signal.aborted) throw o.signal.reason ?? new Error('aborted');
  counts.processed = counts.files;
  o.progress('finalizing', 1, counts);
  const r = reconcileScan(sqlite, lib, collector, result, startedAt, o.reconcileOwed);
  result.missing = r.missing;
  result.restored = [...new Set([...result.restored, ...r.restored])];
  result.removed = r.removed;
  counts.missing = r.missing.length;
  counts.restored = result.restored.length;
  counts.removed = r.removed.length;
  o.progress('done', 1, counts);
  return result;
}

interface WriteCtx {
  lib: { id: string; kind: 'movies' | 'shows' };
  collector: Pick<WorkCollector, 'formerItemOf' | 'knownItemOf'>;
  listings: Listings;
  writer: CatalogWriter;
  cache: ShowCache;
  /** Items counted as added or updated in this scan: an item counts once, however many files it has. */
  counted: Set<string>;
  movies: MovieScan;
  now: string;
  result: ScanResult;
  o: ScanOptions;
}

export function processMain(w: WorkFile, plan: FilePlan, c: WriteCtx): void {
  const { lib, writer, now, result, o } = c;
  try {
    if (!plan.ok && plan.unmatched) {
      result.counts.unmatched += 1;
      o.warn(
        'no episode number, date or absolute number in the name, no season folder and no NFO numbering it; not added',
        { path: w.rel },
      );
      return;
    }
    if (!plan.ok) throw new Error(plan.error);
    const warnings: string[] = [];
    const item = plan.item;
    // A file read again may keep its item when its ids changed (scan-movies.ts); a first scan knows no file.
    const had = item.kind === 'movie' ? c.collector.formerItemOf(w.path) : null;
    const res =
      item.kind === 'movie'
        ? applyMovie(item, writer, now, c.movies, had)
        : applyEpisode(item, w, {
            libraryId: lib.id,
            knownItemOf: (path) => c.collector.knownItemOf(path),
            listings: c.listings,
            writer,
            cache: c.cache,
            now,
            warnings,
          });
    // An NFO that could not be used says "(ignored)"; one that was repaired says what was kept.
    for (const msg of res.warnings) o.warn('malformed NFO', { path: w.rel, detail: msg });
    const file = writer.upsertFile(
      mainFile(w, lib.id, res.itemId, { part: res.part, versionLabel: res.versionLabel }),
      now,
    );
    writer.replaceExternalTracks(file.id, plan.sidecars, file.created);
    result.changedFileIds.push(file.id);
    // Added when this scan created the item, else updated; its further files in this scan count for nothing more.
    if (!c.counted.has(res.itemId)) {
      c.counted.add(res.itemId);
      const change = res.created ? 'added' : 'updated';
      result[change].push(res.itemId);
      result.counts[change] += 1;
    }
    if (res.restored) result.restored.push(res.itemId);
  } catch (err) {
    // A file that cannot be read or named is skipped; SQLite failing (a full disk, I/O) ends the scan: it may have
    // rolled the transaction back, so nothing more of this batch can be written.
    if (storageFailed(err)) throw err;
    result.counts.errors += 1;
    o.warn('file could not be added', { path: w.rel, error: (err as Error).message });
  }
}
