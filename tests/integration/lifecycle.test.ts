// Runtime disable/enable call the plugin's onDisable/onEnable hooks; plugins add readiness components.
import { afterEach, expect, test } from 'bun:test';
import { createTestHost, type TestHost } from '../../core/sdk/testing.ts';

let h: TestHost | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
});

const calls = () => ((globalThis as { __bijouLifecycle?: string[] }).__bijouLifecycle ??= []);

test('disabling and re-enabling a plugin at runtime calls onDisable then onEnable, and setup only once', async () => {
  calls().length = 0;
  h = await createTestHost({ plugins: ['tests/fixtures/plugins/lifecycle'] });
  const token = await h.admin();
  expect((await h.request('POST', '/v1/plugins/lifecycle/disable', { token })).status).toBe(200);
  expect((await h.request('POST', '/v1/plugins/lifecycle/enable', { token })).status).toBe(200);
  expect(calls()).toEqual(['setup', 'disable', 'enable']);
});

test('a component registered with ctx.health appears in the readiness details', async () => {
  calls().length = 0;
  h = await createTestHost({ plugins: ['tests/fixtures/plugins/lifecycle'] });
  const r = await h.request('GET', '/v1/health?probe=ready');
  expect(r.status).toBe(200);
  expect(r.body.checks.components).toEqual([
    { name: 'lifecycle.warm', ready: true, detail: '1 lifecycle calls' },
  ]);
});
