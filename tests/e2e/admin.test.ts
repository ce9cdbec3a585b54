// The admin pages in headless Chromium against a real server: users (and what a non-admin sees), API keys,
// plugin settings from the schema form with server validation, enable/disable, jobs, transcoding, sessions,
// and libraries: statistics, edit/delete with the folder picker.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { makeMedia, waitUntil } from '../../core/sdk/testing.ts';
import { type E2E, startE2E } from './harness.ts';

let e2e: E2E;
let page: Page;
let mediaDir = '';
let libraryId = '';

beforeAll(async () => {
  e2e = await startE2E(
    async (tmp) => {
      mediaDir = join(tmp, 'media');
      mkdirSync(join(mediaDir, 'Extra Films'), { recursive: true });
      await makeMedia(
        [
          ...['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25', '-f', 'lavfi', '-i', 'sine=frequency=440'],
          ...['-t', '4', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-movflags', '+faststart'],
        ],
        join(mediaDir, 'Movies', 'Admin Movie (2021)', 'Admin Movie (2021).mp4'),
      );
    },
    { BIJOU_RATE_LIMIT: '100000' },
  );
  page = e2e.page;
  await e2e.signInAsAdmin();
  libraryId = await e2e.addLibrary('Movies', 'movies', join(mediaDir, 'Movies'));
}, 300_000);

afterAll(async () => {
  await e2e?.stop();
});

const go = async (path: string, title: string | RegExp) => {
  await page.goto(`${e2e.base}${path}`);
  await e2e.heading(title).waitFor();
};
const acceptNextDialog = () => page.once('dialog', (d) => void d.accept());

test('the Admin menu opens the dashboard, and the admin navigation reaches every section', async () => {
  await page.getByRole('link', { name: 'Admin', exact: true }).click();
  await e2e.heading('Dashboard').waitFor();
  await expect(page.locator('.stats').textContent()).resolves.toContain('users');
  await e2e.shot('admin-01-dashboard');
  const nav = page.getByRole('navigation', { name: 'Admin' });
  await nav.getByRole('link', { name: 'Transcoding' }).click();
  await e2e.heading('Transcoding').waitFor();
  expect(await nav.locator('[aria-current="page"]').textContent()).toBe('Transcoding');
});

test('an admin creates a user; signed in as them there is no Admin menu and admin pages say not allowed', async () => {
  await go('/admin/users', 'Users');
  const form = page.getByRole('form', { name: 'Create a user' });
  await form.getByLabel('Name').fill('Bob');
  await form.getByLabel('Email').fill('bob@example.com');
  await form.getByLabel(/^Password/).fill('bob password 1');
  await form.getByRole('button', { name: 'Create user' }).click();
  await page.getByRole('cell', { name: 'bob@example.com' }).waitFor();
  await e2e.shot('admin-02-users');
  const users = await e2e.call<{ items: { email: string; role: string }[] }>('GET', '/v1/admin/users');
  expect(users.items.find((u) => u.email === 'bob@example.com')?.role).toBe('user');

  const bob = await e2e.newPage({ width: 1280, height: 800 });
  await bob.goto(`${e2e.base}/signin`);
  await bob.getByLabel('Email').fill('bob@example.com');
  await bob.getByLabel('Password').fill('bob password 1');
  await bob.getByRole('button', { name: 'Sign in' }).click();
  await e2e.heading(/^Home Cinema$/, bob).waitFor();
  expect(await bob.getByRole('link', { name: 'Admin', exact: true }).count()).toBe(0);
  await bob.goto(`${e2e.base}/admin/users`);
  await e2e.heading('Not allowed', bob).waitFor();
  expect(await bob.getByRole('cell', { name: 'bob@example.com' }).count()).toBe(0);
  await e2e.shot('admin-03-not-allowed', bob);
  await bob.context().close();
});

test('an API key is shown once and works against the API', async () => {
  await go('/admin/api-keys', 'API keys');
  await page.getByLabel('Key name').fill('Backup script');
  await page.getByRole('button', { name: 'Create key' }).click();
  const key = (await page.getByLabel('New API key').textContent())!.trim();
  expect(key).toStartWith('bij_');
  await page.getByRole('cell', { name: 'Backup script', exact: true }).waitFor();
  await e2e.shot('admin-04-api-keys');
  const res = await fetch(`${e2e.base}/api/auth/session`, { headers: { authorization: `Bearer ${key}` } });
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ via: 'api-key', user: { email: 'ann@example.com' } });
  await page.reload();
  await e2e.heading('API keys').waitFor();
  expect(await page.getByLabel('New API key').count()).toBe(0);
});

