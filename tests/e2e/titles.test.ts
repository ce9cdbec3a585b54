// Title details a household reaches from the grids, in headless Chromium against a real server: cast names lead to
// people pages (a guest star of one episode too, and person search hits), a movie's versions and parts each say
// which they are and play on their own (part 2 comes up next after part 1), the grid filters by older decades and
// resolution and sorts longest first, admins edit details, and a show page with three seasons fits a phone; Resume
// continues the part a movie was stopped in, and a file not analysed yet says so.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { makeMedia } from '../../core/sdk/testing.ts';
import { type E2E, startE2E } from './harness.ts';
import { waitFor } from './player-media.ts';

const clip = (size: string) => [
  ...['-f', 'lavfi', '-i', `testsrc=size=${size}:rate=25`, '-f', 'lavfi', '-i', 'sine=frequency=440'],
  ...['-t', '4', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-movflags', '+faststart'],
];
const HEAT_NFO = `<movie><title>Heat</title><year>1995</year><runtime>170</runtime><genre>Crime</genre>
  <actor><name>Al Pacino</name><role>Vincent Hanna</role></actor><director>Michael Mann</director></movie>`;
const CASABLANCA_NFO = '<movie><title>Casablanca</title><year>1942</year><runtime>102</runtime></movie>';
const PILOT_NFO = `<episodedetails><title>Pilot</title><season>1</season><episode>1</episode>
  <actor><name>Guest Star</name><role>Witness</role></actor></episodedetails>`;

let e2e: E2E;
let page: Page;
let base = '';
const ids: Record<string, string> = {};

async function prepare(tmp: string) {
  const small = await makeMedia(clip('320x240'), join(tmp, 'small.mp4'));
  const hd = await makeMedia(clip('1280x720'), join(tmp, 'hd.mp4'));
  const place = (from: string, to: string) => {
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
  };
  const movie = (folder: string, file: string, from = small) =>
    place(from, join(tmp, 'media', 'Movies', folder, file));
  movie('Heat (1995)', 'Heat (1995).mp4');
  writeFileSync(join(tmp, 'media', 'Movies', 'Heat (1995)', 'movie.nfo'), HEAT_NFO);
  movie('Casablanca (1942)', 'Casablanca (1942).mp4');
  writeFileSync(join(tmp, 'media', 'Movies', 'Casablanca (1942)', 'movie.nfo'), CASABLANCA_NFO);
  movie('Blade Runner (1982)', 'Blade Runner (1982) - Final Cut.mp4');
  movie('Blade Runner (1982)', 'Blade Runner (1982) - Theatrical Cut.mp4');
  movie('Kill Bill (2003)', 'Kill Bill (2003) - cd1.mp4');
  movie('Kill Bill (2003)', 'Kill Bill (2003) - cd2.mp4');
  movie('Big (1988)', 'Big (1988).mp4', hd);
  const season = join(tmp, 'media', 'Shows', 'Show Name (2010)', 'Season 01');
  place(small, join(season, 'Show Name - S01E01 - Pilot.mp4'));
  place(small, join(season, '..', 'Season 02', 'Show Name - S02E01 - Return.mp4'));
  place(small, join(season, '..', 'Specials', 'Show Name - S00E01 - Extra.mp4'));
  writeFileSync(join(season, 'Show Name - S01E01 - Pilot.nfo'), PILOT_NFO);
}

beforeAll(async () => {
  e2e = await startE2E(prepare, { BIJOU_RATE_LIMIT: '100000' });
  page = e2e.page;
  base = e2e.base;
  await e2e.signInAsAdmin();
  ids.movies = await e2e.addLibrary('Movies', 'movies', join(e2e.tmp, 'media', 'Movies'));
  ids.shows = await e2e.addLibrary('Shows', 'shows', join(e2e.tmp, 'media', 'Shows'));
  for (const m of (await e2e.call<any>('GET', '/v1/movies?limit=100')).items) ids[m.title] = m.id;
  // The resolution filter and the players need probed files.
  await waitFor('the probe of the movies', async () => {
    const stats = await e2e.call<any>('GET', `/v1/libraries/${ids.movies}/stats`);
    return Object.values(stats.byCodec as Record<string, number>).reduce((a, b) => a + b, 0) === 7;
  });
}, 300_000);

afterAll(async () => {
  await e2e?.stop();
});

const heading = (text: string | RegExp) => e2e.heading(text);

test('a cast name opens the person’s page, which leads back to the title', async () => {
  await page.goto(`${base}/movie/${ids.Heat}`);
  await heading('Heat').waitFor();
  await page.locator('.cast').getByRole('link', { name: 'Al Pacino' }).click();
  await heading('Al Pacino').waitFor();
  const credits = page.getByRole('list', { name: 'Credits' });
  expect(await credits.textContent()).toContain('Heat (1995) as Vincent Hanna');
  await e2e.shot('titles-person');
  await credits.getByRole('link', { name: 'Heat (1995)' }).click();
  await heading('Heat').waitFor();
  await page.locator('.cast').getByRole('link', { name: 'Michael Mann' }).click();
  await heading('Michael Mann').waitFor();
  expect(await page.getByRole('list', { name: 'Credits' }).textContent()).toContain('Heat (1995) director');
});

test('a guest star of one episode has a page naming the show and the episode', async () => {
  const show = (await e2e.call<any>('GET', '/v1/shows')).items[0];
  const [pilot] = (await e2e.call<any>('GET', `/v1/shows/${show.id}/seasons/1/episodes`)).items;
  await page.goto(`${base}/episode/${pilot.id}`);
  await heading('Pilot').waitFor();
  await page.locator('.cast').getByRole('link', { name: 'Guest Star' }).click();
  await heading('Guest Star').waitFor();
  await page
    .getByRole('list', { name: 'Credits' })
    .getByRole('link', { name: 'Show Name · S01E01 · Pilot' })
    .click();
  await heading('Pilot').waitFor();
});

test('a person found by search opens their page', async () => {
  const box = page.getByRole('combobox', { name: 'Search' });
  await box.fill('pacino');
  await box.press('Enter');
  await heading('Results for “pacino”').waitFor();
  await page
    .locator('.results')
    .getByRole('link', { name: /Al Pacino/ })
    .click();
  await heading('Al Pacino').waitFor();
});

test('marking a part-played movie watched turns Resume into Play without a reload', async () => {
  const capabilities = { containers: ['mp4'], videoCodecs: ['h264'], audioCodecs: ['aac'] };
  const s = await e2e.call<any>('POST', '/v1/playback/sessions', { itemId: ids.Casablanca, capabilities });
  await e2e.call('POST', `/v1/playback/sessions/${s.sessionId}/heartbeat`, { position: 1.5 });
  await e2e.call('DELETE', `/v1/playback/sessions/${s.sessionId}`);
  await page.goto(`${base}/movie/${ids.Casablanca}`);
  await page.getByRole('link', { name: /Resume from/ }).waitFor();
  await page.getByRole('button', { name: 'Mark watched' }).click();
  await page.getByRole('button', { name: '✓ Watched' }).waitFor();
  await page.getByRole('link', { name: '▶ Play', exact: true }).waitFor();
  expect(await page.getByRole('link', { name: /Resume from|Play from start/ }).count()).toBe(0);
});

test('a movie with two versions names each file and plays the one chosen', async () => {
  await page.goto(`${base}/movie/${ids['Blade Runner']}`);
  await heading('Blade Runner').waitFor();
  const files = page.getByRole('region', { name: 'Files' });
  expect(await files.locator('.which-file h3').allInnerTexts()).toEqual(
    expect.arrayContaining(['Final Cut', 'Theatrical Cut']),
  );
  await e2e.shot('titles-versions');
  const session = page.waitForRequest((r) => r.url().endsWith('/v1/playback/sessions'));
  await files.getByRole('link', { name: 'Play Theatrical Cut' }).click();
  await heading('Blade Runner · Theatrical Cut').waitFor();
  const movie = await e2e.call<any>('GET', `/v1/movies/${ids['Blade Runner']}`);
  const theatrical = movie.files.find((f: any) => f.path.endsWith('Theatrical Cut.mp4'));
  expect((await session).postDataJSON().fileId).toBe(theatrical.id);
  await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0.5);
});

