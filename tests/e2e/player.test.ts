// The web player in headless Chromium against a real server: an MKV with two audio tracks and a sidecar English
// subtitle plays as HLS through hls.js; switching audio, subtitles and quality; keyboard shortcuts and the help
// dialog; a far seek; busy transcoder and ended-session errors in words; next episode of a generated two-episode
// show by button and by the "Up next" card; phone and TV sizes.
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from 'bun:test';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { type E2E, startE2E } from './harness.ts';
import { addLibrary, makePlayerMedia, probed, waitFor } from './player-media.ts';

// Playback on a busy 2-core machine can take a while: a time limit, not a timing assertion.
setDefaultTimeout(60_000);

let e2e: E2E;
let page: Page;
let base = '';
let movieId = '';
const episodes: string[] = [];

beforeAll(async () => {
  e2e = await startE2E(makePlayerMedia);
  page = e2e.page;
  base = e2e.base;
  await e2e.signInAsAdmin();
  await addLibrary(e2e, 'Movies', 'movies', join(e2e.tmp, 'media', 'Movies'));
  await addLibrary(e2e, 'Shows', 'shows', join(e2e.tmp, 'media', 'Shows'));
  movieId = (await e2e.call<{ items: { id: string }[] }>('GET', '/v1/movies')).items[0].id;
  const [show] = (await e2e.call<{ items: { id: string }[] }>('GET', '/v1/shows')).items;
  const eps = await e2e.call<{ items: { id: string }[] }>('GET', `/v1/shows/${show.id}/seasons/1/episodes`);
  episodes.push(...eps.items.map((e) => e.id));
  await probed(e2e, movieId, 2);
  for (const id of episodes) await probed(e2e, id, 1);
}, 300_000);

afterAll(async () => {
  await e2e?.stop();
});

interface Created {
  sessionId: string;
  mode: string;
  startPosition: number;
  tracks: { audio: { id: string; language: string; selected: boolean }[] };
}
const videoTime = () => page.locator('video').evaluate((v: HTMLVideoElement) => v.currentTime);
const nextSession = () =>
  page.waitForResponse((r) => r.url().endsWith('/v1/playback/sessions') && r.request().method() === 'POST');
/** Waits until the video plays past `seconds`. */
const playsPast = (seconds: number) =>
  page.waitForFunction((at) => (document.querySelector('video')?.currentTime ?? 0) > at, seconds, {
    timeout: 30_000,
  });
/** Moves the mouse over the video so the control bar (hidden while playing untouched) shows. */
const showControls = async () => {
  const box = (await page.locator('.stage').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 10);
  await page.mouse.move(box.x + box.width / 2, box.y + 20);
};
const control = async (name: string) => {
  await showControls();
  await page.getByRole('button', { name, exact: true }).click();
};
/** Opens S01E01 and waits until it plays and knows its next episode. */
const playFirstEpisode = async () => {
  await page.goto(`${base}/play/${episodes[0]}`);
  await e2e.heading('Demo Show · S01E01 · Pilot').waitFor();
  await page.locator(`.stage[data-next="${episodes[1]}"]`).waitFor();
  await playsPast(0.5);
};
const menu = async (button: string, item: string) => {
  await control(button);
  await page.getByRole('menuitemradio', { name: item }).click();
};

test('an MKV with two audio tracks plays as HLS through hls.js in Chromium', async () => {
  const session = nextSession();
  await page.goto(`${base}/play/${movieId}`);
  const created = (await (await session).json()) as Created;
  expect(created.mode).not.toBe('direct');
  await e2e.heading('Two Tongues').waitFor();
  await playsPast(1.5);
  // What the page fetched (hls.js loads playlists and segments with XHR/fetch, all in Resource Timing).
  const requests = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  expect(requests.some((u) => u.includes('/master.m3u8'))).toBe(true);
  expect(requests.some((u) => /\/playlist\.m3u8/.test(u))).toBe(true);
  expect(requests.some((u) => /\/\d+\.ts\?/.test(u))).toBe(true);
  await expect(page.locator('.player-status').textContent()).resolves.toContain('Direct stream');
});

