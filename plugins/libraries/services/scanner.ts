// One library scan: walk → stat (unchanged files cost one stat) → resolve changed files in short transactions →
// attach extras → mark vanished files missing. A scan killed midway leaves committed batches; the next one finishes.
import type { Database } from 'bun:sqlite';
import { statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { classifyExtra, isVideoFile } from '../lib/naming/index.ts';
import { CatalogWriter } from './catalog-writer.ts';
import { containerOf, type Listings, sidecarsOf, type WorkFile } from './scan-context.ts';
import { mainFile, resolveMovie } from './scan-movies.ts';
import { resolveEpisode, type ShowCache } from './scan-shows.ts';
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
  for (let i = 0; i < mains.length; i += batch) {
    if (o.signal.aborted) throw o.signal.reason ?? new Error('aborted');
    const now = new Date().toISOString();
    sqlite.transaction(() => {
      for (const w of mains.slice(i, i + batch)) processMain(w, lib, listings, writer, cache, now, result, o);
    })();
    o.progress('processing', (i + batch) / total, counts);
    await tick();
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

function processMain(
  w: WorkFile,
  lib: { id: string; kind: 'movies' | 'shows' },
  listings: Listings,
  writer: CatalogWriter,
  cache: ShowCache,
  now: string,
  result: ScanResult,
  o: ScanOptions,
): void {
  try {
    const warnings: string[] = [];
    const res =
      lib.kind === 'movies'
        ? resolveMovie(w, lib.id, listings, writer, now)
        : resolveEpisode(w, { libraryId: lib.id, listings, writer, cache, now, warnings });
    if (!res) {
      result.counts.unmatched += 1;
      o.warn('no episode number, date or absolute number in the name; not added', { path: w.rel });
      return;
    }
    for (const msg of res.warnings) o.warn('malformed NFO ignored', { path: w.rel, detail: msg });
    const fileId = writer.upsertFile(
      mainFile(w, lib.id, res.itemId, { part: res.part, versionLabel: res.versionLabel }),
      now,
    );
    writer.replaceExternalTracks(fileId, sidecarsOf(w.dir, listings.get(w.dir) ?? [], w.name));
    result.changedFileIds.push(fileId);
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
  const id = writer.upsertFile(
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
