// Path helpers shared by the naming parsers and the scan: splitting library-relative paths, extensions, base names
// (the naming rule, and `extname`'s rule for the base name and container a file row keeps).
import { extname } from 'node:path';

/** Splits a library-relative path on `/` or `\` into its non-empty segments. */
export function splitPath(path: string): string[] {
  const segments = path.includes('\\') ? path.split(/[\\/]+/) : path.split('/');
  return segments.includes('') ? segments.filter((segment) => segment.length > 0) : segments;
}

/**
 * Where the last segment of a plain path starts (after its last `/`, 0 without one): a path with no `\` and no empty
 * segment, whose segments are `path.split('/')`. -1 for any other path, which {@link splitPath} reads.
 */
export function lastSegmentStart(path: string): number {
  if (path === '' || path.charCodeAt(0) === 47 || path.charCodeAt(path.length - 1) === 47) return -1;
  if (path.includes('\\') || path.includes('//')) return -1;
  return path.lastIndexOf('/') + 1;
}

/**
 * The lower-cased extension with its dot (`.mkv`), or `''` when the name has none.
 * Dot-files (`.nomedia`) and names whose last dot is followed by a space (`Mr. Robot`) have none. A title ending in
 * dots keeps its extension (`Cat's in the Bag....mkv` is `.mkv`, as `extname` and Jellyfin read it).
 */
export function extensionOf(name: string): string {
  // A backwards scan of at most 11 characters rather than lastIndexOf, a slice, a regex and toLowerCase: this runs
  // several times for every file of every scan. A non-ASCII character takes the general rule below.
  const n = name.length;
  let upper = false;
  for (let i = n - 1; i >= n - 11 && i >= 0; i--) {
    const c = name.charCodeAt(i);
    if (c === 46) {
      if (i === 0 || i === n - 1) return '';
      const before = name.charCodeAt(i - 1);
      if (before === 47 || before === 92) return '';
      return upper ? name.slice(i).toLowerCase() : name.slice(i);
    }
    if (c > 127) return generalExtensionOf(name);
    if (c === 47 || c === 92 || c === 32 || (c >= 9 && c <= 13)) return '';
    if (c >= 65 && c <= 90) upper = true;
  }
  return '';
}

function generalExtensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || name.length - dot - 1 < 1 || name.length - dot - 1 > 10) return '';
  const before = name.charCodeAt(dot - 1);
  if (before === 47 || before === 92) return '';
  const ext = name.slice(dot);
  return NOT_IN_EXTENSION.test(ext) ? '' : ext.toLowerCase();
}

// White space, `/` and `\` end no extension.
const NOT_IN_EXTENSION = /[\s/\\]/;

/** The name without its last extension (see {@link extensionOf}). */
export function stripExtension(name: string): string {
  const ext = extensionOf(name);
  return ext ? name.slice(0, -ext.length) : name;
}

/** Returns a copy of `value` without the keys whose value is `undefined`. */
export function omitUndefined<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field !== undefined) out[key] = field;
  }
  return out as T;
}

/**
 * Where `extname`'s extension starts in `name` (its dot), or -1 when it has none. For a bare name, worked out here
 * (the last dot, unless that is the first character) rather than crossing into native code for every file.
 */
export function extensionStart(name: string): number {
  if (name.includes('/')) {
    const ext = extname(name);
    return ext ? name.length - ext.length : -1;
  }
  const dot = name.lastIndexOf('.');
  return dot > 0 && name !== '..' ? dot : -1;
}

export function baseName(name: string): string {
  const at = extensionStart(name);
  return at < 0 ? name : name.slice(0, at);
}

/** The lower-cased extension of a file name without its dot (extname's), or null: the container a file row keeps. */
export function containerOf(name: string): string | null {
  const at = extensionStart(name);
  return at < 0 ? null : name.slice(at + 1).toLowerCase() || null;
}
