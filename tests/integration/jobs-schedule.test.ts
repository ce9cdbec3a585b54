// Changing a job's schedule through /v1/jobs: the override fires, survives a restart, is validated, and can be
// removed to go back to the plugin's own schedule; the list shows each job's last run.
import { expect, test } from 'bun:test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestHost, type TestHost, waitUntil } from '@bijou/sdk/testing';
import { cleanUpAfterTests } from './cleanup.ts';

const ROOT = resolve(import.meta.dir, '../..');
const fx = (id: string) => join(ROOT, 'tests/fixtures/plugins', id);
const { hosts, dirs } = cleanUpAfterTests();

async function boot(ids: string[], dataDir?: string) {
  const h = await createTestHost({ plugins: ids.map(fx), dataDir });
  hosts.push(h);
  return { h, token: await h.admin() };
}
const jobOf = async (h: TestHost, token: string, pluginId: string, jobId: string) =>
  (await h.request('GET', '/v1/jobs', { token })).body.items.find(
    (d: { pluginId: string; jobId: string }) => d.pluginId === pluginId && d.jobId === jobId,
  );

test('an admin schedule on an unscheduled job makes it fire and is marked as overridden', async () => {
  const { h, token } = await boot(['greeter']);
  const r = await h.request('PUT', '/v1/jobs/greeter/count/schedule', {
    token,
    body: { cron: '* * * * * *' },
  });
  expect(r.status).toBe(200);
  expect(r.body).toMatchObject({ cron: '* * * * * *', defaultCron: null, overridden: true });
  expect(typeof r.body.nextRunAt).toBe('string');
  const run = await waitUntil(
    'a scheduled run',
    async () => (await jobOf(h, token, 'greeter', 'count')).lastRun ?? undefined,
    10_000,
  );
  expect(run.trigger).toBe('schedule');
});

test('a schedule set by an admin survives a restart', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bijou-sched-'));
  dirs.push(dir);
  const first = await boot(['ticker'], dir);
  await first.h.request('PUT', '/v1/jobs/ticker/tick/schedule', {
    token: first.token,
    body: { cron: '0 0 3 * * *' },
  });
  await first.h.stop();
  hosts.splice(0);
  const second = await createTestHost({ plugins: [fx('ticker')], dataDir: dir });
  hosts.push(second);
  const signIn = await second.request('POST', '/api/auth/sign-in/email', {
    body: { email: 'admin@example.com', password: 'admin-password' },
  });
  expect(await jobOf(second, signIn.body.token, 'ticker', 'tick')).toMatchObject({
    cron: '0 0 3 * * *',
    defaultCron: '* * * * * *',
    overridden: true,
  });
});

test('null puts the plugin’s own schedule back', async () => {
  const { h, token } = await boot(['ticker']);
  await h.request('PUT', '/v1/jobs/ticker/tick/schedule', { token, body: { cron: '0 0 3 * * *' } });
  const r = await h.request('PUT', '/v1/jobs/ticker/tick/schedule', { token, body: { cron: null } });
  expect(r.body).toMatchObject({ cron: '* * * * * *', overridden: false });
});

test('a bad pattern answers 422 naming the cron field, and the schedule is unchanged', async () => {
  const { h, token } = await boot(['ticker']);
  const r = await h.request('PUT', '/v1/jobs/ticker/tick/schedule', {
    token,
    body: { cron: 'every tuesday' },
  });
  expect(r.status).toBe(422);
  expect(r.body.details[0].path).toBe('body.cron');
  expect((await jobOf(h, token, 'ticker', 'tick')).cron).toBe('* * * * * *');
});

test('an unknown job answers 404 and a non-admin 403', async () => {
  const { h, token } = await boot(['ticker']);
  const body = { cron: '0 0 3 * * *' };
  expect((await h.request('PUT', '/v1/jobs/ticker/nope/schedule', { token, body })).status).toBe(404);
  const u = await h.user();
  expect((await h.request('PUT', '/v1/jobs/ticker/tick/schedule', { token: u.token, body })).status).toBe(
    403,
  );
});

test('the job list carries the last run of each job', async () => {
  const { h, token } = await boot(['greeter']);
  expect((await jobOf(h, token, 'greeter', 'count')).lastRun).toBeNull();
  const { runId } = (await h.request('POST', '/v1/jobs/greeter/count/trigger', { token })).body;
  expect((await jobOf(h, token, 'greeter', 'count')).lastRun.id).toBe(runId);
});
