// Plugin host through a full boot: states and their codes, config and secrets, runtime enable/disable,
// third-party install over HTTP (surviving a restart), and load order with ties broken by id.
import { expect, test } from 'bun:test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestHost, type TestHost } from '@bijou/sdk/testing';
import { cleanUpAfterTests } from './cleanup.ts';

const ROOT = resolve(import.meta.dir, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/plugins');
const MASK = '********';
const fx = (id: string) => join(FIXTURES, id);

const { hosts, dirs } = cleanUpAfterTests();

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'bijou-host-'));
  dirs.push(d);
  return d;
}

async function boot(ids: string[], dataDir?: string): Promise<TestHost> {
  const h = await createTestHost({ plugins: ids.map(fx), dataDir });
  hosts.push(h);
  return h;
}

/** Admin token on a host whose data dir may already have gone through setup. */
async function adminToken(h: TestHost): Promise<string> {
  const r = await h.request('POST', '/api/auth/sign-in/email', {
    body: { email: 'admin@example.com', password: 'admin-password' },
  });
  return r.status === 200 ? r.body.token : h.admin();
}

async function pluginView(h: TestHost, id: string) {
  const r = await h.request('GET', `/v1/plugins/${id}`, { token: await adminToken(h) });
  expect(r.status).toBe(200);
  return r.body as { id: string; state: string; code: string | null; reason: string | null; source: string };
}

test('a plugin whose setup throws is failed with its error, and the server still boots', async () => {
  const h = await boot(['boom', 'greeter']);
  expect((await h.request('GET', '/v1/health')).status).toBe(200);
  const boom = await pluginView(h, 'boom');
  expect(boom).toMatchObject({ state: 'failed', code: 'SETUP_FAILED', reason: 'boom: setup exploded' });
  expect((await pluginView(h, 'greeter')).state).toBe('active');
});

test('a plugin depending on a failed plugin is blocked', async () => {
  const h = await boot(['boom', 'boom-child']);
  const child = await pluginView(h, 'boom-child');
  expect(child.state).toBe('blocked');
  expect(child.reason).toContain('boom');
});

test.each([
  ['misnamed', 'invalid', 'MANIFEST_ID_MISMATCH'],
  ['future-api', 'incompatible', 'MANIFEST_API_UNSATISFIED'],
  ['bad-cron', 'invalid', 'MANIFEST_BAD_CRON'],
  ['orphan', 'blocked', 'DEPENDENCY_MISSING'],
])('fixture %s ends up %s with code %s', async (id, state, code) => {
  const h = await boot([id]);
  expect(await pluginView(h, id)).toMatchObject({ state, code });
});

test('listening to an event no declared dependency emits is invalid MANIFEST_UNKNOWN_EVENT', async () => {
  const h = await boot(['greeter', 'eavesdropper']);
  expect(await pluginView(h, 'eavesdropper')).toMatchObject({
    state: 'invalid',
    code: 'MANIFEST_UNKNOWN_EVENT',
  });
  expect((await pluginView(h, 'greeter')).state).toBe('active');
});

test('a two-plugin dependency cycle makes both invalid with DEPENDENCY_CYCLE', async () => {
  const h = await boot(['cycle-a', 'cycle-b']);
  for (const id of ['cycle-a', 'cycle-b'])
    expect(await pluginView(h, id)).toMatchObject({ state: 'invalid', code: 'DEPENDENCY_CYCLE' });
});

test('a required config field without a default is misconfigured until a valid PUT activates it', async () => {
  const h = await boot(['needs-config']);
  const token = await h.admin();
  expect(await pluginView(h, 'needs-config')).toMatchObject({ state: 'misconfigured' });
  expect((await h.request('GET', '/v1/needs-config/port', { token })).status).toBe(503);

  const put = await h.request('PUT', '/v1/plugins/needs-config/config', { token, body: { port: 8080 } });
  expect(put.status).toBe(200);
  expect(put.body.value.port).toBe(8080);
  expect((await pluginView(h, 'needs-config')).state).toBe('active');
  const served = await h.request('GET', '/v1/needs-config/port', { token });
  expect(served).toMatchObject({ status: 200, body: { port: 8080 } });
});

