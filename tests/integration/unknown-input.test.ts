// Query parameters and body fields a route does not declare are a 422 naming them, on core and plugin routes alike;
// auth is answered first, a route's own 422 for an invalid value comes first, a schema that allows extra keys
// still gets them, keys misspelt inside arrays of objects and union bodies are named by their path, and a route that
// declares no query schema takes no query parameter (unless a guard around it declares one); a parameter that takes
// one value given more than once is a 422 naming it, where an array parameter takes every value.
import { afterAll, describe, expect, test } from 'bun:test';
import { Elysia, t } from 'elysia';
import { createTestHost } from '../../core/sdk/testing.ts';

const h = await createTestHost({
  plugins: ['tests/fixtures/plugins/greeter', 'tests/fixtures/plugins/guarded'],
});
const adminToken = await h.admin();
const userToken = (await h.user()).token;
afterAll(() => h.stop());

const paths = (body: { details?: { path: string }[] }) => body.details?.map((d) => d.path);

describe('core routes', () => {
  test('a misspelt settings field is a 422 naming it, and nothing changes', async () => {
    const r = await h.request('PATCH', '/v1/settings', {
      token: adminToken,
      body: { serverName: 'Renamed', serverNmae: 'Typo' },
    });
    expect(r.status).toBe(422);
    expect(r.body.error).toBe('Validation error');
    expect(r.body.details).toEqual([
      { path: 'body.serverNmae', message: expect.stringMatching(/^Unknown field; expected serverName, /) },
    ]);
    expect((await h.request('GET', '/v1/settings', { token: adminToken })).body.serverName).toBe('Test');
  });

  test('an unknown query parameter on a list route is a 422 naming it', async () => {
    const r = await h.request('GET', '/v1/audit-logs?acter=x&limit=5', { token: adminToken });
    expect(r.status).toBe(422);
    expect(r.body.details).toEqual([
      { path: 'query.acter', message: 'Unknown parameter; expected cursor, limit, action, actorId' },
    ]);
  });

  test('an anonymous caller gets 401 and a user 403 before the admin gets the 422', async () => {
    const send = (token: string | null) =>
      h.request('PATCH', '/v1/settings', { token, body: { serverNmae: 'Typo' } });
    expect([
      (await send(null)).status,
      (await send(userToken)).status,
      (await send(adminToken)).status,
    ]).toEqual([401, 403, 422]);
  });

  test("a route's own 422 for an invalid value comes before the one for an unknown field", async () => {
    const r = await h.request('PATCH', '/v1/settings', {
      token: adminToken,
      body: { serverName: 42, serverNmae: 'Typo' },
    });
    expect(r.status).toBe(422);
    expect(paths(r.body)).toEqual(['body.serverName']);
  });
});

describe('plugin routes', () => {
  test('an unknown query parameter of a plugin route is a 422 naming it', async () => {
    const r = await h.request('GET', '/v1/greeter/hello?nmae=Ann', { token: userToken });
    expect(r.status).toBe(422);
    expect(r.body.details).toEqual([{ path: 'query.nmae', message: 'Unknown parameter; expected name' }]);
  });

  test('an unknown body field of a plugin route is a 422 and queues nothing', async () => {
    const r = await h.request('POST', '/v1/greeter/queue', {
      token: adminToken,
      body: { name: 'A', nmae: 'B' },
    });
    expect(r.status).toBe(422);
    expect(paths(r.body)).toEqual(['body.nmae']);
  });
});

describe('schemas that allow extra keys', () => {
  // Mounted like any core route: the shared auth plugin, so whatever it gives every route applies here too.
  h.app.use(
    new Elysia()
      .use(h.core.authPlugin)
      .post('/v1/test-open/record', ({ body }) => body, {
        auth: 'public',
        body: t.Record(t.String(), t.Unknown()),
        response: t.Any(),
      })
      .post('/v1/test-open/object', ({ body }) => body, {
        auth: 'public',
        body: t.Object({ a: t.String() }, { additionalProperties: true }),
        response: t.Any(),
      })
      .post('/v1/test-open/closed', ({ body }) => body, {
        auth: 'public',
        body: t.Object({ a: t.String() }),
        response: t.Any(),
      })
      .post('/v1/test-open/items', ({ body }) => body, {
        auth: 'public',
        body: t.Object({ items: t.Array(t.Object({ title: t.String(), year: t.Optional(t.Integer()) })) }),
        response: t.Any(),
      })
      .post('/v1/test-open/union', ({ body }) => body, {
        auth: 'public',
        body: t.Union([t.Object({ movie: t.String() }), t.Object({ show: t.String(), season: t.Integer() })]),
        response: t.Any(),
      })
      .get('/v1/test-open/tags', ({ query }) => query, {
        auth: 'public',
        query: t.Object({ tag: t.Optional(t.Array(t.String())), sort: t.Optional(t.String()) }),
        response: t.Any(),
      })
      .get('/api/stream/test-open', ({ query }) => query, {
        auth: 'user',
        query: t.Object({ st: t.String() }),
        response: t.Any(),
      }),
  );
  h.app.compile();

  test.each([
    ['t.Record', 'record'],
    ['additionalProperties: true', 'object'],
  ])('a body schema of %s keeps its extra keys', async (_name, route) => {
    const r = await h.request('POST', `/v1/test-open/${route}`, { body: { a: 'x', extra: 1 } });
    expect([r.status, r.body]).toEqual([200, { a: 'x', extra: 1 }]);
  });

  test('the same object without additionalProperties rejects the extra key', async () => {
    const r = await h.request('POST', '/v1/test-open/closed', { body: { a: 'x', extra: 1 } });
    expect([r.status, paths(r.body)]).toEqual([422, ['body.extra']]);
  });
});

