// Pure HTTP Range rules for every route that serves files (RFC 9110 §14, CONVENTIONS 7.2): one byte range, open and
// suffix forms, unsatisfiable ones (416), multiple or malformed ranges answered in full, If-Range validators.

export type RangeResult =
  | { kind: 'full' }
  | { kind: 'partial'; start: number; end: number }
  | { kind: 'unsatisfiable' };

/** Interprets a Range header against a size (`end` inclusive). */
export function parseRange(header: string | null | undefined, size: number): RangeResult {
  if (!header) return { kind: 'full' };
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  // Other units, several ranges or garbage: a server may ignore Range and send the whole representation.
  if (!m || (m[1] === '' && m[2] === '')) return { kind: 'full' };
  if (m[1] === '') {
    const n = Number(m[2]);
    if (n === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? Number.POSITIVE_INFINITY : Number(m[2]);
  if (end < start) return { kind: 'full' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end: Math.min(end, size - 1) };
}

/** Whether an If-Range value still matches (strong ETag or exact Last-Modified); absent means yes. */
export function ifRangeMatches(
  ifRange: string | null | undefined,
  v: { etag: string; lastModified: string },
): boolean {
  if (!ifRange) return true;
  const value = ifRange.trim();
  if (value.startsWith('"') || value.startsWith('W/')) return value === v.etag;
  return value === v.lastModified;
}
