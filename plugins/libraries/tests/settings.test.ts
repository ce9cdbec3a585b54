// The libraries plugin's settings over the API: a rescan schedule that is not a cron pattern is a 422 naming the
// field and changes nothing (it was accepted and silently turned scheduled rescans off); a valid one reschedules
// the rescan job, and an empty one turns it off; the rescan job, when it runs, scans every library. A probe
// concurrency out of its bounds is a 422 too (it was stored as the string "0", and probing never ran).
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { join } from 'node:path';
import { waitUntil } from '@bijou/sdk/testing';
import { removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, listAll, scan, setConfig } from './harness.ts';

let b: Booted;
beforeAll(async () => {
  b = await boot({ probe: false });
});
afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

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

test('a probe concurrency outside 1–8 is refused and changes nothing; digits are stored as a number', async () => {
  await setConfig(b, { probe: false, probeConcurrency: 3 });
  for (const probeConcurrency of [0, 100000, '9']) {
    const r = await b.h.request('PUT', '/v1/plugins/libraries/config', {
      token: b.token,
      body: { rescanCron: '0 */6 * * *', probe: false, probeConcurrency, watch: false },
    });
    expect(r.status).toBe(422);
    expect(r.body.details.map((d: { path: string }) => d.path)).toEqual(['body.probeConcurrency']);
  }
  expect((await stored()).probeConcurrency).toBe(3);
  await setConfig(b, { probe: false, probeConcurrency: '4' });
  expect((await stored()).probeConcurrency).toBe(4);
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

test('the rescan job scans every library: files added since their last scan are found', async () => {
  const root = tempDir();
  await writeTree(root, {
    'movies/Heat (1995)/Heat (1995).mkv': '',
    'shows/Dark/Season 01/Dark - S01E01.mkv': '',
  });
  const movies = await createLibrary(b, 'movies', [join(root, 'movies')]);
  const shows = await createLibrary(b, 'shows', [join(root, 'shows')]);
  await scan(b, movies);
  await scan(b, shows);
  await writeTree(root, {
    'movies/Alien (1979)/Alien (1979).mkv': '',
    'shows/Dark/Season 01/Dark - S01E02.mkv': '',
  });
  const r = await b.h.request('POST', '/v1/jobs/libraries/rescan-all/trigger', { token: b.token });
  expect(r.status).toBe(202);
  await waitUntil('both new files in the catalog', async () => {
    const titles = (await listAll(b, '/v1/movies')).map((m) => m.title);
    const show = (await listAll(b, '/v1/shows'))[0];
    // A season's episodes come in one page: the route takes no ?limit=.
    const episodes = show ? (await get(b, `/v1/shows/${show.id}/seasons/1/episodes`)).items : [];
    return titles.includes('Alien') && episodes.length === 2 ? true : undefined;
  });
});
