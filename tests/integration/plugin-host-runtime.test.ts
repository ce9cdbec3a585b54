// Plugins at runtime through a full boot: disabling answers 503 and blocks dependents until enabled again, a plugin
// disabled with the CLI is set up when enabled, and third-party install over HTTP (consent, routes and OpenAPI,
// surviving a restart, first-party ids refused). States: plugin-host-states.test.ts.
import { expect, test } from 'bun:test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { adminToken, FIXTURES, fixtureHosts, fx, pluginView, ROOT } from './fixture-hosts.ts';

const { boot, tempDir } = fixtureHosts();

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