test('a movie in two parts names them, and part 2 can be played', async () => {
  await page.goto(`${base}/movie/${ids['Kill Bill']}`);
  await heading('Kill Bill').waitFor();
  const files = page.getByRole('region', { name: 'Files' });
  expect(await files.locator('.which-file h3').allInnerTexts()).toEqual(['Part 1', 'Part 2']);
  await files.getByRole('link', { name: 'Play Part 2' }).click();
  await heading('Kill Bill · Part 2').waitFor();
});

test('stopped in part 2 of a movie, Resume on its page continues part 2 where it stopped', async () => {
  // Leaving the player of the test before records its own position: let that end first.
  await page.goto(`${base}/movie/${ids['Kill Bill']}`);
  await waitFor(
    'the previous player’s session to end',
    async () => (await e2e.call<any>('GET', '/v1/playback/sessions/active')).items.length === 0,
  );
  const movie = await e2e.call<any>('GET', `/v1/movies/${ids['Kill Bill']}`);
  const part2 = movie.files.find((f: any) => f.part === 2).id;
  const capabilities = { containers: ['mp4'], videoCodecs: ['h264'], audioCodecs: ['aac'] };
  const s = await e2e.call<any>('POST', '/v1/playback/sessions', {
    itemId: ids['Kill Bill'],
    fileId: part2,
    startPosition: 0,
    capabilities,
  });
  await e2e.call('POST', `/v1/playback/sessions/${s.sessionId}/heartbeat`, { position: 2 });
  await e2e.call('DELETE', `/v1/playback/sessions/${s.sessionId}`);
  await page.reload();
  await heading('Kill Bill').waitFor();
  const session = page.waitForResponse((r) => r.url().endsWith('/v1/playback/sessions'));
  await page.getByRole('link', { name: '▶ Resume Part 2 from 0:02' }).click();
  await heading('Kill Bill · Part 2').waitFor();
  expect(await (await session).json()).toMatchObject({ fileId: part2, startPosition: 2 });
  await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 2);
  // Opened with no file named (an old link), the player says which part the server resumed, with nothing up next.
  await page.goto(`${base}/play/${ids['Kill Bill']}`);
  await heading('Kill Bill · Part 2').waitFor();
  expect(await page.locator('.stage').getAttribute('data-next')).toBe('none');
});