describe('nested keys', () => {
  test('a misspelt key in an element of an array is named with its index', async () => {
    const items = [{ title: 'A' }, { title: 'B', year: 2000 }, { title: 'C', yaer: 2001 }];
    const r = await h.request('POST', '/v1/test-open/items', { body: { items } });
    expect([r.status, r.body.details]).toEqual([
      422,
      [{ path: 'body.items[2].yaer', message: 'Unknown field; expected title, year' }],
    ]);
  });

  test('an array of declared keys only is accepted', async () => {
    const r = await h.request('POST', '/v1/test-open/items', {
      body: { items: [{ title: 'A', year: 2000 }] },
    });
    expect([r.status, r.body]).toEqual([200, { items: [{ title: 'A', year: 2000 }] }]);
  });

  test('a union body refuses a key no variant declares, naming the keys of all', async () => {
    const r = await h.request('POST', '/v1/test-open/union', { body: { show: 'S', season: 2, episod: 3 } });
    expect([r.status, r.body.details]).toEqual([
      422,
      [{ path: 'body.episod', message: 'Unknown field; expected movie, show, season' }],
    ]);
  });

  test('a union body takes the keys of the variant it matches', async () => {
    const r = await h.request('POST', '/v1/test-open/union', { body: { show: 'S', season: 2 } });
    expect([r.status, r.body]).toEqual([200, { show: 'S', season: 2 }]);
  });
});

describe('the query token', () => {
  test('?token= is no unknown parameter where the auth layer accepts it', async () => {
    const r = await h.request('GET', `/api/stream/test-open?st=s&token=${userToken}`);
    expect([r.status, r.body]).toEqual([200, { st: 's' }]);
  });

  test('?token= is an unknown parameter where it is not accepted', async () => {
    const r = await h.request('GET', `/v1/greeter/hello?token=${userToken}`, { token: userToken });
    expect([r.status, paths(r.body)]).toEqual([422, ['query.token']]);
  });
});

describe('routes that declare no query schema', () => {
  const none = (key: string) => [
    { path: `query.${key}`, message: 'Unknown parameter; this route takes none' },
  ];

  test.each([
    ['/v1/users/me?x=1', 'x'],
    ['/api/auth/session?include=user', 'include'],
    ['/v1/greeter/greeted?limit=5', 'limit'],
    ['/v1/guarded/none?q=a', 'q'],
  ])('GET %s is a 422 naming the parameter', async (path, key) => {
    const r = await h.request('GET', path, { token: adminToken });
    expect([r.status, r.body]).toEqual([422, { error: 'Validation error', details: none(key) }]);
  });

  test('an anonymous caller still gets 401 first', async () => {
    expect((await h.request('GET', '/v1/users/me?x=1')).status).toBe(401);
  });

  test('the event stream takes ?token= and nothing else', async () => {
    const open = await h.app.handle(new Request(`http://localhost/v1/events?token=${userToken}`));
    await open.body?.cancel();
    expect(open.status).toBe(200);
    const r = await h.request('GET', `/v1/events?token=${userToken}&topic=scan`);
    expect([r.status, r.body.details]).toEqual([
      422,
      [{ path: 'query.topic', message: 'Unknown parameter; expected token' }],
    ]);
  });

  test.each(['callback', 'chained', 'standalone'])(
    'a query a guard declares (%s form) is taken, and checked against it',
    async (form) => {
      const ok = await h.request('GET', `/v1/guarded/${form}?q=a`);
      expect([ok.status, ok.body]).toEqual([200, { query: { q: 'a' } }]);
      const r = await h.request('GET', `/v1/guarded/${form}?q=a&z=1`);
      expect([r.status, r.body.details]).toEqual([
        422,
        [{ path: 'query.z', message: 'Unknown parameter; expected q' }],
      ]);
    },
  );
});

describe('repeated parameters', () => {
  const twice = (key: string) => [
    { path: `query.${key}`, message: 'Given 2 times; this parameter takes one value' },
  ];

  test.each([
    ['a core list route', '/v1/audit-logs?limit=5&limit=6', 'limit'],
    ['a plugin route', '/v1/greeter/hello?name=Ann&name=Bob', 'name'],
    ['a route whose query a guard declares', '/v1/guarded/callback?q=a&q=b', 'q'],
    ['a parameter next to an array one', '/v1/test-open/tags?tag=a&sort=x&sort=y', 'sort'],
  ])('a parameter that takes one value, given twice on %s, is a 422 naming it', async (_name, path, key) => {
    const r = await h.request('GET', path, { token: adminToken });
    expect([r.status, r.body]).toEqual([422, { error: 'Validation error', details: twice(key) }]);
  });

  test('an array parameter takes every value, repeated or comma-separated', async () => {
    for (const query of ['tag=a&tag=b', 'tag=a,b'])
      expect((await h.request('GET', `/v1/test-open/tags?${query}`)).body).toEqual({ tag: ['a', 'b'] });
  });

  test('an anonymous caller still gets 401 first', async () => {
    expect((await h.request('GET', '/v1/audit-logs?limit=5&limit=6')).status).toBe(401);
  });
});