test('a plugin setting changed in the schema form is what the API returns', async () => {
  await go('/admin/plugins', 'Plugins');
  const card = page.locator('[data-plugin="libraries"]');
  await card.getByText('Settings of Libraries').click();
  const cron = card.getByLabel('Rescan cron');
  await cron.waitFor();
  await expect(card.getByLabel('Probe concurrency').getAttribute('max')).resolves.toBe('8');
  await cron.fill('0 4 * * *');
  await card.getByRole('button', { name: 'Save settings' }).click();
  await card.getByText('Settings saved.').waitFor();
  const cfg = await e2e.call<{ value: Record<string, unknown> }>('GET', '/v1/plugins/libraries/config');
  expect(cfg.value.rescanCron).toBe('0 4 * * *');
  await e2e.shot('admin-05-plugin-settings');
});

test('a value the server rejects shows its error next to the field', async () => {
  const card = page.locator('[data-plugin="search"]');
  await card.getByText('Settings of Search').click();
  await card.getByLabel('Meili index').fill('not valid!');
  await card.getByRole('button', { name: 'Save settings' }).click();
  const fieldError = card.locator('[data-path="meiliIndex"] .field-error');
  await fieldError.waitFor();
  expect((await fieldError.textContent())!.length).toBeGreaterThan(0);
  await expect(card.getByLabel('Meili index').getAttribute('aria-invalid')).resolves.toBe('true');
  const cfg = await e2e.call<{ value: Record<string, unknown> }>('GET', '/v1/plugins/search/config');
  expect(cfg.value.meiliIndex).toBe('bijou');
  expect(await card.locator('[data-path="meiliKey"] .secret-state').textContent()).toContain('not set');
  await e2e.shot('admin-06-plugin-validation');
});

test('disabling and enabling a plugin from its card', async () => {
  const state = async () => (await e2e.call<{ state: string }>('GET', '/v1/plugins/search')).state;
  acceptNextDialog();
  await page.getByRole('button', { name: 'Disable Search' }).click();
  await page.locator('[data-plugin="search"] .pill', { hasText: 'disabled' }).waitFor();
  expect(await state()).toBe('disabled');
  await page.getByRole('button', { name: 'Enable Search' }).click();
  await page.locator('[data-plugin="search"] .pill', { hasText: 'active' }).waitFor();
  expect(await state()).toBe('active');
});

test('running a job now puts it in the history, and a schedule can be changed', async () => {
  // Enabling search (the test before) starts a reindex of its own; a manual run waits until it is over.
  await waitUntil('the reindex started by enabling search to finish', async () => {
    const jobs = await e2e.call<{ items: { jobId: string; running: boolean }[] }>('GET', '/v1/jobs');
    return !jobs.items.find((j) => j.jobId === 'reindex')?.running;
  });
  await go('/admin/jobs', 'Jobs');
  const history = page.getByRole('table', { name: 'Recent runs' });
  const manualRuns = () =>
    history.getByRole('row').filter({ hasText: 'search · reindex' }).filter({ hasText: 'manual' });
  expect(await manualRuns().count()).toBe(0);
  await page.getByRole('button', { name: 'Run search reindex now' }).click();
  await manualRuns().filter({ hasText: 'succeeded' }).waitFor({ timeout: 20_000 });
  const schedule = page.getByLabel('Schedule of search reindex (cron pattern)');
  await schedule.fill('0 5 * * 1');
  await page.getByRole('button', { name: 'Save schedule of search reindex' }).click();
  await page.getByRole('button', { name: /Reset schedule of search reindex/ }).waitFor();
  const jobs = await e2e.call<{ items: { pluginId: string; jobId: string; cron: string | null }[] }>(
    'GET',
    '/v1/jobs',
  );
  expect(jobs.items.find((j) => j.pluginId === 'search' && j.jobId === 'reindex')?.cron).toBe('0 5 * * 1');
  await schedule.fill('not a schedule');
  await page.getByRole('button', { name: 'Save schedule of search reindex' }).click();
  const error = page.locator('.inline-form .error').first();
  await error.waitFor();
  // Job events redraw the table; the refusal and the typed text stay until the schedule is saved or reset.
  await page.getByRole('button', { name: 'Run search reindex now' }).click();
  await manualRuns().filter({ hasText: 'succeeded' }).nth(1).waitFor({ timeout: 20_000 });
  expect(await error.isVisible()).toBe(true);
  expect(await schedule.inputValue()).toBe('not a schedule');
  await e2e.shot('admin-07-jobs');
}, 60_000);

