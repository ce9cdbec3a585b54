// The libraries plugin's settings over the API: a rescan schedule that is not a cron pattern is a 422 naming the
// field and changes nothing (it was accepted and silently turned scheduled rescans off); a valid one reschedules
// the rescan job, and an empty one turns it off.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { type Booted, boot, setConfig } from './harness.ts';

let b: Booted;
beforeAll(async () => {
  b = await boot({ probe: false });
});
afterAll(() => b.h.stop());

const rescanJob = async () =>
  (await b.h.request('GET', '/v1/jobs', { token: b.token })).body.items.find(
    (d: { pluginId: string; jobId: string }) => d.pluginId === 'libraries' && d.jobId === 'rescan-all',
  );
const stored = async () =>
  (await b.h.request('GET', '/v1/plugins/libraries/config', { token: b.token })).body.value;

test('a rescan schedule that is not a cron pattern is refused and changes nothing', async () => {
  await setConfig(b, { rescanCron: '15 4 * * *', probe: false });
  for (const rescanCron of ['every night', '0 25 * * *', '* * *']) {
    const r = await b.h.request('PUT', '/v1/plugins/libraries/config', {
      token: b.token,
      body: { rescanCron, probe: false, probeConcurrency: 2, watch: false },
    });
    expect(r.status).toBe(422);
    expect(r.body.details).toEqual([
      {
        path: 'body.rescanCron',
        message:
          "Expected a cron pattern of five to seven space-separated fields (e.g. '0 */6 * * *'), or empty for none",
      },
    ]);
  }
  expect((await stored()).rescanCron).toBe('15 4 * * *');
  expect((await rescanJob()).cron).toBe('15 4 * * *');
});

test('a valid schedule reschedules the rescan job and an empty one turns it off', async () => {
  await setConfig(b, { rescanCron: '*/30 * * * *', probe: false });
  const job = await rescanJob();
  expect(job.cron).toBe('*/30 * * * *');
  expect(job.nextRunAt).toEqual(expect.any(String));
  await setConfig(b, { rescanCron: '', probe: false });
  expect((await rescanJob()).cron ?? null).toBeNull();
  expect((await stored()).rescanCron).toBe('');
});
