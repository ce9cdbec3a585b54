// Signing in end to end: the setup wizard, sign-in and sign-out with a Bearer token or the HttpOnly cookie, sessions
// ended elsewhere (the CLI, a password change), disabled users, hashed storage and login throttling. Session
// lifetime: auth-session-lifetime.test.ts; CSRF, API keys and secrets in logs: auth-keys.test.ts. Admin user
// management: auth-admin.
import { Database } from 'bun:sqlite';
import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { join } from 'node:path';
import { createTestHost, sqlFromAnotherProcess, type TestHost } from '../../core/sdk/testing.ts';
import { hostForFile } from './cleanup.ts';
import { SETUP, signIn } from './sign-in.ts';

const { h, admin } = await hostForFile();
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
