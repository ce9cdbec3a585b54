// The undeclared-input check's route hooks (core/src/http/unknown-input.ts): which routes get them, and the 422 they
// give for unknown keys at any depth and for a parameter that takes one value given more than once. The pure half
// has its tables in input-shape.test.ts, input-shape-unknown.test.ts and repeated-query.test.ts.
import { describe, expect, test } from 'bun:test';
import { t } from 'elysia';
import {
  type RouteOptions,
  rejectUnknownInput,
  unknownInputNotes,
} from '../../core/src/http/unknown-input.ts';

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

  test('a route with an open query schema and no closed body schema gets no hooks', () => {
    const open = t.Record(t.String(), t.Unknown());
    const options: RouteOptions = { query: open, body: open, transform: own };
    rejectUnknownInput(options);
    expect(options).toEqual({ query: open, body: open, transform: own });
  });

  test('a route without a query schema takes no query parameter: any one is a 422', () => {
    const options: RouteOptions = { transform: own };
    rejectUnknownInput(options);
    expect(caught(() => run(options, { query: {}, request: request() }))).toBeUndefined();
    const e = caught(() => run(options, { query: { x: '1' }, request: request() }));
    expect([e?.status, e?.details]).toEqual([
      422,
      [{ path: 'query.x', message: 'Unknown parameter; this route takes none' }],
    ]);
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

  test('a body with a closed object only inside gets the hooks, and a nested unknown key is a 422', () => {
    const options: RouteOptions = {
      body: t.Object({ ids: t.Object({ tmdb: t.String() }) }, { additionalProperties: true }),
    };
    rejectUnknownInput(options);
    const e = caught(() => run(options, { body: { extra: 1, ids: { tmbd: '1' } }, request: request() }));
    expect([e?.status, e?.details]).toEqual([
      422,
      [{ path: 'body.ids.tmbd', message: 'Unknown field; expected tmdb' }],
    ]);
  });

  test('a union body gets the hooks: a key no variant declares is a 422', () => {
    const options: RouteOptions = {
      body: t.Union([t.Object({ a: t.String() }), t.Object({ b: t.String() })]),
    };
    rejectUnknownInput(options);
    expect(caught(() => run(options, { body: { a: 'x', b: 'y' }, request: request() }))).toBeUndefined();
    expect(caught(() => run(options, { body: { c: 'z' }, request: request() }))?.details).toEqual([
      { path: 'body.c', message: 'Unknown field; expected a, b' },
    ]);
  });

  test('a parameter that takes one value, given twice, is a 422 naming it; a list parameter may repeat', () => {
    const options: RouteOptions = { query: t.Object({ a: t.String(), tags: t.ArrayQuery(t.String()) }) };
    rejectUnknownInput(options);
    // The query as Elysia parses it (one value of a repeated key kept), and the URL it came from.
    const at = (url: string, query: object) => ({ query, request: request(`http://localhost/x?${url}`) });
    expect(caught(() => run(options, at('a=1&tags=x&tags=y', { a: '1', tags: ['x', 'y'] })))).toBeUndefined();
    const e = caught(() => run(options, at('a=1&a=2&z=3', { a: '2', z: '3' })));
    expect([e?.status, e?.details]).toEqual([
      422,
      [
        { path: 'query.z', message: 'Unknown parameter; expected a, tags' },
        { path: 'query.a', message: 'Given 2 times; this parameter takes one value' },
      ],
    ]);
  });

  test('a route whose query schema is open but declares a key gets the hooks for that key', () => {
    const options: RouteOptions = { query: t.Object({ a: t.String() }, { additionalProperties: true }) };
    rejectUnknownInput(options);
    const e = caught(() =>
      run(options, { query: { a: '2', b: '1' }, request: request('http://localhost/x?a=1&a=2&b=1&b=2') }),
    );
    expect(e?.details).toEqual([
      { path: 'query.a', message: 'Given 2 times; this parameter takes one value' },
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
