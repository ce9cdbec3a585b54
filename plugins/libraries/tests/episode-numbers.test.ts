// Episode numbers as the API gives them: an absolute-numbered file (`One Piece - 001`) is that episode of season 1
// with its `absoluteNumber`, and a multi-episode file answers to every number in its range.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, listAll, scan, startScan, waitForScan } from './harness.ts';

let b: Booted;
let libraryId: string;
const shows: Record<string, string> = {};

beforeAll(async () => {
  b = await boot({ probe: false });
  const root = await writeTree(tempDir(), {
    'One Piece/One Piece - 001.mkv': '',
    'One Piece/One Piece - 002 - The Great Swordsman.mkv': '',
    'Alpha/Season 01/Alpha - S01E01 - Pilot.mkv': '',
    'Alpha/Season 01/Alpha - S01E02-E03 - Double.mkv': '',
    'Alpha/Season 01/Alpha - S01E04 - After.mkv': '',
  });
  libraryId = await createLibrary(b, 'shows', [root]);
  await scan(b, libraryId);
  for (const s of await listAll(b, '/v1/shows')) shows[s.title] = s.id;
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

const episodeAt = (show: string, season: number, ep: number) =>
  b.h.request('GET', `/v1/shows/${shows[show]}/seasons/${season}/episodes/${ep}`, { token: b.token });
const numbers = (e: any) => [
  e.title,
  e.seasonNumber,
  e.episodeNumber,
  e.endingEpisodeNumber,
  e.absoluteNumber,
];

describe('absolute-numbered episodes', () => {
  test('are episodes of season 1 numbered by their absolute number, which the API gives too', async () => {
    const eps = (await get(b, `/v1/shows/${shows['One Piece']}/seasons/1/episodes`)).items;
    expect(eps.map(numbers)).toEqual([
      ['Episode 1', 1, 1, null, 1],
      ['The Great Swordsman', 1, 2, null, 2],
    ]);
  });

  test('resolve by season and episode number to the same item', async () => {
    const r = await episodeAt('One Piece', 1, 2);
    expect(r.status).toBe(200);
    expect(numbers(r.body)).toEqual(['The Great Swordsman', 1, 2, null, 2]);
  });

  test('episodes named by season and episode have no absolute number', async () => {
    const eps = (await get(b, `/v1/shows/${shows.Alpha}/seasons/1/episodes`)).items;
    expect(eps.map((e: any) => e.absoluteNumber)).toEqual([null, null, null]);
  });

  test('a forced rescan keeps the same item and its watch state', async () => {
    const before = (await episodeAt('One Piece', 1, 1)).body;
    await b.h.request('PUT', `/v1/episodes/${before.id}/watched`, { token: b.token });
    await waitForScan(b, libraryId, await startScan(b, libraryId, { force: true }));
    const after = (await episodeAt('One Piece', 1, 1)).body;
    expect([after.id, after.watched, after.episodeNumber]).toEqual([before.id, true, 1]);
  });
});

describe('multi-episode files', () => {
  test('every number in the range resolves to the file, the first and the last alike', async () => {
    const second = await episodeAt('Alpha', 1, 2);
    const third = await episodeAt('Alpha', 1, 3);
    expect([second.status, third.status]).toEqual([200, 200]);
    expect(third.body.id).toBe(second.body.id);
    expect(numbers(third.body)).toEqual(['Double', 1, 2, 3, null]);
  });

  test('numbers outside any file stay 404, and single episodes resolve to themselves', async () => {
    expect((await episodeAt('Alpha', 1, 5)).status).toBe(404);
    expect((await episodeAt('Alpha', 1, 4)).body.title).toBe('After');
    expect((await episodeAt('Alpha', 1, 1)).body.title).toBe('Pilot');
  });

  test('marking a number inside the range watched marks the file', async () => {
    const path = `/v1/shows/${shows.Alpha}/seasons/1/episodes/3/watched`;
    const on = await b.h.request('PUT', path, { token: b.token });
    expect(on.status).toBe(200);
    expect((await episodeAt('Alpha', 1, 2)).body.watched).toBe(true);
    const off = await b.h.request('DELETE', path, { token: b.token });
    expect(off.status).toBe(200);
    expect((await episodeAt('Alpha', 1, 2)).body.watched).toBe(false);
  });
});
