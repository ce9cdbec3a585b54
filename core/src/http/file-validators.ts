// HTTP validators of a file and conditional GETs (RFC 9110 §8.8, §13.1.2–13.1.3), for every route that serves
// files (artwork, direct play): a strong ETag from size and mtime, Last-Modified in whole seconds, and whether
// If-None-Match or If-Modified-Since allows a 304.

export interface Validators {
  etag: string;
  lastModified: string;
}

/** Validators of one version of a file: its size and modification time. */
export function fileValidators(size: number, mtimeMs: number): Validators {
  return {
    etag: `"${size.toString(36)}-${Math.floor(mtimeMs).toString(36)}"`,
    lastModified: new Date(Math.floor(mtimeMs / 1000) * 1000).toUTCString(),
  };
}

/** The validators of a variant derived from a file version (a resized width): its own ETag, the same date. */
export function variantValidators(v: Validators, variant: string): Validators {
  return { etag: `${v.etag.slice(0, -1)}-${variant}"`, lastModified: v.lastModified };
}

const ENTITY_TAG = /\*|(?:W\/)?"[^"]*"/g;
const opaque = (tag: string) => (tag.startsWith('W/') ? tag.slice(2) : tag);

/**
 * Whether a GET with these request headers can be answered 304. If-None-Match, when sent, decides alone: `*` or any
 * listed tag equal to ours, weakly compared (a proxy that compresses a response marks its ETag weak). Otherwise
 * If-Modified-Since, a valid date no earlier than Last-Modified.
 */
export function notModified(
  ifNoneMatch: string | null | undefined,
  ifModifiedSince: string | null | undefined,
  v: Validators,
): boolean {
  if (ifNoneMatch != null) {
    const ours = opaque(v.etag);
    return (ifNoneMatch.match(ENTITY_TAG) ?? []).some((tag) => tag === '*' || opaque(tag) === ours);
  }
  if (!ifModifiedSince) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && Date.parse(v.lastModified) <= since;
}
