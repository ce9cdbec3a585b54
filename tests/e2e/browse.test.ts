// Browsing in headless Chromium against a real server with a generated TV library and a movie: home → show →
// season → episode, playing an episode so it shows under continue watching, marking it watched so next up offers
// the following one, the richer movie page and its playable trailer, search links to shows and episodes, and the show page on a phone.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { makeMedia } from '../../core/sdk/testing.ts';
import { type E2E, playPastThenPause, startE2E } from './harness.ts';

const SHOW = 'Demo Show (2021)';
const TVSHOW_NFO = `<tvshow><title>Demo Show</title><year>2021</year><genre>Comedy</genre>
  <plot>Two friends test a media server.</plot>
  <actor><name>Ada Actor</name><role>Captain Demo</role><order>0</order></actor></tvshow>`;
const MOVIE_NFO = `<movie><title>Test Movie</title><year>2020</year><plot>A movie for the browser tests.</plot>
  <actor><name>Max Mover</name><role>The Lead</role></actor><director>Dee Rector</director></movie>`;
const VIDEO = [
  ...['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25', '-f', 'lavfi', '-i', 'sine=frequency=440'],
  ...['-t', '10', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-movflags', '+faststart'],
];
const image = (color: string, size: string) => [
  '-f',
  'lavfi',
  '-i',
  `color=c=${color}:s=${size}`,
  '-frames:v',
  '1',
];

let e2e: E2E;
let page: Page;
let base = '';

async function prepare(tmp: string) {
  const shows = join(tmp, 'media', 'Shows', SHOW);
  const movies = join(tmp, 'media', 'Movies', 'Test Movie (2020)');
  const clip = await makeMedia(VIDEO, join(tmp, 'clip.mp4'));
  const place = (to: string) => {
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(clip, to);
  };
  for (const [s, e, title] of [
    [1, 1, 'Pilot'],
    [1, 2, 'Second Chances'],
    [2, 1, 'The Return'],
  ] as const)
    place(join(shows, `Season 0${s}`, `Demo Show - S0${s}E0${e} - ${title}.mp4`));
  writeFileSync(join(shows, 'tvshow.nfo'), TVSHOW_NFO);
  await makeMedia(image('0x3355aa', '300x450'), join(shows, 'poster.jpg'));
  await makeMedia(image('0x6688bb', '640x360'), join(shows, 'fanart.jpg'));
  place(join(movies, 'Test Movie (2020).mp4'));
  place(join(movies, 'Test Movie (2020)-trailer.mp4'));
  writeFileSync(join(movies, 'Test Movie (2020).nfo'), MOVIE_NFO);
  await makeMedia(image('0xaa5533', '300x450'), join(movies, 'poster.jpg'));
}

/** Adds a library, scans it and waits until its files are probed (the player needs codecs). */
async function addLibrary(name: string, kind: 'movies' | 'shows', path: string) {
  const lib = await e2e.call<{ id: string }>('POST', '/v1/libraries', { name, kind, paths: [path] });
  await e2e.call('POST', `/v1/libraries/${lib.id}/scan`);
  for (let i = 0; i < 600; i++) {
    const s = await e2e.call<{ scan: { state: string; finishedAt: string | null } }>(
      'GET',
      `/v1/libraries/${lib.id}`,
    );
    if (s.scan.state !== 'scanning' && s.scan.finishedAt) break;
    await Bun.sleep(100);
  }
  const stats = await e2e.call<any>('GET', `/v1/libraries/${lib.id}/stats`);
  expect(stats.totalFiles).toBeGreaterThan(0);
  for (let i = 0; i < 600; i++) {
    const again = await e2e.call<any>('GET', `/v1/libraries/${lib.id}/stats`);
    if (Object.keys(again.byCodec).length) break;
    await Bun.sleep(100);
  }
}

beforeAll(async () => {
  // Many pages in well under a minute: more than a household's 100 API requests a minute.
  e2e = await startE2E(prepare, { BIJOU_RATE_LIMIT: '100000' });
  page = e2e.page;
  base = e2e.base;
  await e2e.signInAsAdmin();
}, 300_000);

afterAll(async () => {
  await e2e?.stop();
});

const heading = (text: string | RegExp) => e2e.heading(text);
const text = (selector: string) => page.locator(selector).first().textContent();
const goHome = async () => {
  await page.getByRole('link', { name: 'Home', exact: true }).click();
  await heading('Home Cinema').waitFor();
};

test('a fresh server’s home says how to add a library; then the libraries of this file are added', async () => {
  await page.goto(`${base}/`);
  await heading('Home Cinema').waitFor();
  const welcome = page.locator('.empty-state');
  expect(await welcome.getByRole('heading').textContent()).toBe('Welcome! Let’s add your first library');
  expect(await welcome.getByRole('link', { name: 'Add a library' }).getAttribute('href')).toBe(
    '/admin/libraries',
  );
  await e2e.shot('browse-home-empty');
  await addLibrary('Shows', 'shows', join(e2e.tmp, 'media', 'Shows'));
  await addLibrary('Movies', 'movies', join(e2e.tmp, 'media', 'Movies'));
}, 120_000);

test('home lists what was added per library; the show page has artwork, seasons, cast and identification', async () => {
  await page.goto(`${base}/`);
  await heading('Home Cinema').waitFor();
  const shows = page.getByRole('region', { name: 'Recently added in Shows' });
  // The three new episodes span two seasons: one card for the show, not three.
  await shows.getByRole('link', { name: 'Demo Show (3 new episodes)' }).waitFor();
  expect(await shows.getByRole('link').count()).toBe(1);
  await page
    .getByRole('region', { name: 'Recently added in Movies' })
    .getByRole('link', { name: /Test Movie/ })
    .waitFor();
  await shows.getByRole('link', { name: /Demo Show/ }).click();
  await heading('Demo Show').waitFor();
  expect(await text('.facts')).toContain('2021');
  expect(await text('.facts')).toContain('Comedy');
  expect(await text('.overview')).toContain('Two friends');
  expect(await text('.cast')).toContain('Ada Actor as Captain Demo');
  expect(await text('.match')).toContain('method “nfo”, confidence 100%');
  const seasons = page.getByRole('region', { name: 'Seasons' });
  expect(await seasons.getByRole('link').allInnerTexts()).toEqual([
    expect.stringContaining('Season 1'),
    expect.stringContaining('Season 2'),
  ]);
  await page.getByRole('link', { name: '▶ Play S01E01 Pilot' }).waitFor();
  expect(await page.locator('img.poster').evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(300);
  await e2e.shot('browse-show');
});

test('the season page lists the episodes with numbers and play buttons', async () => {
  await page
    .getByRole('region', { name: 'Seasons' })
    .getByRole('link', { name: /Season 1/ })
    .click();
  await heading('Demo Show: Season 1').waitFor();
  const rows = page.locator('.episodes > li');
  expect(await rows.count()).toBe(2);
  expect(await rows.nth(0).textContent()).toContain('E01');
  expect(await rows.nth(0).textContent()).toContain('Pilot');
  expect(await rows.nth(1).textContent()).toContain('E02');
  expect(await rows.nth(1).textContent()).toContain('Second Chances');
  await page.getByRole('link', { name: 'Play E01 Pilot' }).waitFor();
  await page.getByRole('button', { name: 'Mark season watched' }).waitFor();
  await e2e.shot('browse-season');
});

test('the episode page shows its number, file details and identification', async () => {
  await page.locator('.episodes').getByRole('link', { name: 'Pilot', exact: true }).click();
  await heading('Pilot').waitFor();
  expect(await text('.facts')).toContain('S01E01');
  expect(await text('.crumbs')).toContain('Demo Show');
  expect(await text('.crumbs')).toContain('Season 1');
  const files = await text('.files');
  expect(files).toContain('Demo Show - S01E01 - Pilot.mp4');
  expect(files).toContain('Video H.264 (High)');
  expect(files).toContain('320×240');
  expect(files).toContain('AAC · mono');
  expect(await text('.match')).toContain('method “filename”');
  await e2e.shot('browse-episode');
});

test('playing an episode for a bit puts it under continue watching', async () => {
  await page.getByRole('link', { name: '▶ Play' }).click();
  await page.locator('video').waitFor();
  await playPastThenPause(page, 1.5);
  await goHome();
  const row = page.getByRole('region', { name: 'Continue watching' });
  const card = row.getByRole('link', { name: /Demo Show \(S01E01 · Pilot\)/ });
  await card.waitFor();
  expect(await row.locator('.progress').count()).toBe(1);
  await e2e.shot('browse-home-continue');
  await card.click();
  await heading('Pilot').waitFor();
  await page.getByRole('link', { name: /Resume from/ }).waitFor();
});

test('marking the episode watched makes next up offer S01E02', async () => {
  const toggle = page.getByRole('button', { name: 'Mark watched' });
  await toggle.click();
  await page.getByRole('button', { name: '✓ Watched' }).waitFor();
  expect(await page.getByRole('button', { name: '✓ Watched' }).getAttribute('aria-pressed')).toBe('true');
  await goHome();
  const next = page.getByRole('region', { name: 'Next up' });
  await next.getByRole('link', { name: /Demo Show \(S01E02 · Second Chances\)/ }).waitFor();
  expect(await page.getByRole('region', { name: 'Continue watching' }).count()).toBe(0);
  await e2e.shot('browse-home');
  await next.getByRole('link', { name: /S01E02/ }).click();
  await heading('Second Chances').waitFor();
});

test('the movie page shows its poster, cast with roles, file details and extras', async () => {
  await page.goto(`${base}/`);
  await page
    .getByRole('region', { name: 'Recently added in Movies' })
    .getByRole('link', { name: /Test Movie/ })
    .click();
  await heading('Test Movie').waitFor();
  expect(await text('.cast')).toContain('Max Mover as The Lead');
  expect(await text('.cast')).toContain('Dee Rector director');
  const files = await text('.files');
  expect(files).toContain('Test Movie (2020).mp4');
  expect(files).toContain('Video H.264');
  expect(files).toContain('SDR');
  expect(files).toContain('Container MP4');
  expect(await text('.extras')).toContain('Trailer');
  await page.getByRole('button', { name: 'Mark watched' }).click();
  await page.getByRole('button', { name: '✓ Watched' }).waitFor();
  await e2e.shot('browse-movie');
});

test('the movie page plays its trailer, which leaves the movie’s progress alone', async () => {
  const movieUrl = page.url();
  await page
    .locator('.extras')
    .getByRole('link', { name: /^Play Trailer/ })
    .click();
  await heading(/^Test Movie · Trailer/).waitFor();
  await playPastThenPause(page, 1);
  await e2e.shot('browse-trailer');
  await page.getByRole('link', { name: '← Back' }).click();
  await heading('Test Movie').waitFor();
  expect(page.url()).toBe(movieUrl);
  const id = movieUrl.split('/').at(-1);
  expect(await e2e.call<any>('GET', `/v1/movies/${id}`)).toMatchObject({ position: 0, watched: true });
});

test('library pages: the shows grid links to the show and filters by genre and watched state', async () => {
  await goHome();
  await page.locator('.chips').getByRole('link', { name: /Shows/ }).click();
  await heading('Shows').waitFor();
  await page
    .locator('.grid')
    .getByRole('link', { name: /Demo Show \(2021\)/ })
    .waitFor();
  const genre = page.getByLabel('Genre');
  expect(await genre.locator('option').allInnerTexts()).toEqual(['Any genre', 'Comedy (1)']);
  await genre.selectOption('comedy');
  await page.waitForURL(/genre=comedy/);
  await page
    .locator('.grid')
    .getByRole('link', { name: /Demo Show/ })
    .waitFor();
  await page.getByLabel('Watched').selectOption('true');
  await page.getByText('Nothing matches these filters.').waitFor();
  await page.getByLabel('Watched').selectOption('false');
  await page
    .locator('.grid')
    .getByRole('link', { name: /Demo Show/ })
    .click();
  await heading('Demo Show').waitFor();
});

test('search suggestions and results link to shows and episodes', async () => {
  const box = page.getByRole('combobox', { name: 'Search' });
  await box.fill('demo sh');
  const suggestion = page
    .locator('#suggestions')
    .getByRole('link', { name: /Demo Show/ })
    .first();
  await suggestion.waitFor();
  expect(await suggestion.getAttribute('href')).toMatch(/^\/show\//);
  await box.fill('second chances');
  await box.press('Enter');
  await heading(/Results for/).waitFor();
  const result = page.locator('.results').getByRole('link', { name: /Second Chances/ });
  await result.waitFor();
  expect(await result.getAttribute('href')).toMatch(/^\/episode\//);
  await result.click();
  await heading('Second Chances').waitFor();
});

test('a title that is gone says so in words, with a way home', async () => {
  await page.goto(`${base}/movie/no-such-movie`);
  await heading('Not found').waitFor();
  expect(await text('main p')).toContain('not in the library any more');
  await page.getByRole('link', { name: 'Go home' }).click();
  await heading('Home Cinema').waitFor();
});

test('the show page fits a phone screen', async () => {
  const phone = await e2e.newPage({ width: 390, height: 844 });
  await phone.context().addCookies(await page.context().cookies());
  const show = (await e2e.call<any>('GET', '/v1/shows')).items[0];
  await phone.goto(`${base}/show/${show.id}`);
  await e2e.heading('Demo Show', phone).waitFor();
  await e2e.shot('browse-show-phone', phone);
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await phone.context().close();
});
