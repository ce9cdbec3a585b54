// List pages are sent as ready JSON (the page cache bypasses Elysia's response validation), so their bodies are
// checked here against the ItemPage schema the routes declare: movies and shows, with NFO data, artwork, genres,
// watch state and a next-page cursor, cached and uncached.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { Value } from '@sinclair/typebox/value';
import { ItemPage } from '../model.ts';
import { movieNfo, removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, scan, setConfig } from './harness.ts';

let b: Booted;
const libs: string[] = [];

beforeAll(async () => {
  b = await boot({ probe: false });
  const movies = await writeTree(tempDir(), {
    'Heat (1995)/Heat (1995).mkv': '',
    'Heat (1995)/movie.nfo': movieNfo({
      title: 'Heat',
      year: 1995,
      tmdb: '949',
      genres: ['Crime'],
      mpaa: 'R',
    }),
    'Heat (1995)/poster.jpg': 'x',
    'Up (2009)/Up (2009).mkv': '',
    'Alien (1979)/Alien (1979).mkv': '',
  });
  const shows = await writeTree(tempDir(), {
    'Demo (2020)/Season 01/Demo - S01E01 - Pilot.mkv': '',
    'Demo (2020)/tvshow.nfo': '<tvshow><title>Demo</title><genre>Drama</genre></tvshow>',
    'Other (2021)/Season 01/Other - S01E01.mkv': '',
  });
  libs.push(await createLibrary(b, 'movies', [movies]), await createLibrary(b, 'shows', [shows]));
  for (const id of libs) await scan(b, id);
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

const problems = (body: unknown) => [...Value.Errors(ItemPage, body)].map((e) => `${e.path}: ${e.message}`);

for (const cache of [true, false])
  test(`movie and show pages match ItemPage (page cache ${cache ? 'on' : 'off'})`, async () => {
    await setConfig(b, { probe: false, pageCache: cache });
    const movieId = (await get(b, '/v1/movies?limit=5')).items[0].id;
    await b.h.request('PUT', `/v1/movies/${movieId}/watched`, { token: b.token });
    for (const path of [
      '/v1/movies?limit=2',
      '/v1/movies?limit=2&sort=year',
      '/v1/shows?limit=1',
      '/v1/shows',
    ]) {
      const first = await get(b, path);
      const again = await get(b, path);
      expect({ path, problems: problems(first) }).toEqual({ path, problems: [] });
      expect(again).toEqual(first);
      expect(first.items.length).toBeGreaterThan(0);
    }
    expect((await get(b, '/v1/movies?limit=2')).nextCursor).toEqual(expect.any(String));
  });
