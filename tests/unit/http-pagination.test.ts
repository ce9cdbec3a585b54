// Pure pagination helpers (core/src/http/pagination.ts): cursors that survive a round trip and are URL-safe, the
// 400 for a cursor that is not one, and pages cut from one row more than the limit.
import { describe, expect, test } from 'bun:test';
import { HttpError } from '../../core/src/http/errors.ts';
import { decodeCursor, encodeCursor, toPage } from '../../core/src/http/pagination.ts';

const b64 = (text: string) => Buffer.from(text).toString('base64url');

describe('encodeCursor / decodeCursor', () => {
  test.each([[['2026-01-01T00:00:00.000Z', 'V1StGXR8_Z5jdHi6B-myT']], [[42, 'id']], [['ünïcödé 😀', '']]])(
    '%p survives a round trip',
    (values) => {
      expect(decodeCursor(encodeCursor(values), values.length)).toEqual(values);
    },
  );

  test('a cursor of any of several lengths asked for is taken; one of another length is a 400', () => {
    expect(decodeCursor(encodeCursor(['year', 'asc', 1999, 'alpha', 'id']), [4, 5])).toHaveLength(5);
    expect(decodeCursor(encodeCursor(['title', 'asc', 'alpha', 'id']), [4, 5])).toHaveLength(4);
    expect(() => decodeCursor(encodeCursor(['a', 'b', 'c']), [4, 5])).toThrow('Invalid cursor');
    expect(() => decodeCursor(b64('null'), [4, 5])).toThrow('Invalid cursor');
  });

  test('an encoded cursor is URL-safe', () => {
    expect(encodeCursor(['a+b/c?=', '\u00ff\u00fe'])).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  test.each([undefined, ''])('no cursor (%p) means the first page', (cursor) => {
    expect(decodeCursor(cursor, 2)).toBeNull();
  });

  test.each([
    ['not base64 JSON', '%%%'],
    ['base64 of plain text', b64('hello')],
    ['a JSON object', b64('{"a":1}')],
    ['too few values', b64('["a"]')],
    ['too many values', b64('["a","b","c"]')],
    ['an object value', b64('[{"a":1},"b"]')],
    ['an array value', b64('["a",[1]]')],
    ['a boolean value', b64('[true,"b"]')],
    ['a null value', b64('[null,"b"]')],
  ])('%s is a 400 Invalid cursor', (_name, cursor) => {
    let err: unknown;
    try {
      decodeCursor(cursor, 2);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).status).toBe(400);
    expect((err as HttpError).message).toBe('Invalid cursor');
  });
});

describe('toPage', () => {
  const rows = [1, 2, 3, 4].map((n) => ({ id: `r${n}`, at: `t${n}` }));
  const key = (r: { id: string; at: string }) => [r.at, r.id];

  test.each([
    ['fewer rows than the limit', 1, 2, ['r1'], null],
    ['exactly the limit', 2, 2, ['r1', 'r2'], null],
    ['one row more than the limit', 3, 2, ['r1', 'r2'], ['t2', 'r2']],
    ['no rows', 0, 20, [], null],
  ] as const)('%s', (_name, fetched, limit, ids, cursorKey) => {
    const page = toPage(rows.slice(0, fetched), limit, key);
    expect(page.items.map((r) => r.id)).toEqual([...ids]);
    expect(page.nextCursor === null ? null : decodeCursor(page.nextCursor, 2)).toEqual(
      cursorKey ? [...cursorKey] : null,
    );
  });

  test('maps the rows it shows', () => {
    expect(toPage(rows.slice(0, 2), 5, key, (r) => r.id.toUpperCase()).items).toEqual(['R1', 'R2']);
  });
});
