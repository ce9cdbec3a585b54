// Media and set-up for the player browser tests: an MKV (H.264, English and French AAC, sidecar English SRT) that a
// browser gets as HLS, a two-episode show that plays directly, waits for scans and probes through the API, and
// playerE2E, the signed-in server with both libraries around a player test file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeMedia } from '../../core/sdk/testing.ts';
import { type E2E, e2eSuite } from './harness.ts';

const SRT = Array.from({ length: 6 }, (_, i) => {
  const t = (s: number) => `00:00:${String(s).padStart(2, '0')},000`;
  return `${i + 1}\n${t(i * 5)} --> ${t(i * 5 + 4)}\nLine ${i + 1} of the subtitles\n`;
}).join('\n');

/** ffmpeg arguments written as one line (no argument here contains a space). */
const args = (line: string) => line.split(' ');
const TESTSRC = '-f lavfi -i testsrc=size=320x240:rate=25';
const H264 = '-c:v libx264 -pix_fmt yuv420p -g 25';

export async function waitFor<T>(what: string, fn: () => Promise<T | null | undefined | false>): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const v = await fn();
    if (v) return v;
    await Bun.sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

export async function addLibrary(e2e: E2E, name: string, kind: 'movies' | 'shows', path: string) {
  const lib = await e2e.call<{ id: string }>('POST', '/v1/libraries', { name, kind, paths: [path] });
  await e2e.call('POST', `/v1/libraries/${lib.id}/scan`);
  await waitFor(`the ${name} scan`, async () => {
    const l = await e2e.call<{ scan: { state: string; finishedAt: string | null } }>(
      'GET',
      `/v1/libraries/${lib.id}`,
    );
    return l.scan.state === 'idle' && l.scan.finishedAt !== null;
  });
}

/** Waits until ffprobe has read the item's audio tracks (sessions need probed files). */
export const probed = (e2e: E2E, itemId: string, audioTracks: number) =>
  waitFor(`the probe of ${itemId}`, async () => {
    const res = await e2e.call<{ items: unknown[] }>('GET', `/v1/audio/${itemId}`);
    return res.items.length === audioTracks;
  });

/** Writes Movies/Two Tongues (2021) and Shows/Demo Show (2021)/Season 01 (S01E01 Pilot, S01E02 Second). */
export async function makePlayerMedia(tmp: string): Promise<void> {
  const movie = join(tmp, 'media', 'Movies', 'Two Tongues (2021)');
  await makeMedia(
    args(
      `${TESTSRC} -f lavfi -i sine=frequency=440 -f lavfi -i sine=frequency=660 -t 30 -map 0:v -map 1:a -map 2:a ` +
        // A constant 600 kb/s, so the lowest quality (0.4 Mb/s) is below the file and forces a transcode.
        `${H264} -b:v 600k -minrate 600k -maxrate 600k -bufsize 300k -x264-params nal-hrd=cbr ` +
        '-c:a aac -b:a 96k -metadata:s:a:0 language=eng -metadata:s:a:1 language=fre',
    ),
    join(movie, 'Two Tongues (2021).mkv'),
  );
  writeFileSync(join(movie, 'Two Tongues (2021).en.srt'), SRT);
  const season = join(tmp, 'media', 'Shows', 'Demo Show (2021)', 'Season 01');
  for (const [n, title] of [
    [1, 'Pilot'],
    [2, 'Second'],
  ] as const) {
    await makeMedia(
      args(
        `${TESTSRC} -f lavfi -i sine=frequency=${300 + n * 100} -t 4 ${H264} -c:a aac -movflags +faststart`,
      ),
      join(season, `Demo Show - S01E0${n} - ${title}.mp4`),
    );
  }
}

export interface PlayerE2E extends E2E {
  /** The id of Two Tongues. */
  movieId: string;
  /** The ids of S01E01 and S01E02 of Demo Show. */
  episodes: string[];
}

/**
 * Runs a server and browser around a player test file (harness e2eSuite): the media above in Movies and Shows
 * libraries, scanned and probed, and the page signed in as the admin. Filled in before the first test runs.
 */
export function playerE2E(): PlayerE2E {
  return e2eSuite(makePlayerMedia, {}, async (e2e) => {
    await e2e.signInAsAdmin();
    await addLibrary(e2e, 'Movies', 'movies', join(e2e.tmp, 'media', 'Movies'));
    await addLibrary(e2e, 'Shows', 'shows', join(e2e.tmp, 'media', 'Shows'));
    const movieId = (await e2e.call<{ items: { id: string }[] }>('GET', '/v1/movies')).items[0].id;
    const [show] = (await e2e.call<{ items: { id: string }[] }>('GET', '/v1/shows')).items;
    const eps = await e2e.call<{ items: { id: string }[] }>('GET', `/v1/shows/${show.id}/seasons/1/episodes`);
    const episodes = eps.items.map((e) => e.id);
    await probed(e2e, movieId, 2);
    for (const id of episodes) await probed(e2e, id, 1);
    return { movieId, episodes };
  });
}
