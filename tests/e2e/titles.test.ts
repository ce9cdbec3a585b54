// Title pages a household reaches from the grids, in headless Chromium against a real server: cast names lead to
// people pages (a guest star of one episode too, and person search hits), the grid filters by older decades and
// resolution and sorts longest first, admins edit details, and a show page with three seasons fits a phone.
// A movie's files (versions, parts, resuming) are movie-files.test.ts.
import { expect, test } from 'bun:test';
import { waitFor } from './player-media.ts';
import { CASABLANCA_NFO, titlesE2E } from './titles-media.ts';

const HEAT_NFO = `<movie><title>Heat</title><year>1995</year><runtime>170</runtime><genre>Crime</genre>
  <actor><name>Al Pacino</name><role>Vincent Hanna</role></actor><director>Michael Mann</director></movie>`;
const PILOT_NFO = `<episodedetails><title>Pilot</title><season>1</season><episode>1</episode>
  <actor><name>Guest Star</name><role>Witness</role></actor></episodedetails>`;

const e2e = titlesE2E(async (shelf) => {
  await shelf.movie('Heat (1995)', 'Heat (1995).mp4', { nfo: HEAT_NFO });
  await shelf.movie('Casablanca (1942)', 'Casablanca (1942).mp4', { nfo: CASABLANCA_NFO });
  await shelf.movie('Big (1988)', 'Big (1988).mp4', { hd: true });
  const show = 'Show Name (2010)';
  await shelf.episode(`${show}/Season 01/Show Name - S01E01 - Pilot.mp4`, PILOT_NFO);
  await shelf.episode(`${show}/Season 02/Show Name - S02E01 - Return.mp4`);
  await shelf.episode(`${show}/Specials/Show Name - S00E01 - Extra.mp4`);
});

test('a cast name opens the person’s page, which leads back to the title', async () => {
  await e2e.page.goto(`${e2e.base}/movie/${e2e.ids.Heat}`);
  await e2e.heading('Heat').waitFor();
  await e2e.page.locator('.cast').getByRole('link', { name: 'Al Pacino' }).click();
  await e2e.heading('Al Pacino').waitFor();
  const credits = e2e.page.getByRole('list', { name: 'Credits' });
  expect(await credits.textContent()).toContain('Heat (1995) as Vincent Hanna');
  await e2e.shot('titles-person');
  await credits.getByRole('link', { name: 'Heat (1995)' }).click();
  await e2e.heading('Heat').waitFor();
  await e2e.page.locator('.cast').getByRole('link', { name: 'Michael Mann' }).click();
  await e2e.heading('Michael Mann').waitFor();
  expect(await e2e.page.getByRole('list', { name: 'Credits' }).textContent()).toContain(
    'Heat (1995) director',
  );
});

test('a guest star of one episode has a page naming the show and the episode', async () => {
  const show = (await e2e.call<any>('GET', '/v1/shows')).items[0];
  const [pilot] = (await e2e.call<any>('GET', `/v1/shows/${show.id}/seasons/1/episodes`)).items;
  await e2e.page.goto(`${e2e.base}/episode/${pilot.id}`);
  await e2e.heading('Pilot').waitFor();
  await e2e.page.locator('.cast').getByRole('link', { name: 'Guest Star' }).click();
  await e2e.heading('Guest Star').waitFor();
  await e2e.page
    .getByRole('list', { name: 'Credits' })
    .getByRole('link', { name: 'Show Name · S01E01 · Pilot' })
    .click();
  await e2e.heading('Pilot').waitFor();
});

test('a person found by search opens their page', async () => {
  const box = e2e.page.getByRole('combobox', { name: 'Search' });
  await box.fill('pacino');
  await box.press('Enter');
  await e2e.heading('Results for “pacino”').waitFor();
  await e2e.page
    .locator('.results')
    .getByRole('link', { name: /Al Pacino/ })
    .click();
  await e2e.heading('Al Pacino').waitFor();
});

/** Waits until the grid's titles are `expected` (or start with them): the page re-renders after a filter changes. */
const gridShows = (expected: string[], prefix = false) =>
  e2e.page.waitForFunction(
    ([want, head]) => {
      const all = [...document.querySelectorAll('.grid .card .title')].map((t) => t.textContent);
      return JSON.stringify(head ? all.slice(0, want.length) : all) === JSON.stringify(want);
    },
    [expected, prefix] as const,
  );

test('the grid filters by an older decade and by resolution, and sorts longest first', async () => {
  await e2e.page.goto(`${e2e.base}/library/${e2e.ids.movies}`);
  await e2e.heading('Movies').waitFor();
  await e2e.page.getByLabel('Year').selectOption('1940');
  await e2e.page.waitForURL(/decade=1940/);
  await gridShows(['Casablanca']);
  await e2e.page.goto(`${e2e.base}/library/${e2e.ids.movies}`);
  await e2e.page.getByLabel('Resolution').selectOption('720p');
  await e2e.page.waitForURL(/resolution=720p/);
  await gridShows(['Big']);
  await e2e.page.goto(`${e2e.base}/library/${e2e.ids.movies}`);
  await e2e.page.getByLabel('Sort by').selectOption({ label: 'Longest first' });
  await e2e.page.waitForURL(/sort=runtime/);
  await gridShows(['Heat', 'Casablanca'], true);
  await e2e.shot('titles-grid-longest');
});

test('an admin edits a title’s details; the page shows them and a rescan keeps them', async () => {
  await e2e.page.goto(`${e2e.base}/movie/${e2e.ids.Big}`);
  await e2e.heading('Big').waitFor();
  const form = e2e.page.getByRole('form', { name: 'Edit details of Big' });
  expect(await form.isVisible()).toBe(false);
  await e2e.page.getByRole('button', { name: 'Edit details' }).click();
  await form.getByLabel('Title').fill('Big Adventure');
  await form.getByLabel('Year').fill('1989');
  await form.getByLabel(/^Genres/).fill('Comedy, Fantasy');
  await form.getByLabel('Overview').fill('A boy wakes up grown up.');
  await form.getByRole('button', { name: 'Save details' }).click();
  await e2e.heading('Big Adventure').waitFor();
  expect(await e2e.page.getByRole('form', { name: 'Edit details of Big Adventure' }).isVisible()).toBe(false);
  expect(await e2e.page.locator('.facts').textContent()).toBe('1989 · Comedy, Fantasy');
  expect(await e2e.page.locator('.overview').textContent()).toBe('A boy wakes up grown up.');
  expect(await e2e.page.locator('.metadata-edit p').textContent()).toContain('title, year, overview, genres');
  await e2e.shot('titles-edited');
  const { jobId } = await e2e.call<{ jobId: string }>('POST', `/v1/libraries/${e2e.ids.movies}/scan`);
  await waitFor('the rescan', async () => {
    const { scan } = await e2e.call<any>('GET', `/v1/libraries/${e2e.ids.movies}`);
    return scan.jobId === jobId && scan.state !== 'running' && scan.phase === 'done';
  });
  await e2e.page.reload();
  await e2e.heading('Big Adventure').waitFor();
});

test('on a phone, a show with three seasons and its Edit details form open does not scroll sideways', async () => {
  const phone = await e2e.newPage({ width: 390, height: 844 });
  await phone.context().addCookies(await e2e.page.context().cookies());
  const show = (await e2e.call<any>('GET', '/v1/shows')).items[0];
  await phone.goto(`${e2e.base}/show/${show.id}`);
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