/** Jumps to the end of what is playing and waits for the heartbeat that reports it (past 90%). */
async function playToEnd() {
  await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0.3);
  const beat = page.waitForResponse(
    (r) => r.url().includes('/heartbeat') && (r.request().postDataJSON()?.position ?? 0) > 3.6,
  );
  await page.locator('video').evaluate((v: HTMLVideoElement) => {
    v.currentTime = v.duration - 0.2;
  });
  await beat;
}

test('the end of part 1 offers part 2 up next; only the end of part 2 makes the movie watched', async () => {
  await page.goto(`${base}/play/${ids['Kill Bill']}?from=0`);
  await heading('Kill Bill').waitFor();
  await playToEnd();
  const card = page.getByRole('region', { name: 'Up next' });
  await card.waitFor();
  expect(await card.textContent()).toContain('Part 2');
  expect((await e2e.call<any>('GET', `/v1/movies/${ids['Kill Bill']}`)).watched).toBe(false);
  await card.getByRole('button', { name: 'Play now' }).click();
  await heading('Kill Bill · Part 2').waitFor();
  await playToEnd();
  await waitFor(
    'Kill Bill watched',
    async () => (await e2e.call<any>('GET', `/v1/movies/${ids['Kill Bill']}`)).watched,
  );
});

/** Waits until the grid's titles are `expected` (or start with them): the page re-renders after a filter changes. */
const gridShows = (expected: string[], prefix = false) =>
  page.waitForFunction(
    ([want, head]) => {
      const all = [...document.querySelectorAll('.grid .card .title')].map((t) => t.textContent);
      return JSON.stringify(head ? all.slice(0, want.length) : all) === JSON.stringify(want);
    },
    [expected, prefix] as const,
  );

