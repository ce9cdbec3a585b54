// A movie's files in headless Chromium against a real server: its versions and parts each say which they are and
// play on their own (part 2 comes up next after part 1), Resume continues the part a movie was stopped in and turns
// into Play once it is marked watched, and a file not analysed yet says so. Title pages are titles.test.ts.
import { expect, test } from 'bun:test';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from './player-media.ts';
import { CASABLANCA_NFO, SMALL_CLIP, titlesE2E } from './titles-media.ts';

const e2e = titlesE2E(async (shelf) => {
  await shelf.movie('Casablanca (1942)', 'Casablanca (1942).mp4', { nfo: CASABLANCA_NFO });
  await shelf.movie('Blade Runner (1982)', 'Blade Runner (1982) - Final Cut.mp4');
  await shelf.movie('Blade Runner (1982)', 'Blade Runner (1982) - Theatrical Cut.mp4');
  await shelf.movie('Kill Bill (2003)', 'Kill Bill (2003) - cd1.mp4');
  await shelf.movie('Kill Bill (2003)', 'Kill Bill (2003) - cd2.mp4');
});

test('marking a part-played movie watched turns Resume into Play without a reload', async () => {
  const capabilities = { containers: ['mp4'], videoCodecs: ['h264'], audioCodecs: ['aac'] };
  const s = await e2e.call<any>('POST', '/v1/playback/sessions', {
    itemId: e2e.ids.Casablanca,
    capabilities,
  });
  await e2e.call('POST', `/v1/playback/sessions/${s.sessionId}/heartbeat`, { position: 1.5 });
  await e2e.call('DELETE', `/v1/playback/sessions/${s.sessionId}`);
  await e2e.page.goto(`${e2e.base}/movie/${e2e.ids.Casablanca}`);
  await e2e.page.getByRole('link', { name: /Resume from/ }).waitFor();
  await e2e.page.getByRole('button', { name: 'Mark watched' }).click();
  await e2e.page.getByRole('button', { name: '✓ Watched' }).waitFor();
  await e2e.page.getByRole('link', { name: '▶ Play', exact: true }).waitFor();
  expect(await e2e.page.getByRole('link', { name: /Resume from|Play from start/ }).count()).toBe(0);
});

test('a movie with two versions names each file and plays the one chosen', async () => {
  await e2e.page.goto(`${e2e.base}/movie/${e2e.ids['Blade Runner']}`);
  await e2e.heading('Blade Runner').waitFor();
  const files = e2e.page.getByRole('region', { name: 'Files' });
  expect(await files.locator('.which-file h3').allInnerTexts()).toEqual(
    expect.arrayContaining(['Final Cut', 'Theatrical Cut']),
  );
  await e2e.shot('titles-versions');
  const session = e2e.page.waitForRequest((r) => r.url().endsWith('/v1/playback/sessions'));
  await files.getByRole('link', { name: 'Play Theatrical Cut' }).click();
  await e2e.heading('Blade Runner · Theatrical Cut').waitFor();
  const movie = await e2e.call<any>('GET', `/v1/movies/${e2e.ids['Blade Runner']}`);
  const theatrical = movie.files.find((f: any) => f.path.endsWith('Theatrical Cut.mp4'));
  expect((await session).postDataJSON().fileId).toBe(theatrical.id);
  await e2e.page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0.5);
});

test('a movie in two parts names them, and part 2 can be played', async () => {
  await e2e.page.goto(`${e2e.base}/movie/${e2e.ids['Kill Bill']}`);
  await e2e.heading('Kill Bill').waitFor();
  const files = e2e.page.getByRole('region', { name: 'Files' });
  expect(await files.locator('.which-file h3').allInnerTexts()).toEqual(['Part 1', 'Part 2']);
  await files.getByRole('link', { name: 'Play Part 2' }).click();
  await e2e.heading('Kill Bill · Part 2').waitFor();
});

