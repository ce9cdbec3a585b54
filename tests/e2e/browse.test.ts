// Browsing a TV library in headless Chromium against a real server (media in browse-media.ts): a fresh home, then
// home → show → season → episode, playing an episode so it shows under continue watching, marking it watched so next
// up offers the following one, the shows grid's filters, search links to shows and episodes, and the show page on a
// phone. A movie's page and its trailer are browse-movie.test.ts.
import { expect, test } from 'bun:test';
import { addBrowseLibrary, browseE2E } from './browse-media.ts';
import { playPastThenPause } from './harness.ts';

const e2e = browseE2E();

const heading = (text: string | RegExp) => e2e.heading(text);
const text = (selector: string) => e2e.page.locator(selector).first().textContent();
const goHome = async () => {
  await e2e.page.getByRole('link', { name: 'Home', exact: true }).click();
  await heading('Home Cinema').waitFor();
};

test('a fresh server’s home says how to add a library; then the libraries of this file are added', async () => {
  await e2e.page.goto(`${e2e.base}/`);
  await heading('Home Cinema').waitFor();
  const welcome = e2e.page.locator('.empty-state');
  expect(await welcome.getByRole('heading').textContent()).toBe('Welcome! Let’s add your first library');
  expect(await welcome.getByRole('link', { name: 'Add a library' }).getAttribute('href')).toBe(
    '/admin/libraries',
  );
  await e2e.shot('browse-home-empty');
  await addBrowseLibrary(e2e, 'Shows');
  await addBrowseLibrary(e2e, 'Movies');
}, 120_000);

test('home lists what was added per library; the show page has artwork, seasons, cast and identification', async () => {
  await e2e.page.goto(`${e2e.base}/`);
  await heading('Home Cinema').waitFor();
  const shows = e2e.page.getByRole('region', { name: 'Recently added in Shows' });
  // The three new episodes span two seasons: one card for the show, not three.
  await shows.getByRole('link', { name: 'Demo Show (3 new episodes)' }).waitFor();
  expect(await shows.getByRole('link').count()).toBe(1);
  await e2e.page
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
  const seasons = e2e.page.getByRole('region', { name: 'Seasons' });
  expect(await seasons.getByRole('link').allInnerTexts()).toEqual([
    expect.stringContaining('Season 1'),
    // Named in tvshow.nfo (`<namedseason number="2">`).
    expect.stringContaining('The Sequel'),
  ]);
  await e2e.page.getByRole('link', { name: '▶ Play S01E01 Pilot' }).waitFor();
  expect(await e2e.page.locator('img.poster').evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(300);
  await e2e.shot('browse-show');
});

test('the season page lists the episodes with numbers and play buttons', async () => {
  await e2e.page
    .getByRole('region', { name: 'Seasons' })
    .getByRole('link', { name: /Season 1/ })
    .click();
  await heading('Demo Show: Season 1').waitFor();
  const rows = e2e.page.locator('.episodes > li');
  expect(await rows.count()).toBe(2);
  expect(await rows.nth(0).textContent()).toContain('E01');
  expect(await rows.nth(0).textContent()).toContain('Pilot');
  expect(await rows.nth(1).textContent()).toContain('E02');
  expect(await rows.nth(1).textContent()).toContain('Second Chances');
  await e2e.page.getByRole('link', { name: 'Play E01 Pilot' }).waitFor();
  await e2e.page.getByRole('button', { name: 'Mark season watched' }).waitFor();
  await e2e.shot('browse-season');
});

test('the episode page shows its number, file details and identification', async () => {
  await e2e.page.locator('.episodes').getByRole('link', { name: 'Pilot', exact: true }).click();
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
  await e2e.page.getByRole('link', { name: '▶ Play' }).click();
  await e2e.page.locator('video').waitFor();
  await playPastThenPause(e2e.page, 1.5);
  await goHome();
  const row = e2e.page.getByRole('region', { name: 'Continue watching' });
  const card = row.getByRole('link', { name: /Demo Show \(S01E01 · Pilot\)/ });
  await card.waitFor();
  expect(await row.locator('.progress').count()).toBe(1);
  await e2e.shot('browse-home-continue');
  await card.click();
  await heading('Pilot').waitFor();
  await e2e.page.getByRole('link', { name: /Resume from/ }).waitFor();
});

test('marking the episode watched makes next up offer S01E02', async () => {
  const toggle = e2e.page.getByRole('button', { name: 'Mark watched' });
  await toggle.click();
  await e2e.page.getByRole('button', { name: '✓ Watched' }).waitFor();
  expect(await e2e.page.getByRole('button', { name: '✓ Watched' }).getAttribute('aria-pressed')).toBe('true');
  await goHome();
  const next = e2e.page.getByRole('region', { name: 'Next up' });
  await next.getByRole('link', { name: /Demo Show \(S01E02 · Second Chances\)/ }).waitFor();
  expect(await e2e.page.getByRole('region', { name: 'Continue watching' }).count()).toBe(0);
  await e2e.shot('browse-home');
  await next.getByRole('link', { name: /S01E02/ }).click();
  await heading('Second Chances').waitFor();
});

test('library pages: the shows grid links to the show and filters by genre and watched state', async () => {
  await goHome();
  await e2e.page.locator('.chips').getByRole('link', { name: /Shows/ }).click();
  await heading('Shows').waitFor();
  await e2e.page
    .locator('.grid')
    .getByRole('link', { name: /Demo Show \(2021\)/ })
    .waitFor();
  const genre = e2e.page.getByLabel('Genre');
  expect(await genre.locator('option').allInnerTexts()).toEqual(['Any genre', 'Comedy (1)']);
  await genre.selectOption('comedy');
  await e2e.page.waitForURL(/genre=comedy/);
  await e2e.page
    .locator('.grid')
    .getByRole('link', { name: /Demo Show/ })
    .waitFor();
  await e2e.page.getByLabel('Watched').selectOption('true');
  await e2e.page.getByText('Nothing matches these filters.').waitFor();
  await e2e.page.getByLabel('Watched').selectOption('false');
  await e2e.page
    .locator('.grid')
    .getByRole('link', { name: /Demo Show/ })
    .click();
  await heading('Demo Show').waitFor();
});

test('search suggestions and results link to shows and episodes', async () => {
  const box = e2e.page.getByRole('combobox', { name: 'Search' });
  await box.fill('demo sh');
  const suggestion = e2e.page
    .locator('#suggestions')
    .getByRole('link', { name: /Demo Show/ })
    .first();
  await suggestion.waitFor();
  expect(await suggestion.getAttribute('href')).toMatch(/^\/show\//);
  await box.fill('second chances');
  await box.press('Enter');
  await heading(/Results for/).waitFor();
  const result = e2e.page.locator('.results').getByRole('link', { name: /Second Chances/ });
  await result.waitFor();
  expect(await result.getAttribute('href')).toMatch(/^\/episode\//);
  await result.click();
  await heading('Second Chances').waitFor();
});

test('the show page fits a phone screen', async () => {
  const phone = await e2e.newPage({ width: 390, height: 844 });
  await phone.context().addCookies(await e2e.page.context().cookies());
  const show = (await e2e.call<any>('GET', '/v1/shows')).items[0];
  await phone.goto(`${e2e.base}/show/${show.id}`);
  await e2e.heading('Demo Show', phone).waitFor();
  await e2e.shot('browse-show-phone', phone);
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await phone.context().close();
});