test('an invalid config value is refused with 422 and details, and the plugin stays misconfigured', async () => {
  const h = await boot(['needs-config']);
  const token = await h.admin();
  const put = await h.request('PUT', '/v1/plugins/needs-config/config', {
    token,
    body: { port: 'not-a-port' },
  });
  expect(put.status).toBe(422);
  expect(put.body.error).toBe('Validation error');
  expect(put.body.details.some((d: { path: string }) => d.path === 'body.port')).toBe(true);
  expect((await pluginView(h, 'needs-config')).state).toBe('misconfigured');
});

test('a misspelt setting is a 422 naming it, and nothing is stored', async () => {
  const h = await boot(['needs-config']);
  const token = await h.admin();
  const put = await h.request('PUT', '/v1/plugins/needs-config/config', {
    token,
    body: { port: 8080, tokn: 'x' },
  });
  expect([put.status, put.body.details]).toEqual([
    422,
    [{ path: 'body.tokn', message: 'Unknown field; expected port, token' }],
  ]);
  expect(h.host.storedConfig('needs-config')).toBeFalsy();
  expect((await pluginView(h, 'needs-config')).state).toBe('misconfigured');
});

test('x-secret values are masked on read, kept when the mask is sent back, and scrubbed from logs', async () => {
  const secret = 'needs-config-secret-7c1f';
  const h = await boot(['needs-config']);
  const token = await h.admin();
  const put = await h.request('PUT', '/v1/plugins/needs-config/config', {
    token,
    body: { port: 8080, token: secret },
  });
  expect(put.status).toBe(200);
  expect(put.body.value.token).toBe(MASK);
  const read = await h.request('GET', '/v1/plugins/needs-config/config', { token });
  expect(read.body.value).toEqual({ port: 8080, token: MASK });
  const all = await h.request('GET', '/v1/config', { token });
  expect(all.body.plugins['needs-config']).toEqual({ port: 8080, token: MASK });

  const again = await h.request('PUT', '/v1/plugins/needs-config/config', {
    token,
    body: { port: 9090, token: MASK },
  });
  expect(again.status).toBe(200);
  expect(h.host.storedConfig('needs-config')?.token).toBe(secret);
  expect((await h.request('GET', '/v1/needs-config/port', { token })).body).toEqual({ port: 9090 });

  for (const body of [put.body, read.body, all.body, again.body])
    expect(JSON.stringify(body)).not.toContain(secret);
  expect(h.logs.some((l) => l.includes('connecting on port 8080 with token'))).toBe(true);
  expect(h.logs.filter((l) => l.includes(secret))).toEqual([]);
});

test('the greeter apiKey it logs on setup after a restart never reaches the log', async () => {
  const secret = 'greeter-api-key-93ab';
  const dataDir = tempDir();
  const first = await boot(['greeter'], dataDir);
  const token = await first.admin();
  const put = await first.request('PUT', '/v1/plugins/greeter/config', {
    token,
    body: { greeting: 'Hi', apiKey: secret },
  });
  expect(put.status).toBe(200);
  await first.stop();

  const second = await boot(['greeter'], dataDir);
  expect((await pluginView(second, 'greeter')).state).toBe('active');
  expect(second.logs.some((l) => l.includes('greeter configured'))).toBe(true);
  expect([...first.logs, ...second.logs].filter((l) => l.includes(secret))).toEqual([]);
});

test('disabling at runtime answers 503, blocks dependents, and enabling restores both', async () => {
  const h = await boot(['greeter', 'fan']);
  const admin = await h.admin();
  const { token } = await h.user();
  expect((await h.request('GET', '/v1/greeter/hello', { token })).status).toBe(200);

  const off = await h.request('POST', '/v1/plugins/greeter/disable', { token: admin });
  expect(off).toMatchObject({ status: 200, body: { state: 'disabled' } });
  expect((await h.request('GET', '/v1/greeter/hello', { token })).status).toBe(503);
  expect((await pluginView(h, 'fan')).state).toBe('blocked');
  expect((await h.request('GET', '/v1/fan/ping')).status).toBe(503);

  const on = await h.request('POST', '/v1/plugins/greeter/enable', { token: admin });
  expect(on).toMatchObject({ status: 200, body: { state: 'active' } });
  expect((await h.request('GET', '/v1/greeter/hello', { token })).status).toBe(200);
  expect((await pluginView(h, 'fan')).state).toBe('active');
  expect((await h.request('GET', '/v1/fan/ping')).status).toBe(200);
});

