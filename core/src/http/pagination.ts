// The one cursor-pagination helper every list uses: query schema, page schema, opaque cursors.
import { Type as T, type TInteger, type TSchema } from '@sinclair/typebox';
import { HttpError } from './errors.ts';

// A query string is text: Elysia coerces only its own number types, and those report a bad value without
// saying which parameter it was. A pattern keeps `query.limit` in the 422 details. Typed like Elysia's own
// `t.Integer` (also a transform at runtime), so handlers see a number.
const Limit = T.Transform(
  T.String({
    pattern: '^(100|[1-9][0-9]?)$',
    description: 'Page size, 1–100 (default 20)',
    errorMessage: 'Expected an integer from 1 to 100',
  }),
)
  .Decode((v) => Number(v))
  .Encode((n: number) => String(n)) as unknown as TInteger;

/** `?cursor=&limit=` (limit 1–100, default 20). */
export const PageQuery = T.Object({
  cursor: T.Optional(T.String({ maxLength: 512, description: 'Opaque cursor from a previous page' })),
  limit: T.Optional(Limit),
});

/** `{ items: [...], nextCursor }` around an item schema. */
export function PageOf<S extends TSchema>(item: S) {
  return T.Object({ items: T.Array(item), nextCursor: T.Union([T.String(), T.Null()]) });
}

/** Encodes the sort key of the last row of a page as an opaque cursor. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * Decodes a cursor made by `encodeCursor` of `arity` values (or of any of several, for a list whose sorts keep keys
 * of different lengths); a malformed cursor is a 400, never a 500.
 */
export function decodeCursor(
  cursor: string | undefined,
  arity: number | readonly number[],
): unknown[] | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // Cursor values are bound into SQL, so anything but strings and numbers is a client error.
    const scalar = (x: unknown) => typeof x === 'string' || typeof x === 'number';
    const sized = typeof arity === 'number' ? v?.length === arity : arity.includes(v?.length);
    if (Array.isArray(v) && sized && v.every(scalar)) return v;
  } catch {}
  throw new HttpError(400, 'Invalid cursor');
}

/**
 * Turns `limit + 1` fetched rows into a page: when an extra row came back there is a next page, and its
 * cursor is the sort key of the last row shown.
 */
export function toPage<R, I = R>(
  rows: R[],
  limit: number,
  keyOf: (row: R) => unknown[],
  map: (row: R) => I = (r) => r as unknown as I,
): { items: I[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  return { items: shown.map(map), nextCursor: more ? encodeCursor(keyOf(shown[shown.length - 1])) : null };
}