test('picking the French audio opens a new session with that track, and playback continues', async () => {
  await control('Audio');
  await page.getByRole('menuitemradio', { name: /French/ }).waitFor();
  await e2e.shot('player-audio-menu');
  const before = await videoTime();
  const session = nextSession();
  await page.getByRole('menuitemradio', { name: /French/ }).click();
  const res = await session;
  const created = (await res.json()) as Created;
  const french = created.tracks.audio.find((a) => a.language === 'fre');
  expect(res.request().postDataJSON().audioTrackId).toBe(french?.id);
  expect(french?.selected).toBe(true);
  expect(created.startPosition).toBeGreaterThanOrEqual(before - 1);
  await playsPast(created.startPosition + 1);
  await control('Audio');
  await expect(
    page.getByRole('menuitemradio', { name: /French/ }).getAttribute('aria-checked'),
  ).resolves.toBe('true');
  await page.keyboard.press('Escape');
});

test('turning English subtitles on shows a WebVTT text track with cues', async () => {
  await menu('Subtitles', 'English');
  // The one showing track, once its <track> element has loaded the whole WebVTT file (readyState 2).
  const cues = await page.waitForFunction(
    () => {
      const on = [...document.querySelectorAll('video track')].filter(
        (t) => (t as HTMLTrackElement).track.mode === 'showing',
      ) as HTMLTrackElement[];
      return (
        on.length === 1 &&
        on[0].readyState === 2 &&
        [...(on[0].track.cues ?? [])].map((c) => (c as VTTCue).text)
      );
    },
    null,
    { timeout: 15_000 },
  );
  const texts = (await cues.jsonValue()) as string[];
  expect(texts).toHaveLength(6);
  expect(texts[0]).toBe('Line 1 of the subtitles');
});

test('the lowest quality restarts the session as a transcode that plays, keeping the subtitles', async () => {
  const session = nextSession();
  await menu('Quality', '240p');
  const created = (await (await session).json()) as Created;
  expect(created.mode).toBe('transcode');
  await playsPast(created.startPosition + 1);
  await expect(page.locator('.player-status').textContent()).resolves.toContain('Transcoding');
  const showing = await page
    .locator('video')
    .evaluate((v: HTMLVideoElement) => [...v.textTracks].filter((t) => t.mode === 'showing').length);
  expect(showing).toBe(1);
});

test('keyboard: Space pauses, → seeks forward, ? opens the help and Escape closes it', async () => {
  await page.locator('h1').focus();
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelector('video')?.paused === true);
  const at = await videoTime();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((t) => (document.querySelector('video')?.currentTime ?? 0) >= t + 9, at);
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await help.waitFor();
  await expect(help.textContent()).resolves.toContain('Next episode');
  await e2e.shot('player-help');
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'hidden' });
  expect(new URL(page.url()).pathname).toBe(`/play/${movieId}`);
});

test('a far seek in an HLS stream tells the server, and playback goes on from there', async () => {
  const session = nextSession();
  await page.goto(`${base}/play/${movieId}?from=0`);
  expect(((await (await session).json()) as Created).mode).toBe('remux');
  await playsPast(0.5);
  const seek = page.waitForResponse((r) => r.url().endsWith('/seek') && r.request().method() === 'POST');
  await page.locator('video').evaluate((v: HTMLVideoElement) => {
    v.currentTime = 24;
  });
  const res = await seek;
  expect(res.status()).toBe(200);
  expect(res.request().postDataJSON().position).toBeGreaterThanOrEqual(23.9);
  await playsPast(25);
});

const TRANSCODE_EVERYTHING = { containers: [], videoCodecs: [], audioCodecs: [] };

