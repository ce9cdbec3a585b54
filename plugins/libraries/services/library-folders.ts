// Library folders on disk: whether a path can be one (creating or changing a library), and whether a scan can trust
// what it sees of a library's roots (a vanished, unreadable, or suddenly empty root would mark the catalog missing).
import type { Database } from 'bun:sqlite';
import { accessSync, constants, opendirSync, realpathSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { isWithin } from '../lib/within.ts';

/** Why a folder could not be opened, in words (`does not exist`, `is not readable` …). */
function reasonOf(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'is not readable';
  return `cannot be read (${code ?? (err as Error).message})`;
}

/** The real path of `path` when it is an existing, readable folder; else why not (`<path> does not exist` …). */
export function openFolder(path: string): { real: string } | { problem: string } {
  try {
    const real = realpathSync(resolve(path));
    if (!statSync(real).isDirectory()) return { problem: `${path} is not a folder` };
    accessSync(real, constants.R_OK | constants.X_OK);
    return { real };
  } catch (err) {
    return { problem: `${path} ${reasonOf(err)}` };
  }
}

/** Whether a path lies in a folder (lib/within.ts; the walker and folder changes use it from here). */
export { isWithin };

/** Checks paths: absolute after resolving, existing, readable folders, not overlapping each other or `others`. */
export function checkPaths(
  paths: string[],
  others: { name: string; paths: string[] }[],
): { path: string; message: string }[] | string[] {
  const errors: { path: string; message: string }[] = [];
  const real: string[] = [];
  paths.forEach((p, i) => {
    const opened = openFolder(p);
    if ('real' in opened) real.push(opened.real);
    else errors.push({ path: `body.paths.${i}`, message: opened.problem });
  });
  real.forEach((a, i) => {
    real.forEach((b, j) => {
      if (i < j && (isWithin(a, b) || isWithin(b, a)))
        errors.push({ path: `body.paths.${j}`, message: `${b} overlaps ${a}` });
    });
    for (const o of others)
      for (const b of o.paths)
        if (isWithin(a, b) || isWithin(b, a))
          errors.push({ path: `body.paths.${i}`, message: `${a} overlaps library "${o.name}" (${b})` });
  });
  return errors.length ? errors : real;
}

function isEmptyFolder(path: string): boolean {
  // A folder's link count is 2 plus its subfolders where the file system counts them (ext4, XFS, ZFS): more than 2
  // means subfolders, so not empty, without listing the root of thousands of titles. Otherwise (1 on Btrfs and some
  // network file systems, 2 for a folder of files only) the first entry tells.
  if (statSync(path).nlink > 2) return false;
  const dir = opendirSync(path);
  try {
    return dir.readSync() === null;
  } finally {
    dir.closeSync();
  }
}

function presentFilesUnder(sqlite: Database, libraryId: string, root: string): number {
  // Paths under `root/` sort from `root/` up to `root0` ('0' follows '/'): a range of the path index.
  const under = root.endsWith(sep) ? root.slice(0, -1) : root;
  return sqlite
    .query<{ n: number }, [string, string, string]>(
      'SELECT COUNT(*) AS n FROM libraries_files WHERE path > ? AND path < ? AND library_id = ? AND missing_since IS NULL',
    )
    .get(`${under}/`, `${under}0`, libraryId)!.n;
}

/** Why a scan cannot trust its walk of `root`, or null. */
function rootProblem(sqlite: Database, libraryId: string, root: string): string | null {
  const opened = openFolder(root);
  if ('problem' in opened) return opened.problem;
  try {
    if (!isEmptyFolder(root)) return null;
  } catch (err) {
    return `${root} ${reasonOf(err)}`;
  }
  // A drive that is not mounted leaves its mount point: an empty folder where the catalog knows files.
  const n = presentFilesUnder(sqlite, libraryId, root);
  return n ? `${root} is empty but the library has ${n} files there (a drive not mounted?)` : null;
}

/**
 * Throws, naming the folder and why, when one of a library's roots is missing, not a folder, unreadable, or empty
 * while the catalog has present files under it: a scan going on would mark every file under it missing.
 */
export function assertRootsScannable(sqlite: Database, libraryId: string, roots: string[]): void {
  for (const root of roots) {
    const problem = rootProblem(sqlite, libraryId, root);
    if (problem) throw new Error(`Library folder ${problem}; scan stopped, nothing marked missing`);
  }
}
