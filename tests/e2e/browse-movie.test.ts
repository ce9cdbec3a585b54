// A movie's page in headless Chromium against a real server (media in browse-media.ts): its cast with roles, file
// details and extras, its trailer playing without touching the movie's progress, and a title that is gone.
import { expect, test } from 'bun:test';
import { browseE2E } from './browse-media.ts';
import { playPastThenPause } from './harness.ts';

const e2e = browseE2E(['Movies']);

const heading = (text: string | RegExp) => e2e.heading(text);
const text = (selector: string) => e2e.page.locator(selector).first().textContent();

test('the movie page shows its poster, cast with roles, file details and extras', async () => {
  await e2e.page.goto(`${e2e.base}/`);
  await e2e.page
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
  await e2e.page.getByRole('button', { name: 'Mark watched' }).click();
  await e2e.page.getByRole('button', { name: '✓ Watched' }).waitFor();
  await e2e.shot('browse-movie');
});

test('the movie page plays its trailer, which leaves the movie’s progress alone', async () => {
  const movieUrl = e2e.page.url();
  await e2e.page
    .locator('.extras')
    .getByRole('link', { name: /^Play Trailer/ })
    .click();
  await heading(/^Test Movie · Trailer/).waitFor();
  await playPastThenPause(e2e.page, 1);
  await e2e.shot('browse-trailer');
  await e2e.page.getByRole('link', { name: '← Back' }).click();
  await heading('Test Movie').waitFor();
  expect(e2e.page.url()).toBe(movieUrl);
  const id = movieUrl.split('/').at(-1);
  expect(await e2e.call<any>('GET', `/v1/movies/${id}`)).toMatchObject({ position: 0, watched: true });
});

test('a title that is gone says so in words, with a way home', async () => {
  await e2e.page.goto(`${e2e.base}/movie/no-such-movie`);
  await heading('Not found').waitFor();
  expect(await text('main p')).toContain('not in the library any more');
  await e2e.page.getByRole('link', { name: 'Go home' }).click();
  await heading('Home Cinema').waitFor();
});