test('with every transcode slot busy the player says so, and Try now plays once a slot is free', async () => {
  await page.goto(`${base}/play/${movieId}?from=0`);
  await playsPast(0.5);
  // The 240p session of the earlier tests was ended when the page unloaded.
  await waitFor('the earlier transcode to end', async () => {
    const active = await e2e.call<{ items: { mode: string }[] }>('GET', '/v1/playback/sessions/active');
    return !active.items.some((s) => s.mode === 'transcode');
  });
  const holders: Created[] = [];
  for (let i = 0; i < 2; i++) {
    const body = { itemId: movieId, capabilities: TRANSCODE_EVERYTHING };
    holders.push(await e2e.call<Created>('POST', '/v1/playback/sessions', body));
  }
  const refused = nextSession();
  await menu('Quality', '240p');
  expect((await refused).status()).toBe(503);
  const alert = page.getByRole('alert');
  await expect(alert.textContent()).resolves.toMatch(/transcoder slot is busy.*Trying again in \d+ s/);
  await e2e.shot('player-busy');
  await e2e.call('DELETE', `/v1/playback/sessions/${holders[0].sessionId}`);
  const session = nextSession();
  await alert.getByRole('button', { name: 'Try now' }).click();
  const created = (await (await session).json()) as Created;
  expect(created.mode).toBe('transcode');
  await playsPast(created.startPosition + 1);
  await e2e.call('DELETE', `/v1/playback/sessions/${holders[1].sessionId}`);
});

test('a session ended on the server is explained, and Restart playback resumes', async () => {
  const active = await e2e.call<{ items: { sessionId: string }[] }>('GET', '/v1/playback/sessions/active');
  expect(active.items.length).toBe(1);
  await e2e.call('DELETE', `/v1/playback/sessions/${active.items[0].sessionId}`);
  await page.locator('h1').focus();
  await page.keyboard.press('k');
  const alert = page.getByRole('alert');
  await alert.getByRole('button', { name: 'Restart playback' }).waitFor();
  await expect(alert.textContent()).resolves.toMatch(/session was stopped on the server|no longer available/);
  await e2e.shot('player-session-ended');
  const session = nextSession();
  await alert.getByRole('button', { name: 'Restart playback' }).click();
  const created = (await (await session).json()) as Created;
  await playsPast(created.startPosition + 1);
});

test('an episode shows "Show · S01E01 · Title" and the Next episode button plays S01E02', async () => {
  await playFirstEpisode();
  await control('Next episode');
  await e2e.heading('Demo Show · S01E02 · Second').waitFor();
  expect(new URL(page.url()).pathname).toBe(`/play/${episodes[1]}`);
  await playsPast(1);
  await page.locator('.stage[data-next="none"]').waitFor();
  expect(await page.getByRole('button', { name: 'Next episode' }).isVisible()).toBe(false);
});

test('at the end of an episode the "Up next" card counts down and Play now opens the next one', async () => {
  await playFirstEpisode();
  await page.locator('video').evaluate((v: HTMLVideoElement) => {
    v.currentTime = v.duration - 0.5;
  });
  const card = page.getByRole('region', { name: 'Up next' });
  await card.waitFor();
  await expect(card.textContent()).resolves.toMatch(/S01E02 · Second.*Starts in \d+ s/);
  await e2e.shot('player-up-next');
  await card.getByRole('button', { name: 'Play now' }).click();
  await e2e.heading('Demo Show · S01E02 · Second').waitFor();
  await playsPast(1);
});

test('the player fits a phone screen and a TV screen', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}/play/${movieId}`);
  await e2e.heading('Two Tongues').waitFor();
  await playsPast(0.5);
  const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(fits).toBe(true);
  await e2e.shot('player-phone');
  await control('Quality');
  await e2e.shot('player-phone-quality');
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await showControls();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await e2e.shot('player-tv');
  await page.setViewportSize({ width: 1280, height: 800 });
});
