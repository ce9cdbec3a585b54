// The web player in headless Chromium against a real server: the next episode of a generated two-episode show by
// button and by the "Up next" card, and the player at phone and TV sizes. An MKV's tracks, quality, keys, seeks and
// errors: player-hls.test.ts.
import { expect, setDefaultTimeout, test } from 'bun:test';
import { playerControls } from './player-controls.ts';
import { playerE2E } from './player-media.ts';

// Playback on a busy 2-core machine can take a while: a time limit, not a timing assertion.
setDefaultTimeout(60_000);

const e2e = playerE2E();
const { playsPast, showControls, control } = playerControls(e2e);

/** Opens S01E01 and waits until it plays and knows its next episode. */
const playFirstEpisode = async () => {
  await e2e.page.goto(`${e2e.base}/play/${e2e.episodes[0]}`);
  await e2e.heading('Demo Show · S01E01 · Pilot').waitFor();
  await e2e.page.locator(`.stage[data-next="${e2e.episodes[1]}"]`).waitFor();
  await playsPast(0.5);
};

test('an episode shows "Show · S01E01 · Title" and the Next episode button plays S01E02', async () => {
  await playFirstEpisode();
  await control('Next episode');
  await e2e.heading('Demo Show · S01E02 · Second').waitFor();
  expect(new URL(e2e.page.url()).pathname).toBe(`/play/${e2e.episodes[1]}`);
  await playsPast(1);
  await e2e.page.locator('.stage[data-next="none"]').waitFor();
  expect(await e2e.page.getByRole('button', { name: 'Next episode' }).isVisible()).toBe(false);
});

test('at the end of an episode the "Up next" card counts down and Play now opens the next one', async () => {
  await playFirstEpisode();
  await e2e.page.locator('video').evaluate((v: HTMLVideoElement) => {
    v.currentTime = v.duration - 0.5;
  });
  const card = e2e.page.getByRole('region', { name: 'Up next' });
  await card.waitFor();
  await expect(card.textContent()).resolves.toMatch(/S01E02 · Second.*Starts in \d+ s/);
  await e2e.shot('player-up-next');
  await card.getByRole('button', { name: 'Play now' }).click();
  await e2e.heading('Demo Show · S01E02 · Second').waitFor();
  await playsPast(1);
});

test('the player fits a phone screen and a TV screen', async () => {
  await e2e.page.setViewportSize({ width: 390, height: 844 });
  await e2e.page.goto(`${e2e.base}/play/${e2e.movieId}`);
  await e2e.heading('Two Tongues').waitFor();
  await playsPast(0.5);
  const fits = await e2e.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(fits).toBe(true);
  await e2e.shot('player-phone');
  await control('Quality');
  await e2e.shot('player-phone-quality');
  await e2e.page.keyboard.press('Escape');
  await e2e.page.setViewportSize({ width: 1920, height: 1080 });
  await showControls();
  expect(await e2e.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await e2e.shot('player-tv');
  await e2e.page.setViewportSize({ width: 1280, height: 800 });
});
