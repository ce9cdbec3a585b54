// Artwork files for the images route: the item's recorded artwork with its validators and type (read from its first
// bytes), resized variants via ffmpeg (a few renders at a time, one per variant, each with a time limit; a PNG when
// the source may be transparent), kept in the bounded cache of image-cache.ts and read whole before they are served.

import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileValidators, type Validators } from '@bijou/sdk';
import { IMAGE_HEAD_BYTES, imageTypeOf, mayBeTransparent } from '../lib/image-type.ts';
import { type CopySource, ImageCache } from './image-cache.ts';
import type { Ctx } from './types.ts';

/** Widths we render; a request is rounded up to the next one so the cache stays small. */
export const WIDTHS = [120, 240, 360, 480, 720, 1080, 1920];

export function snapWidth(w: number): number {
  return WIDTHS.find((x) => x >= w) ?? WIDTHS[WIDTHS.length - 1];
}

export interface ImageFile extends Validators, CopySource {
  /** The artwork it is: `<item id>/<kind>`. */
  owner: string;
  path: string;
  size: number;
  /** The media type of what the file holds (null when it is no image type we know). */
  type: string | null;
}

/** The recorded artwork of an item's kind, if the file still exists. */
export function artworkPath(ctx: Ctx, itemId: string, kind: string): ImageFile | null {
  const row = ctx.sqlite
    .query<{ artwork: string }, [string]>('SELECT artwork FROM libraries_items WHERE id = ?')
    .get(itemId);
  const path = row ? (JSON.parse(row.artwork) as Record<string, string>)[kind] : undefined;
  if (!path) return null;
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    const st = fstatSync(fd);
    const head = new Uint8Array(IMAGE_HEAD_BYTES);
    const n = readSync(fd, head, 0, head.length, 0);
    return {
      owner: `${itemId}/${kind}`,
      path,
      size: st.size,
      type: imageTypeOf(head.subarray(0, n)),
      ...fileValidators(st.size, st.mtimeMs),
    };
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** Renders at once at most: a grid of posters seen for the first time must not start one ffmpeg per poster. */
const MAX_RENDERS = 2;
/** A render taking longer is stopped and the original served. */
const RENDER_TIMEOUT_MS = 20_000;
/** Renders under way by output file: requests for one variant share one ffmpeg. */
const rendering = new Map<string, Promise<string>>();
let active = 0;
const waiting: (() => void)[] = [];

/** Runs `fn` holding one of the {@link MAX_RENDERS} slots; one leaving hands its slot to the next waiting. */
async function inRenderSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (active < MAX_RENDERS) active += 1;
  else await new Promise<void>((r) => waiting.push(r));
  try {
    return await fn();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else active -= 1;
  }
}

/** The plugin's image cache, made (and counted) at the first resize. */
const caches = new WeakMap<Ctx, ImageCache>();
function cacheOf(ctx: Ctx): ImageCache {
  let cache = caches.get(ctx);
  if (!cache) {
    cache = new ImageCache(join(ctx.paths.cache, 'images'));
    caches.set(ctx, cache);
  }
  return cache;
}

/**
 * A resized copy of `src` at `width` — a PNG when the source may be transparent, else a JPEG — rendered once with
 * ffmpeg into the plugin's image cache (a few at a time, one per variant however many ask at once); the original
 * when rendering fails or takes too long.
 */
export function resized(ctx: Ctx, src: ImageFile, width: number, given?: ImageCache): Promise<string> {
  const exec = ctx.exec;
  if (!exec) return Promise.resolve(src.path);
  const cache = given ?? cacheOf(ctx);
  const png = mayBeTransparent(src.type);
  const out = cache.pathOf(src, width, png);
  if (cache.has(out)) return Promise.resolve(out);
  let render = rendering.get(out);
  if (!render) {
    render = inRenderSlot(async () => {
      if (cache.has(out)) return out;
      mkdirSync(dirname(out), { recursive: true });
      const tmp = `${out}.${process.pid}.tmp.${png ? 'png' : 'jpg'}`;
      const args = ['-v', 'error', '-y', '-i', src.path, '-vf', `scale='min(${width},iw)':-2`];
      const p = exec('ffmpeg', [...args, '-frames:v', '1', ...(png ? [] : ['-q:v', '4']), tmp], {
        signal: AbortSignal.timeout(RENDER_TIMEOUT_MS),
      });
      if ((await p.exited) !== 0) {
        rmSync(tmp, { force: true });
        return src.path;
      }
      renameSync(tmp, out);
      cache.added(out);
      return out;
    })
      .catch(() => src.path)
      .finally(() => rendering.delete(out));
    rendering.set(out, render);
  }
  return render;
}

/**
 * A resized copy's path and bytes, read at once: the cache may remove any copy the moment another request's copy
 * pushes it over its bound, so a copy found in the cache can be gone before it is read — it is then rendered again
 * (once). `bytes` is null when the original is to be served (rendering failed or there is no ffmpeg).
 */
export async function variantBytes(
  ctx: Ctx,
  src: ImageFile,
  width: number,
  given?: ImageCache,
): Promise<{ path: string; bytes: Uint8Array | null }> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const path = await resized(ctx, src, width, given);
    if (path === src.path) break;
    try {
      return { path, bytes: readFileSync(path) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') break;
    }
  }
  return { path: src.path, bytes: null };
}
