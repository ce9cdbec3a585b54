// Walks library roots the way Jellyfin does: junk, hidden and `.ignore`d folders skipped, symlinked folders followed
// but never round a loop; yields each folder's files, and stats the videos of a folder (the one syscall an unchanged
// file costs). Runs in the scan worker or, as a fallback, on the main thread. Both run for every entry of a library, so paths are built by concatenation when
// the root is normalised already (`join`/`relative` otherwise) and names are judged without splitting paths.
import { type Dirent, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { classifyExtra, classifyExtraIn, isVideoFile, shouldSkipName } from '../lib/naming/index.ts';
import { folderSignature, type SidecarEntry } from '../lib/sidecar-signature.ts';
import { isWithin } from './library-folders.ts';
import { isNormalPath } from './scan-context.ts';

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

/** A folder of the walk with its videos statted, and the signature of its other files (NFOs statted). */
export interface StattedFolder extends Folder {
  videos: VideoStat[];
  sig: number;
}

/**
 * Where a folder under a normalised absolute root puts its files: `path + name` is `join(dir, name)`, `rel + name`
 * is `relative(root, join(dir, name))` and `folder` is the folder as `classifyExtraIn` takes it (for a plain name).
 */
export interface Place {
  path: string;
  rel: string;
  folder: string | undefined;
}

/** The place of `dir` under `root`, or null when `join`/`relative` must work the paths out. */
export function placeOf(root: string, dir: string): Place | null {
  // A normalised folder equal to or under `root` (as text) makes `root` normalised too: one check does.
  if (!root.startsWith('/') || !isNormalPath(dir)) return null;
  const path = dir === '/' ? '/' : `${dir}/`;
  if (dir === root) return { path, rel: '', folder: undefined };
  const under = root === '/' ? '/' : `${root}/`;
  if (!dir.startsWith(under)) return null;
  const rel = dir.slice(under.length);
  // A `\` in a folder name splits segments for the naming rules: such folders take the general path.
  if (rel.includes('\\')) return null;
  // Normalised: no empty segment, so the folder is the last one when there are two.
  const slash = rel.lastIndexOf('/');
  return { path, rel: `${rel}/`, folder: slash < 0 ? undefined : rel.slice(slash + 1) };
}

/** The path of file `name` listed in `dir`, and that path relative to `root` (`place`: `placeOf(root, dir)`). */
export function videoPaths(
  root: string,
  dir: string,
  name: string,
  place: Place | null,
): { path: string; rel: string } {
  if (place && !name.includes('/')) return { path: place.path + name, rel: place.rel + name };
  const path = join(dir, name);
  return { path, rel: relative(root, path) };
}

/**
 * Stats every video file of a folder under `root` (`classify` also tells which are extras) and signs the other
 * files: their names, and the size and mtime of NFOs (edited in place by metadata managers).
 */
export function statVideos(root: string, folder: Folder, classify: boolean): StattedFolder {
  const videos: VideoStat[] = [];
  const others: SidecarEntry[] = [];
  let place: Place | null | undefined;
  for (const name of folder.files) {
    if (place === undefined) place = placeOf(root, folder.dir);
    if (!isVideoFile(name)) {
      others.push(isNfo(name) ? nfoEntry(name, place, folder.dir) : { name });
      continue;
    }
    const at = name.includes('/') ? null : place;
    const { path, rel } = videoPaths(root, folder.dir, name, at);
    let video: VideoStat & { path: string };
    try {
      const st = statSync(path);
      video = { name, path, rel, size: st.size, mtimeMs: Math.floor(st.mtimeMs) };
    } catch (err) {
      videos.push({ name, error: fsProblem(name, err) });
      continue;
    }
    if (classify) {
      video.extra =
        (at && !name.includes('\\') ? classifyExtraIn(at.folder, name) : classifyExtra(video.rel)) !== null;
    }
    videos.push(video);
  }
  return { dir: folder.dir, files: folder.files, videos, sig: folderSignature(others) };
}

export function isNfo(name: string): boolean {
  const n = name.length;
  return n > 4 && name.charCodeAt(n - 4) === 46 && name.slice(n - 3).toLowerCase() === 'nfo';
}

/** An NFO with its size and mtime; an NFO that cannot be statted is signed by name alone. */
export function nfoEntry(name: string, place: Place | null, dir: string): SidecarEntry {
  try {
    const st = statSync(place && !name.includes('/') ? place.path + name : join(dir, name));
    return { name, size: st.size, mtimeMs: Math.floor(st.mtimeMs) };
  } catch {
    return { name };
  }
}

/**
 * Visits every folder under `root` depth-first in name order, handing over the names of the files it holds (sorted).
 * Yields to the event loop every `yieldEvery` folders so HTTP readers keep being served during a long walk.
 */
export async function walk(
  root: string,
  visit: (folder: Folder) => void,
  opts: { signal?: AbortSignal; onError?: (dir: string, err: Error) => void; yieldEvery?: number } = {},
): Promise<number> {
  const { signal, onError } = opts;
  const yieldEvery = opts.yieldEvery ?? 100;
  // Listed names never hold `/` nor are `.` or `..`: under a normalised root, `join` is concatenation.
  const normal = isNormalPath(root);
  const stack = [root];
  const links = new LinkGuard(root);
  let visited = 0;
  while (stack.length) {
    if (signal?.aborted) throw signal.reason ?? new Error('aborted');
    const dir = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      onError?.(dir, new Error(fsProblem(dir, err)));
      continue;
    }
    const prefix = !normal ? null : dir === '/' ? '/' : `${dir}/`;
    const files: string[] = [];
    const subdirs: string[] = [];
    let ignored = false;
    for (const e of entries) {
      const name = e.name;
      let isDir = e.isDirectory();
      if (!isDir && name === '.ignore') {
        ignored = true;
        break;
      }
      let path: string | undefined;
      if (!isDir && e.isSymbolicLink()) {
        path = prefix === null ? join(dir, name) : prefix + name;
        isDir = isDirLink(path);
        const refused = isDir && links.refuse(dir, path);
        if (refused) {
          onError?.(path, new Error(refused));
          continue;
        }
      }
      if (shouldSkipName(name, isDir)) continue;
      if (!isDir) files.push(name);
      else subdirs.push(path ?? (prefix === null ? join(dir, name) : prefix + name));
    }
    if (ignored) continue;
    // Name order (by UTF-16 code unit), not the file system's own: the same scan order everywhere, and rows
    // inserted in order land at the end of the path and title indexes instead of on pages all over them.
    subdirs.sort();
    files.sort();
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]);
    visit({ dir, files });
    visited += 1;
    if (visited % yieldEvery === 0) await new Promise((r) => setImmediate(r));
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

