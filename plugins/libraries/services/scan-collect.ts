// The collecting half of a scan: the walk (in the scan worker, else here) hands over statted folders; unchanged
// files are only counted, changed ones gathered into units of work (with the folder listings they need) handed on
// while the walk continues; extras are kept apart, unchanged ones attached again only when their owner may change.
import type { Database } from 'bun:sqlite';
import { join } from 'node:path';
import { classifyExtra } from '../lib/naming/index.ts';
import { listingSignature, videoSignature } from '../lib/sidecar-signature.ts';
import type { Listings, WorkFile } from './scan-context.ts';
import { extraOwnerFolder, titleFolderOf } from './scan-extras.ts';
import type { PlanPipeline } from './scan-pipeline.ts';
import { type PlanUnit, planUnit } from './scan-plans.ts';
import type { ScanCounts, ScanOptions } from './scanner.ts';
import { type StattedFolder, statVideos, walk } from './walker.ts';

/** Files in a scan's first unit (the later ones double it, up to the scan's batch size). */
const FIRST_UNIT_FILES = 25;

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
  /** Extras to attach: new or changed ones, and (after `settleExtras`) those whose owner may have changed. */
  readonly extras: WorkFile[] = [];
  /** Unchanged extras whose owner folder's listing is as it was: settled once the walk is over. */
  private quiet: { id: string; w: WorkFile; owner: string }[] = [];
  /** Owner folder (and its listing signature) of the extras of each folder met. */
  private readonly owners = new Map<string, { folder: string; sig: number }>();
  /** Folders of the titles whose main files this scan reads (`folder` of their items). */
  private readonly titleFolders = new Set<string>();
  private readonly known = new Map<string, Known>();
  private pending: WorkFile[] = [];
  /**
   * Size of the next unit: the first is small and each one doubles it up to `batch`, so the writer starts on the
   * first titles while the walk is still early instead of waiting for a whole batch of them.
   */
  private unitSize = FIRST_UNIT_FILES;

  constructor(
    sqlite: Database,
    private readonly lib: { id: string; kind: 'movies' | 'shows' },
    private readonly opts: {
      force: boolean;
      batch: number;
      counts: ScanCounts;
      warn?: ScanOptions['warn'];
    },
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

  /** The item of the main file at `path` when the scan began, else null. */
  formerItemOf(path: string): string | null {
    const k = this.known.get(path);
    return k?.role === 'main' ? k.item_id : null;
  }

  /** The item of the file row at `path` when the scan began (null: none), or undefined when there was no such row. */
  knownItemOf(path: string): string | null | undefined {
    return this.known.get(path)?.item_id;
  }

  /** The main files (id and path) each of `itemIds` had when the scan began, by item; items with none are left out. */
  formerMainFiles(itemIds: readonly string[]): Map<string, { id: string; path: string }[]> {
    const out = new Map<string, { id: string; path: string }[]>(itemIds.map((id) => [id, []]));
    for (const [path, k] of this.known)
      if (k.role === 'main' && k.item_id) out.get(k.item_id)?.push({ id: k.id, path });
    for (const [id, files] of out) if (files.length === 0) out.delete(id);
    return out;
  }

  /** Whether the walk already handed over this folder. */
  has(dir: string): boolean {
    return this.listings.has(dir);
  }

  /**
   * Takes one folder of the walk under `root`, its videos already statted. A known file is unchanged when its size
   * and mtime match and, for a main video, so does the signature of the files beside it (an edited NFO, new artwork
   * or subtitles make it read again); for an extra, attached or not, that of its owner folder's listing (a movie
   * appearing or leaving there can change its owner), and as long as today's naming still reads it as an extra.
   */
  visit(root: string, { dir, files, videos, sig: folderSig }: StattedFolder): void {
    const { counts, force } = this.opts;
    this.listings.set(dir, files);
    this.sigs.set(dir, folderSig);
    let sig: number | undefined;
    for (const v of videos) {
      if ('error' in v) {
        counts.errors += 1;
        this.opts.warn?.('cannot read file', { path: join(dir, v.name), error: v.error });
        continue;
      }
      counts.files += 1;
      const k = this.known.get(v.path);
      // Every video of a folder has the same top folder: one signature for all.
      sig ??= this.signatureOf(root, v.rel, folderSig);
      const same =
        !force && k !== undefined && k.size === v.size && k.mtime_ms === v.mtimeMs && !k.missing_since;
      if (same && k.role === 'main' && k.sidecar_sig === sig && k.item_id) {
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
      const extra = v.extra ?? classifyExtra(v.rel) !== null;
      // An unchanged extra stays as it is unless today's naming reads it as a title (an older version's rules did not).
      if (same && k.role === 'extra' && extra) {
        const owner = this.ownerOf(w);
        if (k.sidecar_sig === owner.sig) {
          w.sig = owner.sig;
          this.quiet.push({ id: k.id, w, owner: owner.folder });
          continue;
        }
      }
      if (extra) {
        w.sig = this.ownerOf(w).sig;
        this.extras.push(w);
      } else {
        this.pending.push(w);
        // Only a rescan can have unchanged extras to settle.
        if (this.known.size > 0) this.titleFolders.add(titleFolderOf(w, this.lib.kind));
        // Within a folder too: one holding thousands of titles is written in short transactions like any other.
        if (this.pending.length >= Math.min(this.opts.batch, this.unitSize)) this.flush();
      }
    }
  }

  /** An extra's owner folder and its listing's signature, worked out once per folder of extras. */
  private ownerOf(w: WorkFile): { folder: string; sig: number } {
    let owner = this.owners.get(w.dir);
    if (!owner) {
      // The owner folder is the extra's own or one above it, so the walk has listed it already.
      const folder = extraOwnerFolder(w, this.lib.kind);
      owner = { folder, sig: listingSignature(this.listings.get(folder) ?? []) };
      this.owners.set(w.dir, owner);
    }
    return owner;
  }

  /**
   * Once the walk is over: an unchanged extra whose owner folder holds a title this scan reads again joins the extras
   * to attach (the title may be new, or no longer the one it names); the others are seen, unchanged.
   */
  settleExtras(): void {
    for (const q of this.quiet) {
      if (this.titleFolders.has(q.owner)) this.extras.push(q.w);
      else {
        this.seen.add(q.id);
        this.opts.counts.unchanged += 1;
      }
    }
    this.quiet = [];
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
    this.unitSize *= 2;
  }
}

/** How many folders a walk on the main thread goes through between two reports of how far it got. */
const WALK_REPORT = 100;

/**
 * Walks `roots` — in the scan worker when `inWorker` (a library's first scan: the main thread writes meanwhile), else
 * here (a rescan: an unchanged file costs one stat and a lookup, nothing to hand across threads) — handing every
 * folder to the collector, then its last unit. When the worker is missing or dies mid-walk, the rest is walked here
 * (folders it already sent are not taken twice); `walked` is told after every WALK_REPORT folders walked here.
 */
export async function collectLibrary(
  roots: string[],
  collector: Pick<WorkCollector, 'has' | 'visit' | 'flush'>,
  plans: Pick<PlanPipeline, 'walk'>,
  o: Pick<ScanOptions, 'signal' | 'warn'>,
  inWorker = true,
  walked: () => void = () => {},
): Promise<void> {
  let folders = 0;
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
          if (++folders % WALK_REPORT === 0) walked();
        },
        { signal: o.signal, onError: (dir, err) => onError(dir, err.message) },
      );
    }
  }
  collector.flush();
}
