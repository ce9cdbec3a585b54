// Whether a path lies in a folder: library folders (overlap, a scan's roots), symlink loops in the walk, and which
// catalog rows a folder of the library covers.
import { sep } from 'node:path';

/** Whether `inner` is `outer` or a path under it (both real, absolute). */
export function isWithin(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);
}
