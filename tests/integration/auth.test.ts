// Authentication end to end: setup wizard, sign-in/out, cookies and CSRF, throttling, hashed storage, session
// lifetime (AuthService with an injected clock), API keys, secrets in logs. Admin user management: auth-admin.
import { Database } from 'bun:sqlite';
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestHost, sqlFromAnotherProcess, type TestHost } from '../../core/sdk/testing.ts';
import { AuthService } from '../../core/src/auth/service.ts';
import { CORE_MIGRATIONS, runMigrations } from '../../core/src/db/migrate.ts';
import { openDatabase } from '../../core/src/db/open.ts';

const SETUP = { serverName: 'Home', name: 'Owner', email: 'owner@example.com', password: 'owner-password' };

async function signIn(host: TestHost, email: string, password: string) {
  const r = await host.request('POST', '/api/auth/sign-in/email', { body: { email, password } });
  const setCookie = r.headers.getSetCookie();
  const jar = Object.fromEntries(setCookie.map((c) => c.split(';')[0].split('=') as [string, string]));
  const cookie = `bijou_session=${jar.bijou_session}; bijou_csrf=${jar.bijou_csrf}`;
  return { ...r, token: r.body?.token as string, setCookie, cookie, csrf: jar.bijou_csrf };
}

const h = await createTestHost();
const admin = await h.admin();
afterAll(() => h.stop());
const me = (token: string) => h.request('GET', '/v1/users/me', { token });
const newUser = (email: string) =>
  h.request('POST', '/v1/admin/users', {
    token: admin,
    body: { email, name: 'N', password: 'user-password' },
  });

describe('setup wizard', () => {
  let s: TestHost;
  beforeEach(async () => {
    s = await createTestHost();
  });
  afterEach(() => s.stop());

  test('GET /v1/setup says setup is needed on a fresh server', async () => {
    expect((await s.request('GET', '/v1/setup')).body.needed).toBe(true);
  });

  test('POST /v1/setup creates an admin and returns a working token', async () => {
    const r = await s.request('POST', '/v1/setup', { body: SETUP });
    expect(r.status).toBe(200);
    expect(r.body.user).toMatchObject({ email: SETUP.email, role: 'admin' });
    expect((await s.request('GET', '/v1/users/me', { token: r.body.token })).body.role).toBe('admin');
  });

  test('after setup it is no longer needed and a second POST is 409', async () => {
    await s.request('POST', '/v1/setup', { body: SETUP });
    expect((await s.request('GET', '/v1/setup')).body.needed).toBe(false);
    const again = await s.request('POST', '/v1/setup', { body: { ...SETUP, email: 'other@example.com' } });
    expect(again.status).toBe(409);
  });
});

describe('sign-in and sessions', () => {
  test('sign-in returns a token and user and sets an HttpOnly SameSite=Lax session cookie', async () => {
    const r = await signIn(h, 'admin@example.com', 'admin-password');
    expect(r.status).toBe(200);
    expect(r.body.user.email).toBe('admin@example.com');
    const session = r.setCookie.find((c) => c.startsWith('bijou_session='))!;
    expect(session).toContain(`bijou_session=${r.token}`);
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
  });

  test.each(['/api/auth/session', '/v1/users/me'])(
    'a Bearer token and the cookie both authenticate %s',
    async (path) => {
      const s = await signIn(h, 'admin@example.com', 'admin-password');
      const viaBearer = await h.request('GET', path, { token: s.token });
      const viaCookie = await h.request('GET', path, { headers: { cookie: s.cookie } });
      expect([viaBearer.status, viaCookie.status]).toEqual([200, 200]);
      expect(JSON.stringify(viaCookie.body)).toContain('admin@example.com');
    },
  );

  test('sign-out ends the session, so its token is then 401', async () => {
    const s = await signIn(h, 'admin@example.com', 'admin-password');
    expect((await h.request('POST', '/api/auth/sign-out', { token: s.token })).status).toBe(200);
    expect((await me(s.token)).status).toBe(401);
  });

  test('a session deleted by another process (the bijou CLI) is 401 on the next request', async () => {
    const s = await signIn(h, 'admin@example.com', 'admin-password');
    expect((await me(s.token)).status).toBe(200);
    await sqlFromAnotherProcess(
      join(h.dataDir, 'bijou.sqlite'),
      'DELETE FROM core_sessions WHERE token_hash = ?',
      [new Bun.SHA256().update(s.token).digest('hex')],
    );
    expect((await me(s.token)).status).toBe(401);
  });

  test('a wrong password is 401', async () => {
    expect((await signIn(h, 'admin@example.com', 'wrong-password')).status).toBe(401);
  });

  test('a disabled user cannot sign in', async () => {
    const u = await newUser('disabled@example.com');
    await h.request('PATCH', `/v1/admin/users/${u.body.id}`, { token: admin, body: { disabled: true } });
    expect((await signIn(h, 'disabled@example.com', 'user-password')).status).toBe(401);
  });

  test('sessions and API keys are stored only as hashes', async () => {
    const s = await signIn(h, 'admin@example.com', 'admin-password');
    const key = (await h.request('POST', '/v1/users/me/api-keys', { token: s.token, body: { name: 'k' } }))
      .body.key;
    const db = new Database(`${h.dataDir}/bijou.sqlite`, { readonly: true });
    const dump = (table: string) => JSON.stringify(db.query(`SELECT * FROM ${table}`).all());
    const [sessions, keys] = [dump('core_sessions'), dump('core_api_keys')];
    db.close();
    expect(sessions.length).toBeGreaterThan(10);
    expect(keys.length).toBeGreaterThan(10);
    for (const text of [sessions, keys])
      for (const secret of [s.token, key]) expect(text).not.toContain(secret);
  });

  describe('password change', () => {
    const change = async () => {
      const u = await h.user();
      const other = await signIn(h, u.email, 'user-password');
      const r = await h.request('POST', '/v1/users/me/password', {
        token: u.token,
        body: { currentPassword: 'user-password', newPassword: 'brand-new-password' },
      });
      expect(r.status).toBe(200);
      return { current: u.token, other: other.token };
    };

    test('ends the user’s other sessions', async () => {
      expect((await me((await change()).other)).status).toBe(401);
    });

    test('keeps the session that made the change', async () => {
      expect((await me((await change()).current)).status).toBe(200);
    });
  });
});

