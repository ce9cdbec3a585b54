// The web player in headless Chromium against a real server, on an MKV with two audio tracks and a sidecar English
// subtitle: it plays as HLS through hls.js; switching audio, subtitles and quality; keyboard shortcuts and the help
// dialog; a far seek; busy transcoder and ended-session errors in words. Episodes and screen sizes:
// player-episodes.test.ts.
import { expect, setDefaultTimeout, test } from 'bun:test';
import { playerControls } from './player-controls.ts';
import { playerE2E, waitFor } from './player-media.ts';

// Playback on a busy 2-core machine can take a while: a time limit, not a timing assertion.
setDefaultTimeout(60_000);

const e2e = playerE2E();
const { videoTime, nextSession, playsPast, control, menu } = playerControls(e2e);

interface Created {
  sessionId: string;
  mode: string;
  startPosition: number;
  tracks: { audio: { id: string; language: string; selected: boolean }[] };
}

test('an MKV with two audio tracks plays as HLS through hls.js in Chromium', async () => {
  const session = nextSession();
  await e2e.page.goto(`${e2e.base}/play/${e2e.movieId}`);
  const created = (await (await session).json()) as Created;
  expect(created.mode).not.toBe('direct');
  await e2e.heading('Two Tongues').waitFor();
  await playsPast(1.5);
  // What the page fetched (hls.js loads playlists and segments with XHR/fetch, all in Resource Timing).
  const requests = await e2e.page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  expect(requests.some((u) => u.includes('/master.m3u8'))).toBe(true);
  expect(requests.some((u) => /\/playlist\.m3u8/.test(u))).toBe(true);
  expect(requests.some((u) => /\/\d+\.ts\?/.test(u))).toBe(true);
  await expect(e2e.page.locator('.player-status').textContent()).resolves.toContain('Direct stream');
});

test('picking the French audio opens a new session with that track, and playback continues', async () => {
  await control('Audio');
  await e2e.page.getByRole('menuitemradio', { name: /French/ }).waitFor();
  await e2e.shot('player-audio-menu');
  const before = await videoTime();
  const session = nextSession();
  await e2e.page.getByRole('menuitemradio', { name: /French/ }).click();
  const res = await session;
  const created = (await res.json()) as Created;
  const french = created.tracks.audio.find((a) => a.language === 'fre');
  expect(res.request().postDataJSON().audioTrackId).toBe(french?.id);
  expect(french?.selected).toBe(true);
  expect(created.startPosition).toBeGreaterThanOrEqual(before - 1);
  await playsPast(created.startPosition + 1);
  await control('Audio');
  await expect(
    e2e.page.getByRole('menuitemradio', { name: /French/ }).getAttribute('aria-checked'),
  ).resolves.toBe('true');
  await e2e.page.keyboard.press('Escape');
});

test('turning English subtitles on shows a WebVTT text track with cues', async () => {
  await menu('Subtitles', 'English');
  // The one showing track, once its <track> element has loaded the whole WebVTT file (readyState 2).
  const cues = await e2e.page.waitForFunction(
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
  await expect(e2e.page.locator('.player-status').textContent()).resolves.toContain('Transcoding');
  const showing = await e2e.page
    .locator('video')
    .evaluate((v: HTMLVideoElement) => [...v.textTracks].filter((t) => t.mode === 'showing').length);
  expect(showing).toBe(1);
});

test('keyboard: Space pauses, → seeks forward, ? opens the help and Escape closes it', async () => {
  await e2e.page.locator('h1').focus();
  await e2e.page.keyboard.press('Space');
  await e2e.page.waitForFunction(() => document.querySelector('video')?.paused === true);
  const at = await videoTime();
  await e2e.page.keyboard.press('ArrowRight');
  await e2e.page.waitForFunction((t) => (document.querySelector('video')?.currentTime ?? 0) >= t + 9, at);
  await e2e.page.keyboard.press('?');
  const help = e2e.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await help.waitFor();
  await expect(help.textContent()).resolves.toContain('Next episode');
  await e2e.shot('player-help');
  await e2e.page.keyboard.press('Escape');
  await help.waitFor({ state: 'hidden' });
  expect(new URL(e2e.page.url()).pathname).toBe(`/play/${e2e.movieId}`);
});

test('a far seek in an HLS stream tells the server, and playback goes on from there', async () => {
  const session = nextSession();
  await e2e.page.goto(`${e2e.base}/play/${e2e.movieId}?from=0`);
  expect(((await (await session).json()) as Created).mode).toBe('remux');
  await playsPast(0.5);
  const seek = e2e.page.waitForResponse((r) => r.url().endsWith('/seek') && r.request().method() === 'POST');
  await e2e.page.locator('video').evaluate((v: HTMLVideoElement) => {
    v.currentTime = 24;
  });
  const res = await seek;
  expect(res.status()).toBe(200);
  expect(res.request().postDataJSON().position).toBeGreaterThanOrEqual(23.9);
  await playsPast(25);
});

const TRANSCODE_EVERYTHING = { containers: [], videoCodecs: [], audioCodecs: [] };

test('with every transcode slot busy the player says so, and Try now plays once a slot is free', async () => {
  await e2e.page.goto(`${e2e.base}/play/${e2e.movieId}?from=0`);
  await playsPast(0.5);
  // The 240p session of the earlier tests was ended when the page unloaded.
  await waitFor('the earlier transcode to end', async () => {
    const active = await e2e.call<{ items: { mode: string }[] }>('GET', '/v1/playback/sessions/active');
    return !active.items.some((s) => s.mode === 'transcode');
  });
  const holders: Created[] = [];
  for (let i = 0; i < 2; i++) {
    const body = { itemId: e2e.movieId, capabilities: TRANSCODE_EVERYTHING };
    holders.push(await e2e.call<Created>('POST', '/v1/playback/sessions', body));
  }
  const refused = nextSession();
  await menu('Quality', '240p');
  expect((await refused).status()).toBe(503);
  const alert = e2e.page.getByRole('alert');
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
  await e2e.page.locator('h1').focus();
  await e2e.page.keyboard.press('k');
  const alert = e2e.page.getByRole('alert');
  await alert.getByRole('button', { name: 'Restart playback' }).waitFor();
  await expect(alert.textContent()).resolves.toMatch(/session was stopped on the server|no longer available/);
  await e2e.shot('player-session-ended');
  const session = nextSession();
  await alert.getByRole('button', { name: 'Restart playback' }).click();
  const created = (await (await session).json()) as Created;
  await playsPast(created.startPosition + 1);
});
