// Media and set-up for the browsing browser tests (browse, browse-movie): a ten-second generated clip placed as three
// episodes of Demo Show (with its NFO, poster and fanart) and as Test Movie (with its NFO, poster and a trailer),
// then, around a test file, a signed-in server.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeMedia } from '../../core/sdk/testing.ts';
import { type E2E, e2eSuite } from './harness.ts';

const SHOW = 'Demo Show (2021)';
const TVSHOW_NFO = `<tvshow><title>Demo Show</title><year>2021</year><genre>Comedy</genre>
  <plot>Two friends test a media server.</plot>
  <actor><name>Ada Actor</name><role>Captain Demo</role><order>0</order></actor>
  <namedseason number="2">The Sequel</namedseason></tvshow>`;
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

/** The main files each library holds (the trailer is an extra, not counted). */
const MAIN_FILES = { Shows: 3, Movies: 1 };

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

/** Adds the Shows or Movies library, scans it and waits until its files are probed (the player needs codecs). */
export async function addBrowseLibrary(e2e: E2E, name: keyof typeof MAIN_FILES): Promise<void> {
  const kind = name === 'Shows' ? 'shows' : 'movies';
  const id = await e2e.addLibrary(name, kind, join(e2e.tmp, 'media', name));
  await e2e.waitForProbes(id, MAIN_FILES[name]);
}

/**
 * Sets a test file's server up around its tests: signed in as the admin, with `libraries` added before the first
 * test (none: the tests start on a fresh server). The returned suite is filled in before the first test runs.
 */
export function browseE2E(libraries: (keyof typeof MAIN_FILES)[] = []): E2E {
  // Many pages in well under a minute: more than a household's 100 API requests a minute.
  return e2eSuite(prepare, { BIJOU_RATE_LIMIT: '100000' }, async (e2e) => {
    await e2e.signInAsAdmin();
    for (const name of libraries) await addBrowseLibrary(e2e, name);
    return {};
  });
}
