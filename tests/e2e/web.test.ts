// The web client end to end in headless Chromium against a real server: setup wizard, library scan with live
// progress, browsing, playback with resume, typo-tolerant search, sign out and in, the admin libraries page, and
// open pages following a scan that finishes.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { makeMedia } from '../../core/sdk/testing.ts';
import { ADMIN, type E2E, playPastThenPause, startE2E } from './harness.ts';

let e2e: E2E;
let page: Page;
let base = '';
let moviesDir = '';

beforeAll(async () => {
  e2e = await startE2E(async (tmp) => {
    moviesDir = join(tmp, 'media', 'Movies');
    await makeMedia(
      [
        ...['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25', '-f', 'lavfi', '-i', 'sine=frequency=440'],
        ...['-t', '6', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-movflags', '+faststart'],
      ],
      join(moviesDir, 'Test Movie (2020)', 'Test Movie (2020).mp4'),
    );
  });
  page = e2e.page;
  base = e2e.base;
}, 300_000);

afterAll(async () => {
  await e2e?.stop();
});

const shot = (name: string) => e2e.shot(name);
const heading = (text: string | RegExp) => e2e.heading(text);
const videoTime = () => page.locator('video').evaluate((v: HTMLVideoElement) => v.currentTime);

test('first run: the setup wizard creates the admin, adds a library and shows the scan finish', async () => {
  await page.goto(`${base}/`);
  await heading('Welcome to Bijou').waitFor();
  expect(new URL(page.url()).pathname).toBe('/setup');
  await page.getByLabel('Server name').fill('Home Cinema');
  await page.getByLabel('Your name').fill(ADMIN.name);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel(/^Password/).fill(ADMIN.password);
  await shot('01-setup-account');
  await page.getByRole('button', { name: 'Create admin account' }).click();
  await heading('Add your media').waitFor();
  await page.getByLabel('Folder path on the server').fill(moviesDir);
  await page.getByRole('button', { name: 'Add library and scan' }).click();
  await page.locator('.scan.done').waitFor({ timeout: 20_000 });
  await expect(page.locator('.scan-text').textContent()).resolves.toContain('Scan finished');
  expect(await page.locator('.scan progress').evaluate((p: HTMLProgressElement) => p.value)).toBe(100);
  await shot('02-setup-library');
});

test('home lists the new movie; the library grid and the movie page show it', async () => {
  await page.getByRole('link', { name: 'Go to my library' }).click();
  await heading('Home Cinema').waitFor();
  await page
    .getByRole('link', { name: /Test Movie/ })
    .first()
    .waitFor();
  await shot('03-home');
  await page
    .locator('.chips')
    .getByRole('link', { name: /Movies/ })
    .click();
  await heading('Movies').waitFor();
  const card = page.locator('.grid').getByRole('link', { name: /Test Movie \(2020\)/ });
  await card.waitFor();
  // No poster on disk: the placeholder names the title.
  expect(await card.locator('.placeholder').textContent()).toBe('Test Movie');
  await shot('04-library');
  await card.click();
  await heading('Test Movie').waitFor();
  const art = await page.locator('.poster.placeholder').boundingBox();
  expect(Math.round((art!.height / art!.width) * 10) / 10).toBe(1.5);
  expect(await page.locator('.files code').textContent()).toBe('Test Movie (2020).mp4');
  await expect(page.locator('.match').textContent()).resolves.toContain('filename');
  await expect(page.locator('.files').textContent()).resolves.toContain('Test Movie (2020).mp4');
  await shot('05-movie');
});

test('play: the video advances, pausing stores the position, and coming back resumes there', async () => {
  await page.getByRole('link', { name: /Play/ }).first().click();
  await page.locator('video').waitFor();
  await playPastThenPause(page, 1.5);
  const saved = await videoTime();
  expect(saved).toBeGreaterThan(1.5);
  await shot('06-player');
  await page.getByRole('link', { name: '← Back' }).click();
  await heading('Test Movie').waitFor();
  const resume = page.getByRole('link', { name: /Resume from/ });
  await resume.waitFor();
  const session = page.waitForResponse(
    (r) => r.url().endsWith('/v1/playback/sessions') && r.status() === 201,
  );
  await resume.click();
  const started = (await (await session).json()) as { startPosition: number; mode: string };
  expect(started.mode).toBe('direct');
  expect(Math.abs(started.startPosition - saved)).toBeLessThan(1.5);
  await page.waitForFunction((at) => (document.querySelector('video')?.currentTime ?? 0) >= at - 0.5, saved, {
    timeout: 15_000,
  });
  expect(await videoTime()).toBeGreaterThanOrEqual(saved - 0.5);
});

test('search: live suggestions, then a typo finds the movie and the result opens it', async () => {
  const box = page.getByRole('combobox', { name: 'Search' });
  await box.fill('tes');
  const suggestion = page.locator('#suggestions').getByRole('link', { name: /Test Movie/ });
  await suggestion.waitFor();
  await box.fill('moive');
  await box.press('Enter');
  await heading(/Results for/).waitFor();
  const result = page.locator('.results').getByRole('link', { name: /Test Movie/ });
  await result.waitFor();
  await shot('07-search');
  await page.reload();
  await result.waitFor();
  expect(await box.inputValue()).toBe('moive');
  await result.click();
  await heading('Test Movie').waitFor();
});

test('sign out and in again; the admin libraries page rescans with live progress', async () => {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await heading(/Sign in to/).waitFor();
  await page.goto(`${base}/admin/libraries`);
  await heading(/Sign in to/).waitFor();
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await heading('Home Cinema').waitFor();
  await page.getByRole('link', { name: 'Admin', exact: true }).click();
  await heading('Dashboard').waitFor();
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Libraries' }).click();
  await heading('Libraries').waitFor();
  await page.locator('.libraries').getByRole('button', { name: 'Scan' }).click();
  await page.locator('.libraries .scan.done').waitFor({ timeout: 20_000 });
  await shot('08-admin-libraries');
  const res = await fetch(`${base}/v1/no-such-route`);
  expect(res.status).toBe(404);
  expect(await res.json()).toEqual({ error: expect.any(String) });
});

/** Another signed-in tab at `path`, its event stream connected (so it hears a scan finish). */
async function openTab(path: string): Promise<Page> {
  const tab = await e2e.newPage({ width: 1280, height: 800 });
  await tab.context().addCookies(await page.context().cookies());
  const events = tab.waitForResponse((r) => r.url().includes('/v1/events'));
  await tab.goto(`${base}${path}`);
  await events;
  return tab;
}

test('a scan finishing while pages are open: an empty library shows its titles, home offers them', async () => {
  const laterDir = join(e2e.tmp, 'media', 'Later');
  mkdirSync(laterDir, { recursive: true });
  await page.goto(`${base}/admin/libraries`);
  const form = page.getByRole('form', { name: 'Add a library' });
  await form.getByLabel('Name').fill('Later');
  await form.getByLabel('Folder path on the server').fill(laterDir);
  await form.getByRole('button', { name: 'Add library and scan' }).click();
  const later = page.locator('li[data-library]', { hasText: 'Later' });
  await later.locator('.scan.done').waitFor();
  const grid = await openTab((await later.getByRole('link', { name: 'Later' }).getAttribute('href'))!);
  await grid.getByText('Nothing in this library yet.').waitFor();
  const home = await openTab('/');
  await e2e.heading('Home Cinema', home).waitFor();

  mkdirSync(join(laterDir, 'Later Movie (2022)'));
  copyFileSync(
    join(moviesDir, 'Test Movie (2020)', 'Test Movie (2020).mp4'),
    join(laterDir, 'Later Movie (2022)', 'Later Movie (2022).mp4'),
  );
  await page.getByRole('button', { name: 'Scan Later' }).click();
  await later.locator('.scan.done').waitFor();

  await grid
    .locator('.grid')
    .getByRole('link', { name: /Later Movie/ })
    .waitFor();
  const note = home.getByRole('status').filter({ hasText: 'A scan found new or changed titles.' });
  await note.waitFor();
  await e2e.shot('09-home-scan-note', home);
  await note.getByRole('button', { name: 'Show them' }).click();
  await home
    .getByRole('region', { name: 'Recently added in Later' })
    .getByRole('link', { name: /Later Movie/ })
    .waitFor();
  await grid.context().close();
  await home.context().close();
});
