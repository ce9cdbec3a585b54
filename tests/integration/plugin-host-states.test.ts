// Plugin host states through a full boot: a failing setup, blocked dependents, invalid and incompatible manifests
// with their codes, unknown events, dependency cycles, and load order with ties broken by id (teardown reversed).
// Config and secrets: plugin-host-config.test.ts; enabling, disabling and installing: plugin-host-runtime.test.ts.
import { expect, test } from 'bun:test';
import { fixtureHosts, pluginView } from './fixture-hosts.ts';

const { boot } = fixtureHosts();

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
