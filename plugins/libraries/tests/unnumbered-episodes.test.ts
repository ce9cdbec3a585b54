// Episodes whose names carry no number, date or absolute number: in a season folder they are episodes of that
// season (Jellyfin's `Season 00/Some Special.mkv`), an episode NFO may number them, and one in a show folder with
// neither stays unmatched. Their identity (season and name) survives rescans, a deletion and a return.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, listAll, scan } from './harness.ts';

const nfo = (title: string, season: number, episode: number) =>
  `<episodedetails><title>${title}</title><season>${season}</season><episode>${episode}</episode></episodedetails>`;

let b: Booted;
let root: string;
let libraryId: string;
let firstScan: any;
const shows: Record<string, string> = {};

beforeAll(async () => {
  b = await boot({ probe: false });
  root = await writeTree(tempDir(), {
    'Lost (2004)/Season 00/Some Special.mkv': '',
    'Lost (2004)/Season 01/Lost - S01E01 - Pilot.mkv': '',
    'Lost (2004)/Season 01/Recap.mkv': '',
    'Lost (2004)/Season 02/Recap.mkv': '',
    'Alias/Season 01/Truth Be Told.mkv': '',
    'Alias/Season 01/Truth Be Told.nfo': nfo('Truth Be Told (Pilot)', 1, 1),
    'Alias/So It Begins.mkv': '',
    'Alias/So It Begins.nfo': nfo('The Enemy Walks In', 2, 3),
    'Alias/Loose Clip.mkv': '',
  });
  libraryId = await createLibrary(b, 'shows', [root]);
  firstScan = await scan(b, libraryId);
  for (const s of await listAll(b, '/v1/shows')) shows[s.title] = s.id;
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

const episodes = async (show: string, season: number) =>
  (await get(b, `/v1/shows/${shows[show]}/seasons/${season}/episodes`)).items.map((e: any) => ({
    title: e.title,
    episodeNumber: e.episodeNumber,
    watched: e.watched,
  }));

describe('an episode name without a number', () => {
  test('in a season folder is an episode of that season; in a show folder only an NFO numbers it', () => {
    expect(firstScan.counts).toMatchObject({ files: 7, added: 6, unmatched: 1, errors: 0 });
  });

  test('Season 00/Some Special.mkv is a special titled from its name', async () => {
    expect(await episodes('Lost', 0)).toEqual([
      { title: 'Some Special', episodeNumber: null, watched: false },
    ]);
  });

  test('files of the same name in two season folders are two episodes', async () => {
    const seasons = (await get(b, `/v1/shows/${shows.Lost}/seasons`)).items.map((s: any) => s.seasonNumber);
    expect(seasons).toEqual([0, 1, 2]);
    expect((await episodes('Lost', 1)).map((e: any) => e.title)).toEqual(['Recap', 'Pilot']);
    expect((await episodes('Lost', 2)).map((e: any) => e.title)).toEqual(['Recap']);
  });

  test('an episode NFO numbers it, in a season folder or not, and the numbers find it', async () => {
    expect(await episodes('Alias', 1)).toEqual([
      { title: 'Truth Be Told (Pilot)', episodeNumber: 1, watched: false },
    ]);
    const one = await get(b, `/v1/shows/${shows.Alias}/seasons/2/episodes/3`);
    expect([one.title, one.seasonNumber, one.episodeNumber, one.match.method]).toEqual([
      'The Enemy Walks In',
      2,
      3,
      'nfo',
    ]);
  });

  test('a special leaves and returns as the same item with its watch state', async () => {
    const [special] = (await get(b, `/v1/shows/${shows.Lost}/seasons/0/episodes`)).items;
    expect((await b.h.request('PUT', `/v1/episodes/${special.id}/watched`, { token: b.token })).status).toBe(
      200,
    );
    const path = join(root, 'Lost (2004)/Season 00/Some Special.mkv');
    renameSync(path, join(root, 'away.bin'));
    expect((await scan(b, libraryId)).counts).toMatchObject({ missing: 1, unmatched: 1 });
    expect(await episodes('Lost', 0)).toEqual([]);
    renameSync(join(root, 'away.bin'), path);
    expect((await scan(b, libraryId)).counts).toMatchObject({ restored: 1, added: 0 });
    const [back] = (await get(b, `/v1/shows/${shows.Lost}/seasons/0/episodes`)).items;
    expect([back.id, back.watched]).toEqual([special.id, true]);
  });
});
