// The HTTP contract of the shell: JSON errors (404, 422, 400, 413, 415), rate limits, cursors, OpenAPI and Swagger UI,
// and a fuzz pass over every route that must never answer 500 to what a client sends.
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createTestHost, type TestHost } from '../../core/sdk/testing.ts';

const GREETER = 'tests/fixtures/plugins/greeter';
const h = await createTestHost({ plugins: [GREETER] });
const adminToken = await h.admin();
afterAll(() => h.stop());

const twoMegabytes = (valid: boolean) =>
  valid
    ? JSON.stringify({ email: 'a@example.com', password: 'x'.repeat(2 * 1024 * 1024) })
    : `{${'x'.repeat(2 << 20)}`;

describe('JSON errors', () => {
  test('an unknown route answers 404 with a JSON error', async () => {
    const r = await h.request('GET', '/v1/no-such-thing');
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toContain('application/json');
    expect(r.body).toEqual({ error: expect.any(String) });
  });

  test('a bad email in POST /v1/setup is a 422 naming body.email', async () => {
    const r = await h.request('POST', '/v1/setup', {
      body: { serverName: 'Home', name: 'A', email: 'not-an-email', password: 'long-enough' },
    });
    expect(r.status).toBe(422);
    expect(r.body).toEqual({
      error: 'Validation error',
      details: [{ path: 'body.email', message: expect.any(String) }],
    });
  });

  test('limit=0 on GET /v1/admin/users is a 422 naming query.limit', async () => {
    const r = await h.request('GET', '/v1/admin/users?limit=0', { token: adminToken });
    expect(r.status).toBe(422);
    expect(r.body.error).toBe('Validation error');
    expect(r.body.details.map((d: { path: string }) => d.path)).toEqual(['query.limit']);
    expect(typeof r.body.details[0].message).toBe('string');
  });

  test('malformed JSON is a 400 JSON error, not a 500', async () => {
    const r = await h.request('POST', '/api/auth/sign-in/email', { body: '{"email": "a@b.c", ' });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ error: expect.any(String) });
  });

  test.each([
    ['a form, as curl -d sends it', 'application/x-www-form-urlencoded', '{"email":"a@b.c","password":"x"}'],
    ['text', 'text/plain;charset=UTF-8', '{"email":"a@b.c","password":"x"}'],
    ['multipart', 'multipart/form-data; boundary=x', '--x--'],
  ])('a body sent as %s is a 415 saying to send JSON', async (_name, type, body) => {
    const r = await h.request('POST', '/api/auth/sign-in/email', { body, headers: { 'content-type': type } });
    expect([r.status, r.body]).toEqual([
      415,
      { error: 'Expected a JSON body (Content-Type: application/json)' },
    ]);
  });

  test('a JSON type with parameters or a +json suffix is read as JSON', async () => {
    for (const type of ['application/json; charset=utf-8', 'application/merge-patch+json']) {
      const r = await h.request('POST', '/v1/setup', {
        body: '{"serverName":""}',
        headers: { 'content-type': type },
      });
      expect([type, r.status]).toEqual([type, 422]);
    }
  });

  test.each([
    ['garbage', '%%%not-a-cursor'],
    ['a cursor with the wrong number of values', Buffer.from('["a"]').toString('base64url')],
    ['a cursor holding objects', Buffer.from('[{"a":1},[2]]').toString('base64url')],
  ])('%s is a 400 on every paginated list', async (_name, cursor) => {
    for (const path of ['/v1/admin/users', '/v1/audit-logs', '/v1/jobs/runs']) {
      const r = await h.request('GET', `${path}?cursor=${encodeURIComponent(cursor)}`, { token: adminToken });
      expect([path, r.status, r.body]).toEqual([path, 400, { error: 'Invalid cursor' }]);
    }
  });
});

