// /v1/jobs over a full boot: manual trigger with overrun protection, progress, cancellation, the definitions
// list, runs interrupted by a killed process, and cron schedules firing.
import { Database } from 'bun:sqlite';
import { expect, test } from 'bun:test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestHost, type TestHost } from '@bijou/sdk/testing';
import { cleanUpAfterTests } from './cleanup.ts';

const ROOT = resolve(import.meta.dir, '../..');
const fx = (id: string) => join(ROOT, 'tests/fixtures/plugins', id);

interface Run {
  id: string;
  pluginId: string;
  jobId: string;
  trigger: string;
  state: string;
  progress: number;
  finishedAt: string | null;
}

const { hosts, dirs } = cleanUpAfterTests();

async function boot(ids: string[], dataDir?: string): Promise<{ h: TestHost; token: string }> {
  const h = await createTestHost({ plugins: ids.map(fx), dataDir });
  hosts.push(h);
  return { h, token: await h.admin() };
}

async function getRun(h: TestHost, token: string, id: string): Promise<Run> {
  const r = await h.request('GET', `/v1/jobs/runs/${id}`, { token });
  expect(r.status).toBe(200);
  return r.body;
}

async function waitForRun(h: TestHost, token: string, id: string, done: (r: Run) => boolean): Promise<Run> {
  const end = Date.now() + 15_000;
  for (;;) {
    const run = await getRun(h, token, id);
    if (done(run)) return run;
    if (Date.now() > end) throw new Error(`run ${id} stuck in ${run.state}`);
    await Bun.sleep(10);
  }
}

test('triggering a job answers 202 with a run id; a second trigger while it runs answers 409', async () => {
  const { h, token } = await boot(['greeter']);
  const first = await h.request('POST', '/v1/jobs/greeter/count/trigger', { token });
  expect(first.status).toBe(202);
  expect(typeof first.body.runId).toBe('string');
  const second = await h.request('POST', '/v1/jobs/greeter/count/trigger', { token });
  expect(second.status).toBe(409);
  expect(second.body.error).toContain(first.body.runId);
  await waitForRun(h, token, first.body.runId, (r) => r.state !== 'running');
});

test('a run reports rising progress and ends succeeded with progress 1', async () => {
  const { h, token } = await boot(['greeter']);
  const { runId } = (await h.request('POST', '/v1/jobs/greeter/count/trigger', { token })).body;
  const seen: number[] = [];
  const final = await waitForRun(h, token, runId, (r) => {
    seen.push(r.progress);
    return r.state !== 'running';
  });
  expect(final).toMatchObject({ state: 'succeeded', progress: 1, trigger: 'manual' });
  expect(final.finishedAt).not.toBeNull();
  expect(seen.some((p) => p > 0 && p < 1)).toBe(true);
  expect(seen).toEqual([...seen].sort((a, b) => a - b));
});

test('cancelling a running job ends it cancelled; cancelling it again answers 409', async () => {
  const { h, token } = await boot(['greeter']);
  const { runId } = (await h.request('POST', '/v1/jobs/greeter/count/trigger', { token })).body;
  const cancel = await h.request('POST', `/v1/jobs/runs/${runId}/cancel`, { token });
  expect(cancel).toMatchObject({ status: 200, body: { ok: true } });
  const final = await waitForRun(h, token, runId, (r) => r.state !== 'running');
  expect(final.state).toBe('cancelled');
  expect(final.progress).toBeLessThan(1);
  expect((await h.request('POST', `/v1/jobs/runs/${runId}/cancel`, { token })).status).toBe(409);
});

test('GET /v1/jobs lists declared jobs with their schedules', async () => {
  const { h, token } = await boot(['greeter', 'ticker']);
  const r = await h.request('GET', '/v1/jobs', { token });
  expect(r.status).toBe(200);
  const byId = Object.fromEntries(r.body.items.map((d: any) => [`${d.pluginId}:${d.jobId}`, d]));
  expect(byId['greeter:count']).toMatchObject({ cron: null, nextRunAt: null, running: false });
  expect(byId['greeter:count'].description).toContain('Counts to ten');
  expect(byId['ticker:tick']).toMatchObject({ cron: '* * * * * *' });
  expect(typeof byId['ticker:tick'].nextRunAt).toBe('string');
});

test('a run left running by a killed process is marked interrupted at the next boot', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bijou-jobs-'));
  dirs.push(dataDir);
  const { h } = await boot(['greeter'], dataDir);
  await h.stop();
  const db = new Database(join(dataDir, 'bijou.sqlite'));
  db.run(
    `INSERT INTO core_job_runs (id, plugin_id, job_id, trigger, state, progress, started_at)
     VALUES ('left-running', 'greeter', 'count', 'manual', 'running', 0.4, ?)`,
    [new Date().toISOString()],
  );
  db.close();

  const signIn = async (host: TestHost) =>
    (
      await host.request('POST', '/api/auth/sign-in/email', {
        body: { email: 'admin@example.com', password: 'admin-password' },
      })
    ).body.token as string;
  const next = await createTestHost({ plugins: [fx('greeter')], dataDir });
  hosts.push(next);
  const run = await getRun(next, await signIn(next), 'left-running');
  expect(run.state).toBe('interrupted');
  expect(run.finishedAt).not.toBeNull();
});

test('a cron job fires on its schedule and records a run triggered by the schedule', async () => {
  const { h, token } = await boot(['ticker']);
  const end = Date.now() + 10_000;
  let runs: Run[] = [];
  while (Date.now() < end) {
    runs = (await h.request('GET', '/v1/jobs/runs?pluginId=ticker', { token })).body.items;
    if (runs.some((r) => r.state === 'succeeded')) break;
    await Bun.sleep(50);
  }
  const done = runs.find((r) => r.state === 'succeeded');
  expect(done).toMatchObject({ pluginId: 'ticker', jobId: 'tick', trigger: 'schedule', progress: 1 });
});
