// Walks library roots the way Jellyfin does: junk, hidden and `.ignore`d folders skipped; yields each folder's files,
// and stats the videos of a folder (the one syscall an unchanged file costs). Runs in the scan worker or, as a
// fallback, on the main thread.
import { type Dirent, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { classifyExtra, isVideoFile, shouldSkip } from '../lib/naming/index.ts';

export interface Folder {
  dir: string;
  files: string[];
}

/**
 * A video of the walk: its path (absolute and relative to the root), size and whole-millisecond mtime, and (when
 * asked) whether its path names an extra (trailer, featurette …) — or why it could not be read.
 */
export type VideoStat =
  | { name: string; path: string; rel: string; size: number; mtimeMs: number; extra?: boolean }
  | { name: string; error: string };

/** A folder of the walk with its videos statted. */
export interface StattedFolder extends Folder {
  videos: VideoStat[];
}

/** Stats every video file of a folder under `root`; `classify` also tells which are extras. */
export function statVideos(root: string, folder: Folder, classify: boolean): StattedFolder {
  const videos: VideoStat[] = [];
  for (const name of folder.files) {
    if (!isVideoFile(name)) continue;
    const path = join(folder.dir, name);
    try {
      const st = statSync(path);
      const rel = relative(root, path);
      const video = { name, path, rel, size: st.size, mtimeMs: Math.floor(st.mtimeMs) };
      videos.push(classify ? { ...video, extra: !!classifyExtra(rel) } : video);
    } catch (err) {
      videos.push({ name, error: (err as Error).message });
    }
  }
  return { dir: folder.dir, files: folder.files, videos };
}

/**
 * Visits every folder under `root` depth-first, handing over the names of the files it holds. Yields to the
 * event loop every `yieldEvery` folders so HTTP readers keep being served during a long walk.
 */
export async function walk(
  root: string,
  visit: (folder: Folder) => void,
  opts: { signal?: AbortSignal; onError?: (dir: string, err: Error) => void; yieldEvery?: number } = {},
): Promise<number> {
  const stack = [root];
  let visited = 0;
  while (stack.length) {
    if (opts.signal?.aborted) throw opts.signal.reason ?? new Error('aborted');
    const dir = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      opts.onError?.(dir, err as Error);
      continue;
    }
    if (entries.some((e) => e.name === '.ignore' && !e.isDirectory())) continue;
    const files: string[] = [];
    const subdirs: string[] = [];
    for (const e of entries) {
      const isDir = e.isDirectory() || (e.isSymbolicLink() && isDirLink(join(dir, e.name)));
      if (shouldSkip(e.name, isDir)) continue;
      if (isDir) subdirs.push(join(dir, e.name));
      else files.push(e.name);
    }
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]);
    visit({ dir, files });
    visited += 1;
    if (visited % (opts.yieldEvery ?? 100) === 0) await new Promise((r) => setImmediate(r));
  }
  return visited;
}

function isDirLink(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
