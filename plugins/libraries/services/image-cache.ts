// The resized-artwork cache on disk, `<plugin cache>/images/<artwork>/<width>-<version>.<ext>` (one folder per item
// and kind): where a copy goes, hits marking copies used, a written copy removing its artwork's copies of older
// versions, and the total kept under a bound by removing the least recently used. Rules in lib/image-cache.ts.
import { createHash } from 'node:crypto';
import { type Dirent, readdirSync, rmdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  type CachedFile,
  copyName,
  evictions,
  isTempName,
  staleCopies,
  TOUCH_EVERY_MS,
} from '../lib/image-cache.ts';

/** The most the cache holds (documented in the plugin README). */
export const IMAGE_CACHE_MAX_BYTES = 512 * 1024 * 1024;
/** A sweep over the bound goes down to this share of it. */
const SWEEP_TO = 0.8;

const hash = (s: string) => createHash('sha1').update(s).digest('hex').slice(0, 16);

/** What a copy is made from: the artwork (`owner`, an item and kind) and the version of its file. */
export interface CopySource {
  owner: string;
  path: string;
  etag: string;
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

export class ImageCache {
  private total = 0;

  /**
   * Counts what `dir` holds; being made before any render of this process starts, it also removes what no render
   * will finish (temporary files of a process that died) and files of the flat layout of earlier versions.
   */
  constructor(
    readonly dir: string,
    readonly maxBytes = IMAGE_CACHE_MAX_BYTES,
  ) {
    this.sweep(this.files(true));
  }

  /** Bytes the cache holds, as counted. */
  get bytes(): number {
    return this.total;
  }

  pathOf(src: CopySource, width: number, png: boolean): string {
    return join(this.dir, hash(src.owner), copyName(width, hash(`${src.path}|${src.etag}`), png));
  }

  /** Whether the copy is there; serving it marks it used (at most once per TOUCH_EVERY_MS, one stat otherwise). */
  has(path: string): boolean {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(path).mtimeMs;
    } catch {
      return false;
    }
    const now = new Date();
    if (now.getTime() - mtimeMs > TOUCH_EVERY_MS) {
      try {
        utimesSync(path, now, now);
      } catch {}
    }
    return true;
  }

  /** After a copy was moved into place: its artwork's copies of other versions go, then the bound is kept. */
  added(path: string): void {
    const folder = dirname(path);
    for (const name of staleCopies(readdirSync(folder), basename(path))) this.remove(join(folder, name));
    this.total += sizeOf(path);
    if (this.total > this.maxBytes) this.sweep(this.files(false), path);
  }

  private remove(path: string): void {
    const size = sizeOf(path);
    rmSync(path, { force: true });
    this.total -= size;
  }

  /** Least recently used copies out until the cache is within SWEEP_TO of its bound; never `keep`. */
  private sweep(files: CachedFile[], keep?: string): void {
    this.total = files.reduce((n, f) => n + f.size, 0);
    for (const f of evictions(files, this.total, this.maxBytes, this.maxBytes * SWEEP_TO, keep))
      this.remove(f.path);
  }

  /**
   * Every copy with its size and last use. With `clean`, also removes top-level files (the old flat layout),
   * temporary files and emptied folders: only when no render of this process can be under way.
   */
  private files(clean: boolean): CachedFile[] {
    const out: CachedFile[] = [];
    let entries: Dirent[];
    try {
      entries = readdirSync(this.dir, { withFileTypes: true });
    } catch {
      return out;
    }
    for (const e of entries) {
      const path = join(this.dir, e.name);
      if (!e.isDirectory()) {
        if (clean) rmSync(path, { force: true });
        continue;
      }
      let names: string[];
      try {
        names = readdirSync(path);
      } catch {
        continue;
      }
      for (const name of names) {
        const file = join(path, name);
        if (isTempName(name)) {
          if (clean) rmSync(file, { force: true });
          continue;
        }
        try {
          const st = statSync(file);
          out.push({ path: file, size: st.size, mtimeMs: st.mtimeMs });
        } catch {}
      }
      if (clean && names.every(isTempName)) {
        try {
          rmdirSync(path);
        } catch {}
      }
    }
    return out;
  }
}