/**
 * What went wrong reading `name`. A name that is not valid UTF-8 (a Latin-1 name from an old share) is listed with
 * U+FFFD in it and cannot be opened by that spelling: say so, rather than "no such file or directory".
 */
function fsProblem(name: string, err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'ENOENT' && name.includes('\uFFFD'))
    return 'its name is not valid UTF-8 text: rename it (e.g. with convmv) to have it scanned';
  return e.message;
}

/**
 * Which symlinked folders a walk follows: not one leading back to a folder it is inside or to the root (a loop
 * would never end), nor a second link to a folder already followed; any other, in or out of the root, is walked.
 */
class LinkGuard {
  private root: string | null = null;
  private readonly followed = new Set<string>();
  constructor(private readonly start: string) {}

  /** Why the symlinked folder `path`, listed in `dir`, is not to be followed; null to follow it. */
  refuse(dir: string, path: string): string | null {
    let target: string;
    let here: string;
    try {
      target = realpathSync(path);
      here = realpathSync(dir);
      this.root ??= realpathSync(this.start);
    } catch (err) {
      return (err as Error).message;
    }
    if (isWithin(here, target) || isWithin(this.root, target))
      return 'symbolic link back to a folder being walked (a loop): not followed';
    if (this.followed.has(target)) return 'second symbolic link to a folder already walked: not followed';
    this.followed.add(target);
    return null;
  }
}
