// The HTTP contract of the shell, its errors: JSON errors (404, 422 naming the field, 400 for bad JSON and bad
// cursors, 415 for a body that is not JSON), cursor pagination, and the 1 MB body limit (413). Rate limits:
// http-contract-rate-limit; OpenAPI and Swagger UI: http-contract-openapi; the fuzz pass: http-contract-fuzz.
import { describe, expect, test } from 'bun:test';
import { createTestHost } from '../../core/sdk/testing.ts';
import { hostForFile } from './cleanup.ts';

const { h, admin: adminToken } = await hostForFile({ plugins: ['tests/fixtures/plugins/greeter'] });

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