describe('login throttling', () => {
  let t: TestHost;
  beforeEach(async () => {
    t = await createTestHost();
    await t.admin();
  });
  afterEach(() => t.stop());

  test('5 failures for one account answer 429 with Retry-After, even to the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await signIn(t, 'admin@example.com', `wrong-${i}`)).status).toBe(401);
    const r = await t.request('POST', '/api/auth/sign-in/email', {
      body: { email: 'admin@example.com', password: 'admin-password' },
    });
    expect(r.status).toBe(429);
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  test('changing the case or padding of the email does not get around the lock', async () => {
    for (const email of [
      'admin@example.com',
      'ADMIN@example.com',
      ' admin@example.com',
      'Admin@Example.com  ',
    ])
      await signIn(t, email, 'wrong');
    await signIn(t, 'admin@example.com\t', 'wrong');
    expect((await signIn(t, ' admin@example.com  ', 'admin-password')).status).toBe(429);
  });
});

describe('session lifetime (AuthService, injected clock)', () => {
  const HOUR = 3_600_000;
  const DAY = 24 * HOUR;
  const dir = mkdtempSync(join(tmpdir(), 'bijou-auth-'));
  const { sqlite, db } = openDatabase(join(dir, 'bijou.sqlite'));
  runMigrations(sqlite, CORE_MIGRATIONS, 'core');
  afterAll(() => {
    sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });
  let now = Date.parse('2026-03-01T12:00:00.000Z');
  const auth = new AuthService(db, () => now);
  const user = auth.createUser({
    email: 'c@example.com',
    name: 'C',
    password: 'clock-password',
    role: 'user',
  });
  let token: string;
  let signedInAt: number;
  beforeEach(async () => {
    token = auth.createSession((await user).id, {}).token;
    signedInAt = now;
  });
  const expiry = () => Date.parse(auth.resolveSession(token)!.expiresAt);

  test('a new session expires 7 days after sign-in', () => {
    expect(expiry() - signedInAt).toBe(7 * DAY);
  });

  test('use within 24 hours does not extend the session', () => {
    now += 23 * HOUR;
    expect(expiry()).toBe(signedInAt + 7 * DAY);
  });

  test('use after 24 hours extends it to 7 days from that use', () => {
    now += 25 * HOUR;
    expect(expiry()).toBe(now + 7 * DAY);
  });

  test('it is extended at most once per 24 hours', () => {
    now += 25 * HOUR;
    const first = expiry();
    now += 23 * HOUR;
    expect(expiry()).toBe(first);
  });

  test('a session unused for 7 days has expired', () => {
    now += 7 * DAY;
    expect(auth.resolveSession(token)).toBeNull();
  });

  test('an extended session outlives its first expiry', () => {
    now += 6 * DAY;
    auth.resolveSession(token);
    now += 6 * DAY;
    expect(auth.resolveSession(token)).not.toBeNull();
  });
});

describe('CSRF for cookie sessions', () => {
  const createKey = (headers: Record<string, string>, token?: string) =>
    h.request('POST', '/v1/users/me/api-keys', { body: { name: 'csrf' }, headers, token });

  test('a cookie-authenticated POST without x-csrf-token is 403', async () => {
    const s = await signIn(h, 'admin@example.com', 'admin-password');
    expect((await createKey({ cookie: s.cookie })).status).toBe(403);
  });

  test('with x-csrf-token equal to the bijou_csrf cookie it is 201', async () => {
    const s = await signIn(h, 'admin@example.com', 'admin-password');
    expect((await createKey({ cookie: s.cookie, 'x-csrf-token': s.csrf })).status).toBe(201);
  });

  test('a foreign Origin is 403 even with the right token', async () => {
    const s = await signIn(h, 'admin@example.com', 'admin-password');
    const r = await createKey({ cookie: s.cookie, 'x-csrf-token': s.csrf, origin: 'https://evil.example' });
    expect(r.status).toBe(403);
  });

  test('a Bearer-authenticated POST needs no CSRF header', async () => {
    expect((await createKey({}, admin)).status).toBe(201);
  });
});

describe('API keys', () => {
  const create = async (token: string) =>
    h.request('POST', '/v1/users/me/api-keys', { token, body: { name: 'script' } });

  test('creating a key answers 201 with the key shown once', async () => {
    const r = await create((await h.user()).token);
    expect(r.status).toBe(201);
    expect(r.body.key).toStartWith('bij_');
  });

  test('listing keys never includes the key', async () => {
    const u = await h.user();
    const { key, id } = (await create(u.token)).body;
    const list = await h.request('GET', '/v1/users/me/api-keys', { token: u.token });
    expect(list.body.items.map((k: { id: string }) => k.id)).toEqual([id]);
    expect(JSON.stringify(list.body)).not.toContain(key);
    expect(JSON.stringify(list.body)).not.toContain(key.slice(10));
  });

  test.each([
    ['Authorization: Bearer', (key: string) => ({ authorization: `Bearer ${key}` })],
    ['X-Api-Key', (key: string) => ({ 'x-api-key': key })],
  ])('the key authenticates as the user via %s', async (_name, header) => {
    const u = await h.user();
    const key = (await create(u.token)).body.key;
    const r = await h.request('GET', '/v1/users/me', { headers: header(key) });
    expect([r.status, r.body.id]).toEqual([200, u.id]);
  });

  test('a revoked key is 401', async () => {
    const u = await h.user();
    const { key, id } = (await create(u.token)).body;
    expect((await h.request('DELETE', `/v1/users/me/api-keys/${id}`, { token: u.token })).status).toBe(200);
    expect((await me(key)).status).toBe(401);
  });
});

describe('secrets in logs', () => {
  test('no log line contains a password, token or API key that was used', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bijou-secrets-'));
    const plugins = ['tests/fixtures/plugins/greeter'];
    const used: string[] = [SETUP.password, 'wrong-password-123', 'second-password', 'greeter-api-secret'];
    const logs: string[] = [];
    const statuses: number[] = [];
    try {
      const s = await createTestHost({ dataDir: dir, plugins });
      const call = async (method: string, path: string, body: unknown, token: string | null = null) => {
        const r = await s.request(method, path, { body, token });
        statuses.push(r.status);
        return r.body;
      };
      const setup = await call('POST', '/v1/setup', SETUP);
      expect((await signIn(s, SETUP.email, 'wrong-password-123')).status).toBe(401);
      const session = await signIn(s, SETUP.email, SETUP.password);
      const { key } = await call('POST', '/v1/users/me/api-keys', { name: 'k' }, session.token);
      used.push(setup.token, session.token, session.csrf, key);
      await call('PUT', '/v1/plugins/greeter/config', { apiKey: 'greeter-api-secret' }, key);
      await call('PUT', '/v1/plugins/greeter/config', { apiKey: '********', shout: true }, key);
      await call('PATCH', '/v1/settings', { serverName: 'Renamed' }, key);
      const change = { currentPassword: SETUP.password, newPassword: 'second-password' };
      await call('POST', '/v1/users/me/password', change, session.token);
      logs.push(...s.logs);
      await s.stop();
      const restarted = await createTestHost({ dataDir: dir, plugins });
      logs.push(...restarted.logs);
      await restarted.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(statuses.every((x) => x < 300)).toBe(true);
    expect(logs.some((l) => l.includes('greeter configured'))).toBe(true);
    for (const secret of used) expect(logs.filter((l) => l.includes(secret))).toEqual([]);
  });
});
