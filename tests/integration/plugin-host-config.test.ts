// Plugin config through a full boot: a required field keeps a plugin misconfigured until a valid PUT, invalid and
// misspelt settings are a 422 that stores nothing, and x-secret values are masked on read, kept when the mask comes
// back and never logged (also after a restart). States: plugin-host-states.test.ts.
import { expect, test } from 'bun:test';
import { fixtureHosts, pluginView } from './fixture-hosts.ts';

const MASK = '********';

const { boot, tempDir } = fixtureHosts();

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
