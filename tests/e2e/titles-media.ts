// Media and set-up for the title browser tests (titles, movie-files): four-second generated clips placed as movies
// (with their NFOs) and episodes, then, around a test file, a signed-in server whose libraries are scanned and probed.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeMedia } from '../../core/sdk/testing.ts';
import { type E2E, e2eSuite } from './harness.ts';

/** The small clip (320×240) in the temporary folder, for a test that adds media of its own. */
export const SMALL_CLIP = 'small.mp4';
export const CASABLANCA_NFO =
  '<movie><title>Casablanca</title><year>1942</year><runtime>102</runtime></movie>';

const clip = (size: string) => [
  ...['-f', 'lavfi', '-i', `testsrc=size=${size}:rate=25`, '-f', 'lavfi', '-i', 'sine=frequency=440'],
  ...['-t', '4', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-movflags', '+faststart'],
];

/** Where a test puts its titles before the server starts. */
export interface Shelf {
  /** Places a clip as Movies/<folder>/<file> (the 1280×720 one with `hd`), with `nfo` as the folder's movie.nfo. */
  movie(folder: string, file: string, opts?: { nfo?: string; hd?: boolean }): Promise<void>;
  /** Places the small clip as Shows/<path>, with `nfo` beside it under the same name. */
  episode(path: string, nfo?: string): Promise<void>;
}

/** A started title suite: the harness's server and browser, with the ids the set-up found. */
export type TitlesE2E = E2E & {
  /** The libraries (`movies`, `shows`) and every movie by its title. */
  ids: Record<string, string>;
};

/** Writes the clips into `tmp` and lets `stock` shelve them; returns how many movie files and whether any episode. */
async function fillShelf(tmp: string, stock: (shelf: Shelf) => Promise<void>) {
  const small = await makeMedia(clip('320x240'), join(tmp, SMALL_CLIP));
  let hd: Promise<string> | undefined;
  const hdClip = () => {
    hd ??= makeMedia(clip('1280x720'), join(tmp, 'hd.mp4'));
    return hd;
  };
  const place = (from: string, to: string) => {
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
  };
  const shelved = { movies: 0, shows: false };
  await stock({
    async movie(folder, file, opts = {}) {
      place(opts.hd ? await hdClip() : small, join(tmp, 'media', 'Movies', folder, file));
      if (opts.nfo) writeFileSync(join(tmp, 'media', 'Movies', folder, 'movie.nfo'), opts.nfo);
      shelved.movies++;
    },
    async episode(path, nfo) {
      const to = join(tmp, 'media', 'Shows', path);
      place(small, to);
      if (nfo) writeFileSync(to.replace(/\.[^.]+$/, '.nfo'), nfo);
      shelved.shows = true;
    },
  });
  return shelved;
}

/**
 * Sets a test file's server up around its tests with what `stock` shelves: signed in as the admin, its libraries
 * scanned and the movies probed. The returned suite is filled in before the first test runs.
 */
export function titlesE2E(stock: (shelf: Shelf) => Promise<void>): TitlesE2E {
  let shelved = { movies: 0, shows: false };
  const prepare = async (tmp: string) => {
    shelved = await fillShelf(tmp, stock);
  };
  return e2eSuite(prepare, { BIJOU_RATE_LIMIT: '100000' }, async (e2e) => {
    await e2e.signInAsAdmin();
    const ids: Record<string, string> = {};
    ids.movies = await e2e.addLibrary('Movies', 'movies', join(e2e.tmp, 'media', 'Movies'));
    if (shelved.shows) ids.shows = await e2e.addLibrary('Shows', 'shows', join(e2e.tmp, 'media', 'Shows'));
    for (const m of (await e2e.call<any>('GET', '/v1/movies?limit=100')).items) ids[m.title] = m.id;
    // The resolution filter and the players need probed files: every movie file has its codec (none 'unknown').
    await e2e.waitForProbes(ids.movies, shelved.movies);
    return { ids };
  });
}