test('transcoding lists the encoders the probe tried and which work', async () => {
  await go('/admin/transcoding', 'Transcoding');
  const encoders = page.getByRole('table', { name: 'Encoders tried at boot' });
  await encoders.getByRole('row', { name: /libx264.*works/ }).waitFor();
  await e2e.shot('admin-08-transcoding');
});

test('a playback session started through the API shows on the sessions page and can be ended there', async () => {
  const movies = await e2e.call<{ items: { id: string }[] }>('GET', `/v1/movies?library=${libraryId}`);
  const started = await e2e.call<{ sessionId: string }>('POST', '/v1/playback/sessions', {
    itemId: movies.items[0].id,
    capabilities: { containers: ['mp4'], videoCodecs: ['h264'], audioCodecs: ['aac'] },
    client: 'Living room TV',
  });
  await go('/admin/sessions', 'Active sessions');
  const row = page.getByRole('row', { name: /Admin Movie.*Living room TV/ });
  await row.waitFor();
  await e2e.shot('admin-09-sessions');
  acceptNextDialog();
  await row.getByRole('button', { name: /^End / }).click();
  await page.getByText('Nobody is playing anything right now.').waitFor();
  const active = await e2e.call<{ items: { sessionId: string }[] }>('GET', '/v1/playback/sessions/active');
  expect(active.items.map((s) => s.sessionId)).not.toContain(started.sessionId);
});

test('a library’s row says its kind and last scan in words, and its stats open from it', async () => {
  await waitUntil('the probe of the movie', async () => {
    const s = await e2e.call<{ byCodec: object }>('GET', `/v1/libraries/${libraryId}/stats`);
    return Object.keys(s.byCodec).length > 0;
  });
  await go('/admin/libraries', 'Libraries');
  const row = page.locator(`li[data-library="${libraryId}"]`);
  expect(await row.locator('.lib-head').textContent()).toContain('Movies · ');
  expect(await row.locator('.scan-text').textContent()).toBe('Scan finished — 1 file, 1 added, 0 updated');
  await page.getByRole('button', { name: 'Stats of Movies' }).click();
  const stats = page.locator(`li[data-library="${libraryId}"] .lib-stats`);
  await stats.waitFor();
  const want = ['Titles1 movie', 'Video files1 file · ', 'ResolutionSD 1', 'HDRSDR 1', 'H.264 1', 'MP4 1'];
  for (const words of want) expect(await stats.textContent()).toContain(words);
  await e2e.shot('admin-09-library-stats');
});

test('libraries: the folder picker fills the path, a library is renamed, and one is deleted', async () => {
  await go('/admin/libraries', 'Libraries');
  const form = page.getByRole('form', { name: 'Add a library' });
  await form.getByLabel('Kind').selectOption({ label: 'TV shows' });
  expect(await form.getByLabel('Name').inputValue()).toBe('TV shows');
  await form.getByLabel('Kind').selectOption({ label: 'Movies' });
  await form.getByLabel('Name').fill('Extras');
  await form.getByLabel('Folder path on the server').fill(mediaDir);
  await form.getByRole('button', { name: 'Browse server folders' }).click();
  const dialog = page.getByRole('dialog', { name: 'Choose a folder' });
  await dialog.getByRole('button', { name: /Extra Films/ }).click();
  await dialog.getByText(join(mediaDir, 'Extra Films')).waitFor();
  await e2e.shot('admin-10-folder-picker');
  await dialog.getByRole('button', { name: 'Choose this folder' }).click();
  await page.waitForFunction(
    (want) => (document.getElementById('new-library-path') as HTMLInputElement).value === want,
    join(mediaDir, 'Extra Films'),
  );
  await form.getByRole('button', { name: 'Add library and scan' }).click();
  await page.getByRole('button', { name: 'Edit Extras' }).waitFor();

  await page.getByRole('button', { name: 'Edit Movies' }).click();
  await page.getByRole('form', { name: 'Edit Movies' }).getByLabel('Name').fill('Films');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('button', { name: 'Edit Films' }).waitFor();
  expect((await e2e.call<{ name: string }>('GET', `/v1/libraries/${libraryId}`)).name).toBe('Films');

  acceptNextDialog();
  await page.getByRole('button', { name: 'Delete Extras' }).click();
  await page.getByRole('button', { name: 'Edit Extras' }).waitFor({ state: 'detached' });
  const libs = await e2e.call<{ items: { name: string }[] }>('GET', '/v1/libraries');
  expect(libs.items.map((l) => l.name)).toEqual(['Films']);
  await e2e.shot('admin-11-libraries');
});
