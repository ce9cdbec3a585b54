// The collecting half of a scan: the walk (in the scan worker, else here) hands over statted folders; unchanged
// files are only counted, changed ones gathered into units of work (with the folder listings they need) handed on
// while the walk continues; extras are kept apart.
import type { Database } from 'bun:sqlite';
import { join } from 'node:path';
import { classifyExtra } from '../lib/naming/index.ts';
import { videoSignature } from '../lib/sidecar-signature.ts';
import type { Listings, WorkFile } from './scan-context.ts';
import type { PlanPipeline } from './scan-pipeline.ts';
import { type PlanUnit, planUnit } from './scan-plans.ts';
import type { ScanCounts, ScanOptions } from './scanner.ts';
import { type StattedFolder, statVideos, walk } from './walker.ts';

interface Known {
  id: string;
  size: number;
  mtime_ms: number;
  item_id: string | null;
  missing_since: string | null;
  role: 'main' | 'extra';
  sidecar_sig: number | null;
}

export class WorkCollector {
  readonly listings: Listings = new Map();
  /** Sidecar signatures of the folders walked so far (a top folder is walked before the folders under it). */
  private readonly sigs = new Map<string, number>();
  /** Ids of known files that are unchanged. */
  readonly seen = new Set<string>();
  readonly extras: WorkFile[] = [];
  private readonly known = new Map<string, Known>();
  private pending: WorkFile[] = [];

  constructor(
    sqlite: Database,
    private readonly lib: { id: string; kind: 'movies' | 'shows' },
    private readonly opts: { force: boolean; batch: number; counts: ScanCounts },
    private readonly emit: (unit: PlanUnit) => void,
  ) {
    for (const r of sqlite
      .query<Known & { path: string }, [string]>(
        `SELECT id, path, size, mtime_ms, item_id, missing_since, role, sidecar_sig
           FROM libraries_files WHERE library_id = ?`,
      )
      .all(lib.id)) {
      this.known.set(r.path, r);
    }
  }

  /** How many files of the library the database held before the walk. */
  get knownCount(): number {
    return this.known.size;
  }

  /** True when every file known before the walk was found unchanged, present and matched. */
  allKnownUnchanged(): boolean {
    return this.seen.size === this.known.size;
  }

  /** Whether the walk already handed over this folder. */
  has(dir: string): boolean {
    return this.listings.has(dir);
  }

  /**
   * Takes one folder of the walk under `root`, its videos already statted. A known file is unchanged when its size
   * and mtime match and, for a main video, so does the signature of the files beside it (an edited NFO, new artwork
   * or subtitles make it read again).
   */
  visit(root: string, { dir, files, videos, sig: folderSig }: StattedFolder): void {
    const { counts, force } = this.opts;
    this.listings.set(dir, files);
    this.sigs.set(dir, folderSig);
    let sig: number | undefined;
    for (const v of videos) {
      if ('error' in v) {
        counts.errors += 1;
        continue;
      }
      counts.files += 1;
      const k = this.known.get(v.path);
      // Every video of a folder has the same top folder: one signature for all.
      sig ??= this.signatureOf(root, v.rel, folderSig);
      if (
        !force &&
        k &&
        k.size === v.size &&
        k.mtime_ms === v.mtimeMs &&
        (k.role === 'extra' || k.sidecar_sig === sig) &&
        !k.missing_since &&
        k.item_id
      ) {
        this.seen.add(k.id);
        counts.unchanged += 1;
        continue;
      }
      const w: WorkFile = {
        root,
        dir,
        name: v.name,
        path: v.path,
        rel: v.rel,
        size: v.size,
        mtimeMs: v.mtimeMs,
        sig,
      };
      if (v.extra ?? classifyExtra(v.rel)) this.extras.push(w);
      else this.pending.push(w);
    }
    if (this.pending.length >= this.opts.batch) this.flush();
  }

  /** A video's sidecar signature: its folder's, with its top folder's when it lies deeper (a season folder). */
  private signatureOf(root: string, rel: string, folderSig: number): number {
    const slash = rel.indexOf('/');
    if (slash < 0 || slash === rel.lastIndexOf('/')) return folderSig;
    return videoSignature(folderSig, this.sigs.get(join(root, rel.slice(0, slash))) ?? 0);
  }

  /** Hands on the files gathered so far as one unit. */
  flush(): void {
    if (this.pending.length === 0) return;
    this.emit(planUnit(this.lib.kind, this.lib.id, this.pending, this.listings));
    this.pending = [];
  }
}

/**
 * Walks `roots` — in the scan worker when `inWorker` (a library's first scan: the main thread writes meanwhile), else
 * here (a rescan: an unchanged file costs one stat and a lookup, nothing to hand across threads) — handing every
 * folder to the collector, then its last unit. When the worker is missing or dies mid-walk, the rest is walked here
 * (folders it already sent are not taken twice).
 */
export async function collectLibrary(
  roots: string[],
  collector: Pick<WorkCollector, 'has' | 'visit' | 'flush'>,
  plans: Pick<PlanPipeline, 'walk'>,
  o: Pick<ScanOptions, 'signal' | 'warn'>,
  inWorker = true,
): Promise<void> {
  const onError = (dir: string, message: string) => o.warn('cannot read folder', { dir, error: message });
  const finished =
    inWorker &&
    (await plans.walk(
      roots,
      (root, folder) => collector.visit(root, folder),
      (e) => onError(e.dir, e.message),
      o.signal,
    ));
  if (!finished) {
    for (const root of roots) {
      await walk(
        root,
        (folder) => {
          if (!collector.has(folder.dir)) collector.visit(root, statVideos(root, folder, false));
        },
        { signal: o.signal, onError: (dir, err) => onError(dir, err.message) },
      );
    }
  }
  collector.flush();
}