describe('pagination', () => {
  test.each(['/v1/admin/users', '/v1/audit-logs', '/v1/jobs/runs'])(
    '%s?limit=1 answers a page',
    async (path) => {
      const r = await h.request('GET', `${path}?limit=1`, { token: adminToken });
      expect(r.status).toBe(200);
      expect(r.body.items.length).toBeLessThanOrEqual(1);
    },
  );

  test('following nextCursor with limit=1 visits every user once', async () => {
    for (let i = 0; i < 3; i++) await h.user();
    const all = (await h.request('GET', '/v1/admin/users?limit=100', { token: adminToken })).body.items;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${cursor}` : '';
      const page = (await h.request('GET', `/v1/admin/users?limit=1${q}`, { token: adminToken })).body;
      seen.push(...page.items.map((u: { id: string }) => u.id));
      cursor = page.nextCursor;
    } while (cursor && seen.length <= all.length);
    expect(all.length).toBeGreaterThanOrEqual(4);
    expect(seen).toEqual(all.map((u: { id: string }) => u.id));
  });
});

describe('body limit', () => {
  test.each([
    ['valid JSON (else 422)', true],
    ['malformed JSON (else 400)', false],
  ])('a 2 MB body of %s with its length declared is 413 before parsing', async (_name, valid) => {
    const body = twoMegabytes(valid);
    const r = await h.request('POST', '/api/auth/sign-in/email', {
      body,
      headers: { 'content-length': String(Buffer.byteLength(body)) },
    });
    expect(r.status).toBe(413);
    expect(r.body).toEqual({ error: expect.any(String) });
  });

  test('a 2 MB body sent without a declared length is also 413', async () => {
    const r = await h.request('POST', '/api/auth/sign-in/email', { body: twoMegabytes(true) });
    expect(r.status).toBe(413);
  });

  test('a chunked 2 MB upload over a real socket is 413', async () => {
    const server = await createTestHost();
    try {
      server.app.listen({ port: 0, hostname: '127.0.0.1' });
      const bytes = new TextEncoder().encode(twoMegabytes(true));
      const body = new ReadableStream({
        start(c) {
          for (let i = 0; i < bytes.length; i += 64 * 1024) c.enqueue(bytes.slice(i, i + 64 * 1024));
          c.close();
        },
      });
      const res = await fetch(`http://127.0.0.1:${server.app.server!.port}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(413);
    } finally {
      await server.stop();
    }
  });

  test('a body just under 1 MB is parsed and validated normally', async () => {
    const body = JSON.stringify({ email: 'a@example.com', password: 'x'.repeat(1_000_000) });
    const r = await h.request('POST', '/api/auth/sign-in/email', { body });
    expect(r.status).toBe(422);
    expect(r.body.details[0].path).toBe('body.password');
  });
});

const setupBody = {
  serverName: 'Home',
  name: 'Admin',
  email: 'owner@example.com',
  password: 'owner-password',
};

describe('rate limit (5 per minute)', () => {
  let rl: TestHost;
  beforeEach(async () => {
    rl = await createTestHost({ env: { BIJOU_RATE_LIMIT: '5' } });
  });
  afterEach(() => rl.stop());

  const statuses = async (n: number, path: string, token?: string) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push((await rl.request('GET', path, { token })).status);
    return out;
  };

  test('the 6th request in a minute is 429 with a numeric Retry-After', async () => {
    expect(await statuses(5, '/v1/health')).toEqual([200, 200, 200, 200, 200]);
    const r = await rl.request('GET', '/v1/health');
    expect(r.status).toBe(429);
    expect(r.body).toEqual({ error: expect.any(String) });
    expect(r.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(Number(r.headers.get('retry-after'))).toBeLessThanOrEqual(60);
  });

  test('requests under /api/stream/ are not counted', async () => {
    const stream = await statuses(20, '/api/stream/session-1/720p/segment-1.ts');
    expect(stream).not.toContain(429);
    expect(await statuses(5, '/v1/health')).toEqual([200, 200, 200, 200, 200]);
  });

  test('made-up bearer tokens do not open fresh allowances', async () => {
    const out: number[] = [];
    for (let i = 0; i < 6; i++)
      out.push((await rl.request('GET', '/v1/health', { token: `fake-${i}` })).status);
    expect(out).toEqual([200, 200, 200, 200, 200, 429]);
  });

  test('a signed-in client is counted apart from anonymous traffic on its address', async () => {
    const token = (await rl.request('POST', '/v1/setup', { body: setupBody })).body.token as string;
    await statuses(5, '/v1/health');
    expect((await rl.request('GET', '/v1/health')).status).toBe(429);
    expect((await rl.request('GET', '/v1/health', { token })).status).toBe(200);
  });
});

const spec = (await h.request('GET', '/v1/openapi.json')).body;
const operations = Object.entries(spec.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ method, path, op })),
);
const DOCS = ['/docs', '/docs/', '/docs/assets/{file}', '/v1/openapi.json'];

