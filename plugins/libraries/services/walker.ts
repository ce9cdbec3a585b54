// Walks library roots the way Jellyfin does: junk, hidden and `.ignore`d folders skipped; yields each folder's files.
import { type Dirent, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { shouldSkip } from '../lib/naming/index.ts';

export interface Folder {
  dir: string;
  files: string[];
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
