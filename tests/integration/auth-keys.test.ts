// CSRF for cookie sessions (x-csrf-token and Origin; Bearer needs none), API keys (shown once, never listed,
// accepted as Bearer or X-Api-Key, revoked), and no password, token or key that was used in any log line, across a
// restart. Signing in: auth-sign-in.test.ts.
import { describe, expect, test } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestHost } from '../../core/sdk/testing.ts';
import { hostForFile } from './cleanup.ts';
import { SETUP, signIn } from './sign-in.ts';

const { h, admin } = await hostForFile();
const me = (token: string) => h.request('GET', '/v1/users/me', { token });

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
