// The HTTP contract of the shell, fuzzed: every HTTP route, with garbage parameters, queries, bodies and content
// types, must never answer 500 (503 aside), and the pass must log no unhandled error.
import { describe, expect, test } from 'bun:test';
import { hostForFile } from './cleanup.ts';

const { h, admin: adminToken } = await hostForFile({ plugins: ['tests/fixtures/plugins/greeter'] });

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