describe('OpenAPI', () => {
  test('GET /v1/openapi.json is OpenAPI 3.1', () => {
    expect(String(spec.openapi)).toStartWith('3.1');
  });

  test('the spec documents the core and plugin routes', () => {
    expect(operations.length).toBeGreaterThan(30);
    expect(operations.map((o) => `${o.method} ${o.path}`)).toContain('get /v1/greeter/hello');
  });

  test('the docs routes are left out of the spec', () => {
    expect(operations.filter((o) => DOCS.includes(o.path))).toEqual([]);
  });

  test.each(operations)(
    '$method $path uses an OpenAPI method, a tag and a response schema',
    ({ method, op }) => {
      expect(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']).toContain(method);
      expect(op.tags?.length ?? 0).toBeGreaterThan(0);
      const schemas = Object.values(op.responses ?? {}).map(
        (r: any) => r?.content?.['application/json']?.schema,
      );
      expect(schemas.some((s) => s && typeof s === 'object')).toBe(true);
    },
  );
});

describe('Swagger UI', () => {
  const page = async (path: string) => String((await h.request('GET', path)).body);
  const assetsOf = (html: string) => [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);

  test('GET /docs is HTML that loads Swagger UI from /docs/assets/ only', async () => {
    const r = await h.request('GET', '/docs');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/html');
    const assets = assetsOf(String(r.body));
    expect(assets.some((a) => a.endsWith('swagger-ui-bundle.js'))).toBe(true);
    for (const a of assets) expect(a).toStartWith('/docs/assets/');
    expect(String(r.body)).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
  });

  test('every asset the docs page references answers 200', async () => {
    for (const a of assetsOf(await page('/docs'))) {
      const res = await h.app.handle(new Request(`http://localhost${a}`));
      expect([a, res.status]).toEqual([a, 200]);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  });

  test('an asset name outside the allowed two is 404', async () => {
    expect((await h.request('GET', '/docs/assets/..%2F..%2Fpackage.json')).status).toBe(404);
  });

  test.each(['/docs', '/docs/'])('the page at %s finds the spec', async (at) => {
    const url = /"url":"([^"]+)"/.exec(await page(at))?.[1];
    expect(url).toBeDefined();
    const r = await h.request('GET', new URL(url!, `http://localhost${at}`).pathname);
    expect(r.status).toBe(200);
    expect(String(r.body.openapi)).toStartWith('3.1');
  });
});

// Fuzz: every HTTP route, as an admin (API key, so sign-out cannot end the session), with garbage input.
const apiKey = (
  await h.request('POST', '/v1/users/me/api-keys', { token: adminToken, body: { name: 'fuzz' } })
).body.key as string;
const huge = 'z'.repeat(900 * 1024);
const PARAMS = [
  'x',
  '..%2F..%2Fetc%2Fpasswd',
  '..',
  '%E2%9C%93%F0%9F%98%80',
  '%00',
  '%',
  'a'.repeat(4000),
  '-1',
];
const QUERIES = [
  '?limit=0',
  '?limit=abc',
  '?limit=1&limit=2',
  '?limit[]=1&cursor[a]=b',
  `?cursor=${'A'.repeat(600)}`,
  '?cursor=%%%',
  `?cursor=${Buffer.from('[{"a":1},[2]]').toString('base64url')}`,
  '?probe=ready&state=nope&action=%00',
  '?__proto__[polluted]=1&constructor=x',
  `?name=${encodeURIComponent('é😀\u202e'.repeat(50))}`,
  `?q=${'x'.repeat(8000)}`,
];
const BODIES = [
  '',
  '{',
  'null',
  '[]',
  '"text"',
  '12345678901234567890',
  JSON.stringify({ email: 1, password: [], name: {}, serverName: null, enabled: 'yes', role: 'root' }),
  JSON.stringify({ name: huge, email: `${huge}@x.y`, path: huge }),
  JSON.stringify({ path: '../../../../etc', acceptPermissions: ['network'] }),
  JSON.stringify({ path: '/', acceptPermissions: 'all' }),
  '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}',
  JSON.stringify({ greeting: '😀'.repeat(2000), shout: 'maybe', apiKey: 42 }),
  JSON.stringify({ currentPassword: huge, newPassword: '\u0000'.repeat(10), name: '\u202e\u0000é' }),
];
const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'application/xml',
];

function fuzzRequests(method: string, path: string): Request[] {
  const url = (p: string, q = '') => `http://localhost${path.replace(/:[^/]+/g, p)}${q}`;
  const headers = (ct = 'application/json') => ({ authorization: `Bearer ${apiKey}`, 'content-type': ct });
  const out = PARAMS.map((p) => new Request(url(p), { method, headers: headers() }));
  out.push(...QUERIES.map((q) => new Request(url('x', q), { method, headers: headers() })));
  if (method === 'GET') return out;
  out.push(...BODIES.map((body) => new Request(url('x'), { method, headers: headers(), body })));
  out.push(
    ...CONTENT_TYPES.map((ct) => new Request(url('x'), { method, headers: headers(ct), body: 'a=1&b' })),
  );
  return out;
}

const fuzzRoutes = h.app.routes
  .filter((r) => r.method !== 'WS')
  .map((r) => ({ method: r.method, path: r.path }));

describe('fuzz', () => {
  test.each(fuzzRoutes)('$method $path never answers 500 to garbage', async ({ method, path }) => {
    const failures: string[] = [];
    for (const req of fuzzRequests(method, path)) {
      const res = await h.app.handle(req);
      if (res.status >= 500 && res.status !== 503)
        failures.push(`${res.status} ${req.method} ${req.url.slice(0, 120)}`);
      await res.body?.cancel();
    }
    expect(failures).toEqual([]);
  });

  test('the fuzz pass logged no unhandled error', () => {
    expect(h.logs.filter((l) => l.includes('unhandled error'))).toEqual([]);
  });
});
