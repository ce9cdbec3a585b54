// Pure HTTP helpers: cursors and pages (core/src/http/pagination.ts), validation details and the error handler's
// status mapping (core/src/http/errors.ts), the request path without a URL object (core/src/auth/macro.ts).
import { describe, expect, test } from 'bun:test';
import { t, ValidationError } from 'elysia';
import { pathOf } from '../../core/src/auth/macro.ts';
import { coercedLocation, HttpError, handleError, validationDetails } from '../../core/src/http/errors.ts';
import { decodeCursor, encodeCursor, toPage } from '../../core/src/http/pagination.ts';
import { createLogger } from '../../core/src/log/logger.ts';

const b64 = (text: string) => Buffer.from(text).toString('base64url');

describe('encodeCursor / decodeCursor', () => {
  test.each([[['2026-01-01T00:00:00.000Z', 'V1StGXR8_Z5jdHi6B-myT']], [[42, 'id']], [['ünïcödé 😀', '']]])(
    '%p survives a round trip',
    (values) => {
      expect(decodeCursor(encodeCursor(values), values.length)).toEqual(values);
    },
  );

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

describe('validationDetails', () => {
  test.each([
    [
      'a body field',
      'body',
      [{ path: '/email', message: 'Expected email' }],
      [{ path: 'body.email', message: 'Expected email' }],
    ],
    [
      'a nested path',
      'body',
      [{ path: '/broker/url', message: 'Required' }],
      [{ path: 'body.broker.url', message: 'Required' }],
    ],
    [
      'the root of the body',
      'body',
      [{ path: '', message: 'Expected object' }],
      [{ path: 'body', message: 'Expected object' }],
    ],
    [
      'no location',
      undefined,
      [{ path: '/limit', message: 'Expected integer' }],
      [{ path: 'limit', message: 'Expected integer' }],
    ],
    [
      'a summary when there is no message',
      'query',
      [{ path: '/limit', summary: 'Too small' }],
      [{ path: 'query.limit', message: 'Too small' }],
    ],
    [
      'neither message nor summary',
      'params',
      [{ path: '/id' }],
      [{ path: 'params.id', message: 'Invalid value' }],
    ],
    [
      "Elysia's integer coercion",
      'query',
      [
        {
          path: '/limit',
          message: 'Expected union value',
          schema: { anyOf: [{ format: 'integer' }, { type: 'integer' }] },
        },
      ],
      [{ path: 'query.limit', message: 'Expected an integer' }],
    ],
    [
      "Elysia's number coercion",
      'query',
      [
        {
          path: '/x',
          message: 'Expected union value',
          schema: { anyOf: [{ format: 'numeric' }, { type: 'number' }] },
        },
      ],
      [{ path: 'query.x', message: 'Expected a number' }],
    ],
    [
      "Elysia's integer coercion with bounds",
      'query',
      [
        {
          path: '/limit',
          message: 'Expected union value',
          schema: { anyOf: [{ format: 'integer' }, { type: 'integer', minimum: 1, maximum: 100 }] },
        },
      ],
      [{ path: 'query.limit', message: 'Expected an integer from 1 to 100' }],
    ],
    [
      'a bounded number or null',
      'body',
      [
        {
          path: '/rating',
          message: 'Expected union value',
          schema: { anyOf: [{ type: 'number', minimum: 0, maximum: 10 }, { type: 'null' }] },
        },
      ],
      [{ path: 'body.rating', message: 'Expected a number from 0 to 10, or null' }],
    ],
    [
      'a bounded integer or null',
      'body',
      [
        {
          path: '/year',
          message: 'Expected union value',
          schema: { anyOf: [{ type: 'integer', minimum: 1800, maximum: 3000 }, { type: 'null' }] },
        },
      ],
      [{ path: 'body.year', message: 'Expected an integer from 1800 to 3000, or null' }],
    ],
    [
      "Elysia's bounded integer (itself a union) or null, as a body field",
      'body',
      [
        {
          path: '/year',
          message: 'Expected union value',
          schema: {
            anyOf: [
              {
                minimum: 1800,
                maximum: 3000,
                anyOf: [
                  { format: 'integer', type: 'string' },
                  { type: 'integer', minimum: 1800, maximum: 3000 },
                ],
              },
              { type: 'null' },
            ],
          },
        },
      ],
      [{ path: 'body.year', message: 'Expected an integer from 1800 to 3000, or null' }],
    ],
    [
      "Elysia's boolean query parameter",
      'query',
      [
        {
          path: '/watched',
          message: 'Expected union value',
          schema: { anyOf: [{ type: 'boolean' }, { type: 'string', format: 'boolean' }] },
        },
      ],
      [{ path: 'query.watched', message: 'Expected true or false' }],
    ],
    [
      'a number with a lower bound only',
      'body',
      [{ path: '/n', message: 'Expected union value', schema: { anyOf: [{ type: 'number', minimum: 1 }] } }],
      [{ path: 'body.n', message: 'Expected a number of at least 1' }],
    ],
    [
      'a number with an upper bound only',
      'body',
      [{ path: '/n', message: 'Expected union value', schema: { anyOf: [{ type: 'number', maximum: 5 }] } }],
      [{ path: 'body.n', message: 'Expected a number of at most 5' }],
    ],
    [
      'duplicates collapse',
      'body',
      [
        { path: '/a', message: 'm' },
        { path: '/a', message: 'm' },
        { path: '/a', message: 'other' },
      ],
      [
        { path: 'body.a', message: 'm' },
        { path: 'body.a', message: 'other' },
      ],
    ],
  ])('%s', (_name, where, issues, expected) => {
    expect(validationDetails(where, issues)).toEqual(expected);
  });
});

describe('coercedLocation', () => {
  test.each([
    [
      'the one parameter with that value',
      'http://localhost/v1/movies?limit=500&sort=title',
      500,
      'query.limit',
    ],
    ['a value two parameters share', 'http://localhost/v1/movies?yearFrom=3001&yearTo=3001', 3001, undefined],
    ['no parameter with the value', 'http://localhost/v1/movies?limit=5', 500, undefined],
    ['no value', 'http://localhost/v1/movies?limit=5', undefined, undefined],
    ['an object value', 'http://localhost/v1/movies?limit=5', { a: 1 }, undefined],
  ])('%s', (_name, url, value, expected) => {
    expect(coercedLocation(url, value)).toBe(expected);
  });
});

describe('handleError', () => {
  const request = new Request('http://localhost/v1/things');
  function run(code: string | number, error: unknown) {
    const lines: string[] = [];
    const log = createLogger({ sink: { write: (l) => void lines.push(l) } });
    const set: { status?: number | string; headers: Record<string, string | number> } = { headers: {} };
    const body = handleError(code, error, set, log, request);
    return { status: set.status, headers: set.headers, body, lines };
  }
  const schema = t.Object({ name: t.String() });

  test('an HttpError answers its status, message and headers', () => {
    const r = run('UNKNOWN', new HttpError(429, 'Slow down', { 'Retry-After': '7' }));
    expect([r.status, r.body, r.headers['Retry-After']]).toEqual([429, { error: 'Slow down' }, '7']);
  });

  test('a request validation failure is 422 with details', () => {
    const r = run('VALIDATION', new ValidationError('body', schema, { name: 5 }));
    expect(r.status).toBe(422);
    expect(r.body).toEqual({
      error: 'Validation error',
      details: [{ path: 'body.name', message: expect.any(String) }],
    });
  });

  test('a response that fails its own schema is a 500, not a 422', () => {
    expect(run('VALIDATION', new ValidationError('response', schema, { name: 5 })).status).toBe(500);
  });

  test('a response schema failure is logged without the response value', () => {
    const r = run('VALIDATION', new ValidationError('response', schema, { name: 'tok-secret-value', n: 1 }));
    expect(r.lines.join('')).toContain('response does not match its schema');
    expect(r.lines.join('')).not.toContain('tok-secret-value');
  });

  test.each([
    ['NOT_FOUND', 404],
    ['PARSE', 400],
    ['INVALID_COOKIE_SIGNATURE', 400],
  ])('%s is %i with an error body', (code, status) => {
    const r = run(code, new Error('x'));
    expect(r.status).toBe(status);
    expect(typeof (r.body as { error: unknown }).error).toBe('string');
  });

  test('a full disk (SQLITE_FULL) is a logged 507 saying nothing was saved', () => {
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL', errno: 13 });
    const r = run('UNKNOWN', full);
    expect([r.status, r.body]).toEqual([
      507,
      { error: 'The server is out of disk space: nothing was saved. Free some space and try again.' },
    ]);
    expect(r.lines.join('')).toContain('storage full');
  });

  test('a parse hook refusing the body answers its own status, not a 400', () => {
    const r = run('PARSE', new Error('Bad Request', { cause: new HttpError(415, 'Expected a JSON body') }));
    expect([r.status, r.body]).toEqual([415, { error: 'Expected a JSON body' }]);
  });

  test('an unexpected error is a logged 500 that hides its message', () => {
    const r = run('UNKNOWN', new Error('database exploded'));
    expect([r.status, r.body]).toEqual([500, { error: 'Internal server error' }]);
    expect(r.lines.join('')).toContain('database exploded');
  });
});

describe('pathOf', () => {
  test.each([
    'http://localhost/v1/movies?genre=Action&limit=20',
    'http://127.0.0.1:8080/v1/events?token=abc',
    'https://example.com/api/stream/x/seg-1.ts',
    'http://localhost/',
    'http://localhost',
    'http://localhost/a/b#frag',
    'http://localhost/a?x=/b/c',
    'http://user:pw@host:1/p/q?r#s',
    'http://localhost/%20space?q',
  ])('%p has the pathname URL gives', (url) => {
    expect(pathOf(url)).toBe(new URL(url).pathname);
  });
});
