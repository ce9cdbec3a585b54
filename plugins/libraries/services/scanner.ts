// One library scan: walk → stat (unchanged files cost one stat) → resolve changed files in short transactions →
// attach extras → mark vanished files missing. A scan killed midway leaves committed batches; the next one finishes.
import type { Database } from 'bun:sqlite';
import { statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { classifyExtra, isVideoFile } from '../lib/naming/index.ts';
import { CatalogWriter } from './catalog-writer.ts';
import { containerOf, type Listings, type WorkFile } from './scan-context.ts';
import { applyMovie, mainFile } from './scan-movies.ts';
import { PlanPipeline } from './scan-pipeline.ts';
import { type FilePlan, type PlanUnit, planUnit } from './scan-plans.ts';
import { applyEpisode, type ShowCache } from './scan-shows.ts';
import { walk } from './walker.ts';

export interface ScanCounts {
  files: number;
  unchanged: number;
  added: number;
  updated: number;
  extras: number;
  unmatched: number;
  missing: number;
  restored: number;
  errors: number;
}
export type ScanPhase = 'walking' | 'processing' | 'finalizing' | 'done';
export interface ScanOptions {
  force?: boolean;
  batchSize?: number;
  signal: AbortSignal;
  progress(phase: ScanPhase, fraction: number, counts: ScanCounts): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}
export interface ScanResult {
  counts: ScanCounts;
  changedFileIds: string[];
  added: string[];
  updated: string[];
  missing: string[];
  restored: string[];
}

interface Known {
  id: string;
  size: number;
  mtime_ms: number;
  item_id: string | null;
  missing_since: string | null;
}

const tick = () => new Promise((r) => setImmediate(r));

/** Below this many changed files, planning them on the main thread is cheaper than starting the worker. */
const WORKER_MIN_FILES = 400;

export async function scanLibrary(
  sqlite: Database,
  lib: { id: string; kind: 'movies' | 'shows'; paths: string[] },
  o: ScanOptions,
): Promise<ScanResult> {
  const counts: ScanCounts = {
    files: 0,
    unchanged: 0,
    added: 0,
    updated: 0,
    extras: 0,
    unmatched: 0,
    missing: 0,
    restored: 0,
    errors: 0,
  };
  const known = new Map<string, Known>();
  for (const r of sqlite
    .query<Known & { path: string }, [string]>(
      'SELECT id, path, size, mtime_ms, item_id, missing_since FROM libraries_files WHERE library_id = ?',
    )
    .all(lib.id)) {
    known.set(r.path, r);
  }
  const seen = new Set<string>();
  const listings: Listings = new Map();
  const work: WorkFile[] = [];
  o.progress('walking', 0, counts);
  for (const root of lib.paths) {
    await walk(
      root,
      ({ dir, files }) => {
        listings.set(dir, files);
        for (const name of files) {
          if (!isVideoFile(name)) continue;
          const path = join(dir, name);
          let st: { size: number; mtimeMs: number };
          try {
            st = statSync(path);
          } catch {
            counts.errors += 1;
            continue;
          }
          counts.files += 1;
          const k = known.get(path);
          const mtimeMs = Math.floor(st.mtimeMs);
          if (
            !o.force &&
            k &&
            k.size === st.size &&
            k.mtime_ms === mtimeMs &&
            !k.missing_since &&
            k.item_id
          ) {
            seen.add(k.id);
            counts.unchanged += 1;
          } else work.push({ root, dir, name, path, rel: relative(root, path), size: st.size, mtimeMs });
        }
      },
      { signal: o.signal, onError: (dir, err) => o.warn('cannot read folder', { dir, error: err.message }) },
    );
  }
  const extras = work.filter((w) => classifyExtra(w.rel));
  const mains = work.filter((w) => !extras.includes(w));
  const writer = new CatalogWriter(sqlite);
  if (!sqlite.query('SELECT 1 FROM libraries_items WHERE library_id = ? LIMIT 1').get(lib.id))
    writer.startFresh(lib.id);
  const result: ScanResult = {
    counts,
    changedFileIds: [],
    added: [],
    updated: [],
    missing: [],
    restored: [],
  };
  const cache: ShowCache = new Map();
  const batch = o.batchSize ?? 200;
  const total = work.length || 1;
  const units: PlanUnit[] = [];
  for (let i = 0; i < mains.length; i += batch)
    units.push(planUnit(lib.kind, lib.id, mains.slice(i, i + batch), listings));
  const plans = new PlanPipeline(units, mains.length >= WORKER_MIN_FILES);
  try {
    for (let u = 0; u < units.length; u++) {
      if (o.signal.aborted) throw o.signal.reason ?? new Error('aborted');
      const unit = units[u];
      const planned = await plans.take(u);
      if (o.signal.aborted) throw o.signal.reason ?? new Error('aborted');
      const now = new Date().toISOString();
      sqlite.transaction(() => {
        unit.files.forEach((w, i) => {
          processMain(w, planned[i], { lib, listings, writer, cache, now, result, o });
        });
      })();
      o.progress('processing', ((u + 1) * batch) / total, counts);
      await tick();
    }
  } finally {
    plans.close();
  }
  const now = new Date().toISOString();
  sqlite.transaction(() => {
    for (const w of extras) attachExtra(w, lib.id, writer, sqlite, now, result);
  })();
  if (o.signal.aborted) throw o.signal.reason ?? new Error('aborted');
  o.progress('finalizing', 1, counts);
  for (const id of result.changedFileIds) seen.add(id);
  const r = sqlite.transaction(() => writer.reconcileMissing(lib.id, seen, new Date().toISOString()))();
  result.missing = r.missing;
  result.restored = [...new Set([...result.restored, ...r.restored])];
  counts.missing = r.missing.length;
  counts.restored = result.restored.length;
  o.progress('done', 1, counts);
  return result;
}

interface WriteCtx {
  lib: { id: string; kind: 'movies' | 'shows' };
  listings: Listings;
  writer: CatalogWriter;
  cache: ShowCache;
  now: string;
  result: ScanResult;
  o: ScanOptions;
}

function processMain(w: WorkFile, plan: FilePlan, c: WriteCtx): void {
  const { lib, writer, now, result, o } = c;
  try {
    if (!plan.ok && plan.unmatched) {
      result.counts.unmatched += 1;
      o.warn('no episode number, date or absolute number in the name; not added', { path: w.rel });
      return;
    }
    if (!plan.ok) throw new Error(plan.error);
    const warnings: string[] = [];
    const item = plan.item;
    const res =
      item.kind === 'movie'
        ? applyMovie(item, writer, now)
        : applyEpisode(item, w, {
            libraryId: lib.id,
            listings: c.listings,
            writer,
            cache: c.cache,
            now,
            warnings,
          });
    for (const msg of res.warnings) o.warn('malformed NFO ignored', { path: w.rel, detail: msg });
    const file = writer.upsertFile(
      mainFile(w, lib.id, res.itemId, { part: res.part, versionLabel: res.versionLabel }),
      now,
    );
    writer.replaceExternalTracks(file.id, plan.sidecars, file.created);
    result.changedFileIds.push(file.id);
    if (res.created) {
      result.added.push(res.itemId);
      result.counts.added += 1;
    } else {
      result.updated.push(res.itemId);
      result.counts.updated += 1;
    }
    if (res.restored) result.restored.push(res.itemId);
  } catch (err) {
    result.counts.errors += 1;
    o.warn('file could not be added', { path: w.rel, error: (err as Error).message });
  }
}

/** Extras belong to the movie or show whose folder holds them (or holds their extras folder). */
function attachExtra(
  w: WorkFile,
  libraryId: string,
  writer: CatalogWriter,
  sqlite: Database,
  now: string,
  result: ScanResult,
): void {
  const info = classifyExtra(w.rel)!;
  const owner = sqlite.query<{ id: string }, [string, string, string]>(
    `SELECT id FROM libraries_items WHERE library_id = ? AND kind IN ('movie','show') AND folder IN (?, ?) ORDER BY kind LIMIT 1`,
  );
  const here = owner.get(libraryId, w.dir, dirname(w.dir));
  const { id } = writer.upsertFile(
    {
      libraryId,
      itemId: here?.id ?? null,
      path: w.path,
      relPath: w.rel,
      size: w.size,
      mtimeMs: w.mtimeMs,
      container: containerOf(w.name),
      role: 'extra',
      extraKind: info.kind,
      extraTitle: info.title,
    },
    now,
  );
  result.changedFileIds.push(id);
  result.counts.extras += 1;
}
