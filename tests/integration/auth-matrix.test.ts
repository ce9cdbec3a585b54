// Every HTTP route (core and the greeter plugin) declares its auth level, and the level holds: anonymous callers
// get 401 on 'user' and 'admin' routes, plain users get 403 on 'admin' routes, the right caller gets through.
import { afterAll, describe, expect, test } from 'bun:test';
import { createTestHost } from '../../core/sdk/testing.ts';

const h = await createTestHost({ plugins: ['tests/fixtures/plugins/greeter'] });
const adminToken = await h.admin();
const plain = await h.user();
afterAll(() => h.stop());

/** Routes the OpenAPI plugin owns; they are public documentation and carry no auth option. */
const isDocsRoute = (path: string) =>
  path === '/docs' || path.startsWith('/docs/') || path === '/v1/openapi.json';

const routes = h.app.routes
  .filter((r) => r.method.toUpperCase() !== 'WS' && !isDocsRoute(r.path))
  .map((r) => ({
    method: r.method,
    path: r.path,
    url: r.path.replace(/:[^/]+/g, 'x'),
    level: ((r.hooks as { detail?: Record<string, unknown> } | undefined)?.detail?.['x-bijou-auth'] ??
      null) as string | null,
  }));
const protectedRoutes = routes.filter((r) => r.level === 'user' || r.level === 'admin');
const adminRoutes = routes.filter((r) => r.level === 'admin');
const byLevel = (level: string) => routes.filter((r) => r.level === level);

/** Sends a request and returns only the status (streams such as SSE are cancelled unread). */
async function statusOf(method: string, url: string, token?: string): Promise<number> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const body = method === 'GET' || method === 'HEAD' ? undefined : '{}';
  const res = await h.app.handle(new Request(`http://localhost${url}`, { method, headers, body }));
  await res.body?.cancel();
  return res.status;
}

describe('route inventory', () => {
  test('the matrix covers core and plugin routes of every level', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.map((r) => r.path)).toContain('/v1/greeter/hello');
    for (const level of ['public', 'user', 'admin']) expect(byLevel(level).length).toBeGreaterThan(0);
  });

  test.each(routes)('$method $path declares auth public, user or admin', ({ level }) => {
    expect(['public', 'user', 'admin']).toContain(level as string);
  });
});

describe('anonymous callers', () => {
  test.each(protectedRoutes)('$method $path ($level) is 401 without credentials', async ({ method, url }) => {
    expect(await statusOf(method, url)).toBe(401);
  });

  test.each(protectedRoutes)(
    '$method $path ($level) is 401 with a made-up token',
    async ({ method, url }) => {
      expect(await statusOf(method, url, 'not-a-real-session-token')).toBe(401);
    },
  );

  test.each(byLevel('public'))(
    '$method $path (public) does not ask for credentials',
    async ({ method, url }) => {
      expect([401, 403]).not.toContain(await statusOf(method, url));
    },
  );
});

describe('plain users', () => {
  test.each(adminRoutes)('$method $path (admin) is 403 for a plain user', async ({ method, url }) => {
    expect(await statusOf(method, url, plain.token)).toBe(403);
  });

  test.each(byLevel('user'))('$method $path (user) lets a plain user through', async ({ method, url }) => {
    expect([401, 403]).not.toContain(await statusOf(method, url, plain.token));
  });
});

describe('admins', () => {
  test.each(adminRoutes)('$method $path (admin) lets an admin through', async ({ method, url }) => {
    expect([401, 403]).not.toContain(await statusOf(method, url, adminToken));
  });
});
