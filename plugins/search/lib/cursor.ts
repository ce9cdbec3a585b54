// Search cursors: a position in the SQLite engine's order (tier, then document id), or an offset (Meilisearch).
// Opaque to clients; a malformed cursor is a 400.
import { encodeCursor, HttpError } from '@bijou/sdk';

export type SearchCursor = { kind: 'tier'; tier: number; id: number } | { kind: 'offset'; offset: number };

export function encodeSearchCursor(c: SearchCursor): string {
  return c.kind === 'tier' ? encodeCursor(['t', c.tier, c.id]) : encodeCursor(['o', c.offset]);
}

const isCount = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;

export function decodeSearchCursor(cursor: string | undefined): SearchCursor | null {
  if (!cursor) return null;
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new HttpError(400, 'Invalid cursor');
  }
  if (Array.isArray(v) && v[0] === 't' && v.length === 3 && isCount(v[1]) && isCount(v[2]))
    return { kind: 'tier', tier: v[1], id: v[2] };
  if (Array.isArray(v) && v[0] === 'o' && v.length === 2 && isCount(v[1]))
    return { kind: 'offset', offset: v[1] };
  throw new HttpError(400, 'Invalid cursor');
}