test('a plugin disabled with the CLI before boot is set up when enabled at runtime, without restart', async () => {
  const dataDir = tempDir();
  const cli = Bun.spawn(
    [join(ROOT, 'node_modules/.bin/bun'), 'core/src/cli.ts', 'plugin', 'disable', 'greeter'],
    {
      cwd: ROOT,
      env: { ...process.env, BIJOU_DATA_DIR: dataDir, BIJOU_FIRST_PARTY_PLUGINS: FIXTURES },
      stdout: 'pipe',
      stderr: 'pipe',
    },
  );
  expect(await cli.exited).toBe(0);

  const h = await boot(['greeter'], dataDir);
  const admin = await h.admin();
  expect((await pluginView(h, 'greeter')).state).toBe('disabled');
  expect((await h.request('GET', '/v1/greeter/hello', { token: admin })).status).toBe(503);

  const on = await h.request('POST', '/v1/plugins/greeter/enable', { token: admin });
  expect(on).toMatchObject({ status: 200, body: { state: 'active' } });
  const hello = await h.request('GET', '/v1/greeter/hello', { token: admin });
  expect(hello).toMatchObject({ status: 200, body: { text: 'Hello, Admin' } });
});

test('installing over HTTP needs consent, then serves and documents the routes, and survives a restart', async () => {
  const dataDir = tempDir();
  const h = await boot([], dataDir);
  const admin = await h.admin();
  const path = fx('greeter');

  const refused = await h.request('POST', '/v1/plugins/install', {
    token: admin,
    body: { path, acceptPermissions: [] },
  });
  expect(refused.status).toBe(422);
  expect(refused.body.error).toContain('network');
  expect(existsSync(join(dataDir, 'plugins/greeter'))).toBe(false);

  const ok = await h.request('POST', '/v1/plugins/install', {
    token: admin,
    body: { path, acceptPermissions: ['network'] },
  });
  expect(ok).toMatchObject({ status: 201, body: { id: 'greeter', state: 'active', source: 'third-party' } });
  expect(existsSync(join(dataDir, 'plugins/greeter/manifest.ts'))).toBe(true);
  expect((await h.request('GET', '/v1/greeter/hello', { token: admin })).status).toBe(200);
  const spec = await h.request('GET', '/v1/openapi.json');
  expect(Object.keys(spec.body.paths)).toContain('/v1/greeter/hello');
  await h.stop();

  const restarted = await boot([], dataDir);
  const token = await adminToken(restarted);
  expect(await pluginView(restarted, 'greeter')).toMatchObject({ state: 'active', source: 'third-party' });
  expect((await restarted.request('GET', '/v1/greeter/hello', { token })).status).toBe(200);
});

test('routes installed after the OpenAPI spec was first served are documented too', async () => {
  const h = await boot([]);
  const admin = await h.admin();
  expect(Object.keys((await h.request('GET', '/v1/openapi.json')).body.paths)).not.toContain(
    '/v1/greeter/hello',
  );
  const ok = await h.request('POST', '/v1/plugins/install', {
    token: admin,
    body: { path: fx('greeter'), acceptPermissions: ['network'] },
  });
  expect(ok.status).toBe(201);
  expect(Object.keys((await h.request('GET', '/v1/openapi.json')).body.paths)).toContain('/v1/greeter/hello');
});

test('installing a plugin with a first-party id is refused with 409', async () => {
  const h = await boot(['greeter']);
  const r = await h.request('POST', '/v1/plugins/install', {
    token: await h.admin(),
    body: { path: fx('greeter'), acceptPermissions: ['network'] },
  });
  expect(r.status).toBe(409);
  expect(existsSync(join(h.dataDir, 'plugins/greeter'))).toBe(false);
});

test('load order follows dependsOn ∪ after with ties broken by id; teardown runs in reverse', async () => {
  const calls: string[] = [];
  (globalThis as { __bijouOrderCalls?: string[] }).__bijouOrderCalls = calls;
  const h = await boot(['order-d', 'order-c', 'order-b', 'order-a']);
  const expected = ['order-b', 'order-c', 'order-a', 'order-d'];
  expect(h.host.list().map((e) => e.id)).toEqual(expected);
  expect(calls).toEqual(expected.map((id) => `setup:${id}`));
  await h.stop();
  expect(calls.slice(expected.length)).toEqual([...expected].reverse().map((id) => `teardown:${id}`));
});