test('stopped in part 2 of a movie, Resume on its page continues part 2 where it stopped', async () => {
  // Leaving the player of the test before records its own position: let that end first.
  await e2e.page.goto(`${e2e.base}/movie/${e2e.ids['Kill Bill']}`);
  await waitFor(
    'the previous player’s session to end',
    async () => (await e2e.call<any>('GET', '/v1/playback/sessions/active')).items.length === 0,
  );
  const movie = await e2e.call<any>('GET', `/v1/movies/${e2e.ids['Kill Bill']}`);
  const part2 = movie.files.find((f: any) => f.part === 2).id;
  const capabilities = { containers: ['mp4'], videoCodecs: ['h264'], audioCodecs: ['aac'] };
  const s = await e2e.call<any>('POST', '/v1/playback/sessions', {
    itemId: e2e.ids['Kill Bill'],
    fileId: part2,
    startPosition: 0,
    capabilities,
  });
  await e2e.call('POST', `/v1/playback/sessions/${s.sessionId}/heartbeat`, { position: 2 });
  await e2e.call('DELETE', `/v1/playback/sessions/${s.sessionId}`);
  await e2e.page.reload();
  await e2e.heading('Kill Bill').waitFor();
  const session = e2e.page.waitForResponse((r) => r.url().endsWith('/v1/playback/sessions'));
  await e2e.page.getByRole('link', { name: '▶ Resume Part 2 from 0:02' }).click();
  await e2e.heading('Kill Bill · Part 2').waitFor();
  expect(await (await session).json()).toMatchObject({ fileId: part2, startPosition: 2 });
  await e2e.page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 2);
  // Opened with no file named (an old link), the player says which part the server resumed, with nothing up next.
  await e2e.page.goto(`${e2e.base}/play/${e2e.ids['Kill Bill']}`);
  await e2e.heading('Kill Bill · Part 2').waitFor();
  expect(await e2e.page.locator('.stage').getAttribute('data-next')).toBe('none');
});

/** Jumps to the end of what is playing and waits for the heartbeat that reports it (past 90%). */
async function playToEnd() {
  await e2e.page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0.3);
  const beat = e2e.page.waitForResponse(
    (r) => r.url().includes('/heartbeat') && (r.request().postDataJSON()?.position ?? 0) > 3.6,
  );
  await e2e.page.locator('video').evaluate((v: HTMLVideoElement) => {
    v.currentTime = v.duration - 0.2;
  });
  await beat;
}

test('the end of part 1 offers part 2 up next; only the end of part 2 makes the movie watched', async () => {
  await e2e.page.goto(`${e2e.base}/play/${e2e.ids['Kill Bill']}?from=0`);
  await e2e.heading('Kill Bill').waitFor();
  await playToEnd();
  const card = e2e.page.getByRole('region', { name: 'Up next' });
  await card.waitFor();
  expect(await card.textContent()).toContain('Part 2');
  expect((await e2e.call<any>('GET', `/v1/movies/${e2e.ids['Kill Bill']}`)).watched).toBe(false);
  await card.getByRole('button', { name: 'Play now' }).click();
  await e2e.heading('Kill Bill · Part 2').waitFor();
  await playToEnd();
  await waitFor(
    'Kill Bill watched',
    async () => (await e2e.call<any>('GET', `/v1/movies/${e2e.ids['Kill Bill']}`)).watched,
  );
});

test('a file that has not been analysed yet says so in its details', async () => {
  // Probing waits in the queue behind the scan; pausing the queue holds a new file there.
  const queue = e2e.bijou.core.queue;
  queue.pause('libraries');
  try {
    const folder = join(e2e.tmp, 'media', 'Pending', 'Fresh (2021)');
    mkdirSync(folder, { recursive: true });
    copyFileSync(join(e2e.tmp, SMALL_CLIP), join(folder, 'Fresh (2021).mp4'));
    await e2e.addLibrary('Pending', 'movies', join(e2e.tmp, 'media', 'Pending'));
    const pending = await e2e.call<any>('GET', '/v1/movies?q=Fresh');
    const fresh = pending.items.find((m: any) => m.title === 'Fresh');
    expect((await e2e.call<any>('GET', `/v1/movies/${fresh.id}`)).files[0]).toMatchObject({ probed: false });
    await e2e.page.goto(`${e2e.base}/movie/${fresh.id}`);
    await e2e.heading('Fresh').waitFor();
    const files = e2e.page.getByRole('region', { name: 'Files' });
    await files.getByText('Not analysed yet', { exact: false }).waitFor();
    await e2e.shot('titles-not-analysed');
  } finally {
    queue.resume('libraries');
  }
});
