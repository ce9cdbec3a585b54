// The undeclared-input check (core/src/http/unknown-input.ts): which schemas it checks, which keys of a query or
// body it reports and how, and the hooks it adds to a route's options.
import { describe, expect, test } from 'bun:test';
import { t } from 'elysia';
import {
  declaredKeys,
  type RouteOptions,
  rejectUnknownInput,
  unknownFields,
  unknownInputNotes,
} from '../../core/src/http/unknown-input.ts';

describe('declaredKeys', () => {
  test.each([
    ['an object', t.Object({ a: t.String(), b: t.Optional(t.Number()) }), ['a', 'b']],
    ['an object closed explicitly', t.Object({ a: t.String() }, { additionalProperties: false }), ['a']],
    ['an optional object (an optional body)', t.Optional(t.Object({ force: t.Boolean() })), ['force']],
    ['a partial of an omit', t.Partial(t.Omit(t.Object({ a: t.String(), b: t.String() }), ['b'])), ['a']],
    ['a composite', t.Composite([t.Object({ a: t.String() }), t.Object({ b: t.String() })]), ['a', 'b']],
    ['an object without properties', t.Object({}), []],
    ['an object open to any key', t.Object({ a: t.String() }, { additionalProperties: true }), null],
    ['an object open to keys of a schema', t.Object({}, { additionalProperties: t.String() }), null],
    ['a record', t.Record(t.String(), t.Unknown()), null],
    ['a union of objects', t.Union([t.Object({ a: t.String() }), t.Object({ b: t.String() })]), null],
    ['a string', t.String(), null],
    ['an array', t.Array(t.Object({ a: t.String() })), null],
    ['a model name', 'Settings', null],
    ['no schema', undefined, null],
  ])('%s → %p', (_name, schema, expected) => {
    expect(declaredKeys(schema)).toEqual(expected);
  });
});

describe('unknownFields', () => {
  const LIST = ['library', 'q', 'limit'];
  test.each([
    ['declared keys only', { library: 'x', q: 'y' }, LIST, 'query', {}, []],
    ['no keys', {}, LIST, 'query', {}, []],
    [
      'a misspelt parameter, with what is expected',
      { libraryId: 'x' },
      LIST,
      'query',
      {},
      [{ path: 'query.libraryId', message: 'Unknown parameter; expected library, q, limit' }],
    ],
    [
      'each unknown key, in the order sent',
      { text: 'm', library: 'x', foo: '1' },
      ['library'],
      'query',
      {},
      [
        { path: 'query.text', message: 'Unknown parameter; expected library' },
        { path: 'query.foo', message: 'Unknown parameter; expected library' },
      ],
    ],
    [
      'a body field',
      { name: 'A', bogus: 1 },
      ['name'],
      'body',
      {},
      [{ path: 'body.bogus', message: 'Unknown field; expected name' }],
    ],
    [
      'a note for a key that has one',
      { kind: 'shows' },
      ['name', 'paths'],
      'body',
      { kind: 'kind cannot be changed' },
      [{ path: 'body.kind', message: 'kind cannot be changed' }],
    ],
    [
      'a route that declares nothing',
      { a: 1 },
      [],
      'body',
      {},
      [{ path: 'body.a', message: 'Unknown field' }],
    ],
    [
      'an inherited name is no note',
      { toString: 1 },
      [],
      'body',
      {},
      [{ path: 'body.toString', message: 'Unknown field' }],
    ],
    ['no body', undefined, ['name'], 'body', {}, []],
    ['a null body', null, ['name'], 'body', {}, []],
    ['an array body', [1, 2], ['name'], 'body', {}, []],
    ['a string body', 'text', ['name'], 'body', {}, []],
  ] as const)('%s', (_name, value, allowed, where, notes, expected) => {
    expect(unknownFields(value, allowed, where, notes)).toEqual([...expected]);
  });
});

describe('rejectUnknownInput', () => {
  const own = () => undefined;
  const request = (url = 'http://localhost/x') => new Request(url);
  const run = (options: RouteOptions, ctx: { query?: unknown; body?: unknown; request: Request }) => {
    for (const stage of ['transform', 'beforeHandle'] as const) {
      const hooks = [options[stage]].flat();
      (hooks[hooks.length - 1] as (c: typeof ctx) => unknown)(ctx);
    }
  };
  const caught = (f: () => void) => {
    try {
      f();
    } catch (e) {
      return e as { status: number; details: unknown };
    }
  };

  test('a route without a closed query or body schema gets no hooks', () => {
    const options: RouteOptions = { body: t.Record(t.String(), t.Unknown()), transform: own };
    rejectUnknownInput(options);
    expect(options).toEqual({ body: options.body, transform: own });
  });

  test("the hooks come after the route's own", () => {
    const options: RouteOptions = { query: t.Object({ a: t.String() }), transform: own, beforeHandle: [own] };
    rejectUnknownInput(options);
    expect([options.transform, options.beforeHandle]).toEqual([
      [own, expect.any(Function)],
      [own, expect.any(Function)],
    ]);
  });

  test('unknown keys are a 422 with their details, notes from the route detail applied', () => {
    const options: RouteOptions = {
      query: t.Object({ a: t.String() }),
      body: t.Object({ b: t.String() }),
      detail: { summary: 'x', ...unknownInputNotes({ c: 'c is gone' }) },
    };
    rejectUnknownInput(options);
    const e = caught(() => run(options, { query: { a: '1', z: '2' }, body: { c: 3 }, request: request() }));
    expect([e?.status, e?.details]).toEqual([
      422,
      [
        { path: 'query.z', message: 'Unknown parameter; expected a' },
        { path: 'body.c', message: 'c is gone' },
      ],
    ]);
  });

  test('a query parameter the shell reads on a request is tolerated there only', () => {
    const options: RouteOptions = { query: t.Object({ st: t.String() }) };
    rejectUnknownInput(options, (r) => (r.url.includes('/stream/') ? ['token'] : []));
    const query = { st: 's', token: 't' };
    expect(
      caught(() => run(options, { query, request: request('http://localhost/stream/1') })),
    ).toBeUndefined();
    expect(caught(() => run(options, { query, request: request() }))?.status).toBe(422);
  });
});
