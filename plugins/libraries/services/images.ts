// Artwork files for the images route: validation against the item's recorded artwork, resized variants via ffmpeg.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Ctx } from './types.ts';

/** Widths we render; a request is rounded up to the next one so the cache stays small. */
export const WIDTHS = [120, 240, 360, 480, 720, 1080, 1920];

export function snapWidth(w: number): number {
  return WIDTHS.find((x) => x >= w) ?? WIDTHS[WIDTHS.length - 1];
}

export interface ImageFile {
  path: string;
  etag: string;
  size: number;
}

/** The recorded artwork path of an item's kind, if the file still exists. */
export function artworkPath(ctx: Ctx, itemId: string, kind: string): ImageFile | null {
  const row = ctx.sqlite
    .query<{ artwork: string }, [string]>('SELECT artwork FROM libraries_items WHERE id = ?')
    .get(itemId);
  const path = row ? (JSON.parse(row.artwork) as Record<string, string>)[kind] : undefined;
  if (!path) return null;
  try {
    const st = statSync(path);
    return { path, size: st.size, etag: `"${st.size.toString(36)}-${Math.floor(st.mtimeMs).toString(36)}"` };
  } catch {
    return null;
  }
}

/** A resized JPEG of `src` at `width`, rendered once with ffmpeg into the plugin cache; the original on failure. */
export async function resized(ctx: Ctx, src: ImageFile, width: number): Promise<string> {
  if (!ctx.exec) return src.path;
  const dir = join(ctx.paths.cache, 'images');
  const key = createHash('sha1').update(`${src.path}|${src.etag}|${width}`).digest('hex');
  const out = join(dir, `${key}.jpg`);
  if (existsSync(out)) return out;
  mkdirSync(dir, { recursive: true });
  const tmp = `${out}.${process.pid}.tmp.jpg`;
  const p = ctx.exec('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-i',
    src.path,
    '-vf',
    `scale='min(${width},iw)':-2`,
    '-frames:v',
    '1',
    '-q:v',
    '4',
    tmp,
  ]);
  const code = await p.exited;
  if (code !== 0) return src.path;
  const { renameSync } = await import('node:fs');
  renameSync(tmp, out);
  return out;
}
