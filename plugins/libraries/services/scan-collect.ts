// The walk half of a scan: one stat per video, unchanged files only counted, changed ones gathered into units of
// work (with the folder listings they need) handed on while the walk continues; extras are kept apart.
import type { Database } from 'bun:sqlite';
import { statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { classifyExtra, isVideoFile } from '../lib/naming/index.ts';
import type { Listings, WorkFile } from './scan-context.ts';
import { type PlanUnit, planUnit } from './scan-plans.ts';
import type { ScanCounts } from './scanner.ts';
import type { Folder } from './walker.ts';

interface Known {
  id: string;
  size: number;
  mtime_ms: number;
  item_id: string | null;
  missing_since: string | null;
}

export class WorkCollector {
  readonly listings: Listings = new Map();
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
        'SELECT id, path, size, mtime_ms, item_id, missing_since FROM libraries_files WHERE library_id = ?',
      )
      .all(lib.id)) {
      this.known.set(r.path, r);
    }
  }

  /** True when every file known before the walk was found unchanged, present and matched. */
  allKnownUnchanged(): boolean {
    return this.seen.size === this.known.size;
  }

  /** Takes one folder of the walk under `root`. */
  visit(root: string, { dir, files }: Folder): void {
    const { counts, force } = this.opts;
    this.listings.set(dir, files);
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
      const k = this.known.get(path);
      const mtimeMs = Math.floor(st.mtimeMs);
      if (!force && k && k.size === st.size && k.mtime_ms === mtimeMs && !k.missing_since && k.item_id) {
        this.seen.add(k.id);
        counts.unchanged += 1;
        continue;
      }
      const w: WorkFile = { root, dir, name, path, rel: relative(root, path), size: st.size, mtimeMs };
      if (classifyExtra(w.rel)) this.extras.push(w);
      else this.pending.push(w);
    }
    if (this.pending.length >= this.opts.batch) this.flush();
  }

  /** Hands on the files gathered so far as one unit. */
  flush(): void {
    if (this.pending.length === 0) return;
    this.emit(planUnit(this.lib.kind, this.lib.id, this.pending, this.listings));
    this.pending = [];
  }
}