test('the grid filters by an older decade and by resolution, and sorts longest first', async () => {
  await page.goto(`${base}/library/${ids.movies}`);
  await heading('Movies').waitFor();
  await page.getByLabel('Year').selectOption('1940');
  await page.waitForURL(/decade=1940/);
  await gridShows(['Casablanca']);
  await page.goto(`${base}/library/${ids.movies}`);
  await page.getByLabel('Resolution').selectOption('720p');
  await page.waitForURL(/resolution=720p/);
  await gridShows(['Big']);
  await page.goto(`${base}/library/${ids.movies}`);
  await page.getByLabel('Sort by').selectOption({ label: 'Longest first' });
  await page.waitForURL(/sort=runtime/);
  await gridShows(['Heat', 'Casablanca'], true);
  await e2e.shot('titles-grid-longest');
});

test('an admin edits a title’s details; the page shows them and a rescan keeps them', async () => {
  await page.goto(`${base}/movie/${ids.Big}`);
  await heading('Big').waitFor();
  const form = page.getByRole('form', { name: 'Edit details of Big' });
  expect(await form.isVisible()).toBe(false);
  await page.getByRole('button', { name: 'Edit details' }).click();
  await form.getByLabel('Title').fill('Big Adventure');
  await form.getByLabel('Year').fill('1989');
  await form.getByLabel(/^Genres/).fill('Comedy, Fantasy');
  await form.getByLabel('Overview').fill('A boy wakes up grown up.');
  await form.getByRole('button', { name: 'Save details' }).click();
  await heading('Big Adventure').waitFor();
  expect(await page.getByRole('form', { name: 'Edit details of Big Adventure' }).isVisible()).toBe(false);
  expect(await page.locator('.facts').textContent()).toBe('1989 · Comedy, Fantasy');
  expect(await page.locator('.overview').textContent()).toBe('A boy wakes up grown up.');
  expect(await page.locator('.metadata-edit p').textContent()).toContain('title, year, overview, genres');
  await e2e.shot('titles-edited');
  const { jobId } = await e2e.call<{ jobId: string }>('POST', `/v1/libraries/${ids.movies}/scan`);
  await waitFor('the rescan', async () => {
    const { scan } = await e2e.call<any>('GET', `/v1/libraries/${ids.movies}`);
    return scan.jobId === jobId && scan.state !== 'running' && scan.phase === 'done';
  });
  await page.reload();
  await heading('Big Adventure').waitFor();
});

test('on a phone, a show with three seasons and its Edit details form open does not scroll sideways', async () => {
  const phone = await e2e.newPage({ width: 390, height: 844 });
  await phone.context().addCookies(await page.context().cookies());
  const show = (await e2e.call<any>('GET', '/v1/shows')).items[0];
  await phone.goto(`${base}/show/${show.id}`);
  await e2e.heading('Show Name', phone).waitFor();
  expect(await phone.getByRole('region', { name: 'Seasons' }).getByRole('link').count()).toBe(3);
  const overflow = () => phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await overflow()).toBe(0);
  await phone.getByRole('button', { name: 'Edit details' }).click();
  await phone.getByRole('form', { name: 'Edit details of Show Name' }).getByLabel('Overview').waitFor();
  expect(await overflow()).toBe(0);
  await e2e.shot('titles-show-phone-edit', phone);
  await phone.context().close();
});

test('a file that has not been analysed yet says so in its details', async () => {
  // Probing waits in the queue behind the scan; pausing the queue holds a new file there.
  const queue = e2e.bijou.core.queue;
  queue.pause('libraries');
  try {
    const folder = join(e2e.tmp, 'media', 'Pending', 'Fresh (2021)');
    mkdirSync(folder, { recursive: true });
    copyFileSync(join(e2e.tmp, 'small.mp4'), join(folder, 'Fresh (2021).mp4'));
    await e2e.addLibrary('Pending', 'movies', join(e2e.tmp, 'media', 'Pending'));
    const pending = await e2e.call<any>('GET', '/v1/movies?q=Fresh');
    const fresh = pending.items.find((m: any) => m.title === 'Fresh');
    expect((await e2e.call<any>('GET', `/v1/movies/${fresh.id}`)).files[0]).toMatchObject({ probed: false });
    await page.goto(`${base}/movie/${fresh.id}`);
    await heading('Fresh').waitFor();
    const files = page.getByRole('region', { name: 'Files' });
    await files.getByText('Not analysed yet', { exact: false }).waitFor();
    await e2e.shot('titles-not-analysed');
  } finally {
    queue.resume('libraries');
  }
});
