// The resized-artwork cache's rules, pure: how a copy is named (its width and the version of the artwork it was made
// from), which copies of one artwork no longer match it, and which copies go when the cache is over its bound.

/** A finished copy's name: `<width>-<version>.<jpg|png>`; a render in progress writes `<that>.<pid>.tmp.<ext>`. */
const COPY = /^(\d+)-([0-9a-f]+)\.(jpg|png)$/;
const TEMP = /^\d+-[0-9a-f]+\.(jpg|png)\.\d+\.tmp\.(jpg|png)$/;

export function copyName(width: number, version: string, png: boolean): string {
  return `${width}-${version}.${png ? 'png' : 'jpg'}`;
}

/** Whether `name` is the temporary output of a render (left alone while renders may run, else removed). */
export const isTempName = (name: string) => TEMP.test(name);

/**
 * The names in one artwork's folder to remove when copy `written` has been: finished copies of any other version
 * (the artwork was replaced since, so nothing asks for them again) and files that are no copy at all. Copies of the
 * same version at other widths stay, and so do renders in progress.
 */
export function staleCopies(names: readonly string[], written: string): string[] {
  const version = COPY.exec(written)?.[2];
  return names.filter((n) => {
    if (isTempName(n)) return false;
    const m = COPY.exec(n);
    return !m || m[2] !== version;
  });
}

export interface CachedFile {
  path: string;
  size: number;
  /** Written, or last served (refreshed at most once per {@link TOUCH_EVERY_MS}). */
  mtimeMs: number;
}

/** A copy served is marked used again (its mtime set to now) when its mark is older than this. */
export const TOUCH_EVERY_MS = 60 * 60 * 1000;

/**
 * The files to remove, least recently used first, so that at most `target` bytes stay: none while `total` is within
 * `max`; `keep` (the copy just written) is never among them. Going down to a target below the bound means one
 * sweep makes room for many renders instead of sweeping again at each.
 */
export function evictions(
  files: readonly CachedFile[],
  total: number,
  max: number,
  target: number,
  keep?: string,
): CachedFile[] {
  if (total <= max) return [];
  const out: CachedFile[] = [];
  let left = total;
  for (const f of [...files].sort((a, b) => a.mtimeMs - b.mtimeMs || (a.path < b.path ? -1 : 1))) {
    if (left <= target) break;
    if (f.path === keep) continue;
    out.push(f);
    left -= f.size;
  }
  return out;
}
