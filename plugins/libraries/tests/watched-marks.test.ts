// Marking watched is idempotent (PUT): marking a movie, an episode, a season or a show watched again changes
// nothing, and a play is counted only when something goes from unwatched to watched; a playback that reaches the
// end counts a play even when the item was watched already.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import type { LibrariesApi } from '../api.ts';
import { removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, listAll, movieTitled, scan } from './harness.ts';

let b: Booted;
let adminId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  b = await boot({ probe: false });
  const movies = tempDir();
  await writeTree(movies, {
    'Heat (1995)/Heat (1995).mkv': '',
    'Alien (1979)/Alien (1979).mkv': '',
    'Ran (1985)/Ran (1985).mkv': '',
  });
  await scan(b, await createLibrary(b, 'movies', [movies]));
  for (const title of ['Heat', 'Alien', 'Ran']) ids[title] = (await movieTitled(b, title)).id;
  const shows = tempDir();
  await writeTree(shows, {
    'Dark/Season 01/Dark - S01E01.mkv': '',
    'Dark/Season 01/Dark - S01E02.mkv': '',
    'Dark/Season 02/Dark - S02E01.mkv': '',
  });
  await scan(b, await createLibrary(b, 'shows', [shows]));
  const [dark] = await listAll(b, '/v1/shows');
  ids.Dark = dark.id;
  for (const season of [1, 2])
    for (const e of (await get(b, `/v1/shows/${dark.id}/seasons/${season}/episodes`)).items)
      ids[`${season}x${e.episodeNumber}`] = e.id;
  adminId = (await get(b, '/v1/users/me')).id;
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

/** The admin's stored watch state of an item: watched, play count and the date of the last play. */
function state(id: string) {
  return b.h.core.sqlite
    .query<{ watched: number; plays: number; at: string | null }, [string, string]>(
      `SELECT watched, play_count AS plays, last_played_at AS at FROM libraries_watch_state
       WHERE profile_id = ? AND item_id = ?`,
    )
    .get(adminId, id);
}

/** Dates the admin's last play of an item far back, so a write that dates it now shows. */
function dateBack(id: string) {
  b.h.core.sqlite
    .query('UPDATE libraries_watch_state SET last_played_at = ? WHERE profile_id = ? AND item_id = ?')
    .run('2020-01-01T00:00:00.000Z', adminId, id);
}

async function send(method: 'PUT' | 'DELETE', path: string) {
  const r = await b.h.request(method, path, { token: b.token });
  expect(r.status).toBe(200);
  return r.body;
}

test('PUT /v1/movies/:id/watched twice counts one play and leaves the second mark without effect', async () => {
  expect(await send('PUT', `/v1/movies/${ids.Heat}/watched`)).toEqual({ id: ids.Heat, watched: true });
  expect(state(ids.Heat)).toMatchObject({ watched: 1, plays: 1 });
  dateBack(ids.Heat);
  expect(await send('PUT', `/v1/movies/${ids.Heat}/watched`)).toEqual({ id: ids.Heat, watched: true });
  expect(state(ids.Heat)).toEqual({ watched: 1, plays: 1, at: '2020-01-01T00:00:00.000Z' });
  expect((await get(b, `/v1/movies/${ids.Heat}`)).watched).toBe(true);
});

test('unwatched and watched again is a second play', async () => {
  await send('PUT', `/v1/movies/${ids.Alien}/watched`);
  await send('DELETE', `/v1/movies/${ids.Alien}/watched`);
  await send('DELETE', `/v1/movies/${ids.Alien}/watched`);
  expect(state(ids.Alien)).toMatchObject({ watched: 0, plays: 1 });
  await send('PUT', `/v1/movies/${ids.Alien}/watched`);
  await send('PUT', `/v1/movies/${ids.Alien}/watched`);
  expect(state(ids.Alien)).toMatchObject({ watched: 1, plays: 2 });
});

test('an episode marked watched again, by id or by show, season and number, keeps its one play', async () => {
  await send('PUT', `/v1/episodes/${ids['1x1']}/watched`);
  dateBack(ids['1x1']);
  await send('PUT', `/v1/episodes/${ids['1x1']}/watched`);
  await send('PUT', `/v1/shows/${ids.Dark}/seasons/1/episodes/1/watched`);
  expect(state(ids['1x1'])).toEqual({ watched: 1, plays: 1, at: '2020-01-01T00:00:00.000Z' });
});

test('a season or show marked watched counts a play only for the episodes not watched yet', async () => {
  // 1x1 is watched already (above).
  expect(await send('PUT', `/v1/shows/${ids.Dark}/seasons/1/watched`)).toMatchObject({ episodes: 2 });
  expect(await send('PUT', `/v1/shows/${ids.Dark}/watched`)).toMatchObject({ episodes: 3 });
  expect(await send('PUT', `/v1/shows/${ids.Dark}/watched`)).toMatchObject({ episodes: 3 });
  expect([state(ids['1x1']), state(ids['1x2']), state(ids['2x1'])]).toEqual([
    { watched: 1, plays: 1, at: '2020-01-01T00:00:00.000Z' },
    { watched: 1, plays: 1, at: expect.any(String) },
    { watched: 1, plays: 1, at: expect.any(String) },
  ]);
});

test('a playback that reaches the end counts a play even when the item was watched already', async () => {
  const libs = b.h.host.api('libraries') as LibrariesApi;
  const viewer = libs.viewerFor({ id: adminId, role: 'admin' }, new Request('http://localhost/'));
  await send('PUT', `/v1/movies/${ids.Ran}/watched`);
  dateBack(ids.Ran);
  libs.setProgress(viewer, ids.Ran, 50, 100);
  expect(state(ids.Ran)).toMatchObject({ watched: 1, plays: 1 });
  libs.setProgress(viewer, ids.Ran, 95, 100);
  const after = state(ids.Ran);
  expect(after).toMatchObject({ watched: 1, plays: 2 });
  expect(after?.at).not.toBe('2020-01-01T00:00:00.000Z');
  // Marking it watched afterwards is no further play.
  await send('PUT', `/v1/movies/${ids.Ran}/watched`);
  expect(state(ids.Ran)).toMatchObject({ watched: 1, plays: 2 });
});
