// TV library scans through the HTTP API: shows, seasons (incl. specials), episodes (multi-episode,
// date-based, without season folders), tvshow.nfo and episode NFO titles, marking a whole show watched.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { join } from 'node:path';
import { removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, listAll, scan } from './harness.ts';

const WHO = 'Doctor Who (2005)';
const TVSHOW_NFO = `<?xml version="1.0" encoding="UTF-8"?>
<tvshow>
  <title>Doctor Who: The New Series</title>
  <uniqueid type="tvdb" default="true">78804</uniqueid>
  <genre>Science Fiction</genre>
</tvshow>
`;
const EPISODE_NFO = `<episodedetails>
  <title>Aliens of London (1)</title>
  <season>1</season>
  <episode>4</episode>
  <aired>2005-04-16</aired>
</episodedetails>
`;

let b: Booted;
let root: string;
let firstScan: any;
const shows: Record<string, any> = {};

beforeAll(async () => {
  b = await boot({ probe: false });
  root = tempDir();
  await writeTree(root, {
    [`${WHO}/tvshow.nfo`]: TVSHOW_NFO,
    [`${WHO}/Season 01/${WHO} - S01E01 - Rose.mkv`]: '',
    [`${WHO}/Season 01/${WHO} - S01E02-E03 - The End of the World.mkv`]: '',
    [`${WHO}/Season 01/${WHO} - S01E04 - Aliens.mkv`]: '',
    [`${WHO}/Season 01/${WHO} - S01E04 - Aliens.nfo`]: EPISODE_NFO,
    [`${WHO}/Specials/${WHO} - S00E01 - The Christmas Invasion.mkv`]: '',
    'The Daily Show/The Daily Show - 2024-01-16 - Second Guest.mkv': '',
    'The Daily Show/The Daily Show - 2024-01-15 - First Guest.mkv': '',
    'Flat Show/Flat Show S02E05 - Five.mkv': '',
    'Flat Show/Flat Show 1x03 - Three.mkv': '',
    'Flat Show/Flat Show - no number here.mkv': '',
  });
  const libraryId = await createLibrary(b, 'shows', [root]);
  firstScan = await scan(b, libraryId);
  for (const s of await listAll(b, '/v1/shows')) shows[s.title] = s;
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

const seasons = async (show: string) => (await get(b, `/v1/shows/${shows[show].id}/seasons`)).items;
const episodes = async (show: string, season: number) =>
  (await get(b, `/v1/shows/${shows[show].id}/seasons/${season}/episodes`)).items;

describe('shows', () => {
  test('the scan adds every numbered or dated episode and counts one without a number as unmatched', () => {
    expect(firstScan.state).toBe('idle');
    expect(firstScan.counts).toMatchObject({ files: 9, added: 8, unmatched: 1, errors: 0 });
  });

  test('GET /v1/shows lists one show per show folder, sorted by title', async () => {
    const titles = (await listAll(b, '/v1/shows')).map((s) => s.title);
    expect(titles).toEqual(['The Daily Show', 'Doctor Who: The New Series', 'Flat Show']);
  });

  test('the title in tvshow.nfo wins over the folder name, with its ids and genres', () => {
    const who = shows['Doctor Who: The New Series'];
    expect(who.match.method).toBe('nfo');
    expect(who.providerIds).toEqual({ tvdb: '78804' });
    expect(who.genres).toEqual(['Science Fiction']);
    expect(who.year).toBe(2005);
  });

  test('a show without tvshow.nfo is named from its folder', () => {
    expect(shows['Flat Show'].match.method).toBe('filename');
  });
});

describe('seasons and episodes', () => {
  test('seasons are listed by number, a Specials folder being season 0', async () => {
    const list = await seasons('Doctor Who: The New Series');
    expect(list.map((s: any) => [s.seasonNumber, s.title])).toEqual([
      [0, 'Specials'],
      [1, 'Season 1'],
    ]);
  });

  test('episodes of a season are listed by number with the title from the file name', async () => {
    const list = await episodes('Doctor Who: The New Series', 1);
    expect(list.map((e: any) => [e.episodeNumber, e.title])).toEqual([
      [1, 'Rose'],
      [2, 'The End of the World'],
      [4, 'Aliens of London (1)'],
    ]);
  });

  test('a S01E02-E03 file is one episode numbered 2 ending at 3', async () => {
    const [, double] = await episodes('Doctor Who: The New Series', 1);
    expect(double).toMatchObject({ seasonNumber: 1, episodeNumber: 2, endingEpisodeNumber: 3 });
    expect(double.files.map((f: any) => f.path)).toEqual([
      join(root, WHO, 'Season 01', `${WHO} - S01E02-E03 - The End of the World.mkv`),
    ]);
  });

  test('an episode NFO title wins over the file name and its air date is kept', async () => {
    const ep = await get(b, `/v1/shows/${shows['Doctor Who: The New Series'].id}/seasons/1/episodes/4`);
    expect(ep).toMatchObject({ title: 'Aliens of London (1)', airDate: '2005-04-16', episodeNumber: 4 });
    expect(ep.match.method).toBe('nfo');
  });

  test('an S00E01 file in Specials is episode 1 of season 0', async () => {
    const list = await episodes('Doctor Who: The New Series', 0);
    expect(list.map((e: any) => [e.seasonNumber, e.episodeNumber, e.title])).toEqual([
      [0, 1, 'The Christmas Invasion'],
    ]);
  });

  test('GET …/seasons/:num/episodes/:ep returns that episode, and 404 for an unknown one', async () => {
    const id = shows['Doctor Who: The New Series'].id;
    const one = await get(b, `/v1/shows/${id}/seasons/1/episodes/1`);
    expect(one).toMatchObject({ kind: 'episode', title: 'Rose', seasonNumber: 1, episodeNumber: 1 });
    const missing = await b.h.request('GET', `/v1/shows/${id}/seasons/1/episodes/9`, { token: b.token });
    expect(missing.status).toBe(404);
    const noSeason = await b.h.request('GET', `/v1/shows/${id}/seasons/7/episodes`, { token: b.token });
    expect(noSeason.status).toBe(404);
  });

  test('a season or episode number that is not decimal digits is a 422 naming it, never another season', async () => {
    const id = shows['Doctor Who: The New Series'].id;
    // Read as numbers these were season 1, season 0, season 100 and episode 1.
    for (const [path, param] of [
      [`seasons/0x1`, 'params.num'],
      [`seasons/%20`, 'params.num'],
      [`seasons/1e2/episodes`, 'params.num'],
      [`seasons/1/episodes/1.0`, 'params.ep'],
    ]) {
      const r = await b.h.request('GET', `/v1/shows/${id}/${path}`, { token: b.token });
      expect([path, r.status, r.body.details?.[0].path]).toEqual([path, 422, param]);
    }
    const hex = await b.h.request('GET', '/v1/shows?limit=0x2', { token: b.token });
    expect([hex.status, hex.body.details?.[0].path]).toEqual([422, 'query.limit']);
    expect((await get(b, `/v1/shows/${id}/seasons/01`)).seasonNumber).toBe(1);
  });

  test('a number out of range in the path or query is a 422 naming it, in the words of any other bad value', async () => {
    const id = shows['Doctor Who: The New Series'].id;
    const number = 'Expected an integer from 0 to 100000';
    const limit = 'Expected an integer from 1 to 100';
    for (const [path, param, message] of [
      [`/v1/shows/${id}/seasons/-1`, 'params.num', number],
      [`/v1/shows/${id}/seasons/100001/episodes`, 'params.num', number],
      [`/v1/shows/${id}/seasons/1/episodes/-5`, 'params.ep', number],
      ['/v1/shows?limit=100000', 'query.limit', limit],
      ['/v1/shows?limit=007000', 'query.limit', limit],
      ['/v1/shows?limit=2000&yearFrom=2000', 'query.limit', limit],
    ]) {
      const r = await b.h.request('GET', path, { token: b.token });
      expect([path, r.status, r.body.details]).toEqual([path, 422, [{ path: param, message }]]);
    }
  });

  test('GET /v1/metadata/:itemId returns an episode by id with its show and season ids, 404 for unknown', async () => {
    const show = shows['Doctor Who: The New Series'];
    const [season1] = (await seasons(show.title)).filter((s: any) => s.seasonNumber === 1);
    const [rose] = await episodes(show.title, 1);
    const ep = await get(b, `/v1/metadata/${rose.id}`);
    expect(ep).toMatchObject({
      id: rose.id,
      kind: 'episode',
      title: 'Rose',
      showId: show.id,
      parentId: season1.id,
    });
    expect(await get(b, `/v1/metadata/${season1.id}`)).toMatchObject({ kind: 'season', showId: show.id });
    expect(await get(b, `/v1/metadata/${show.id}`)).toMatchObject({
      kind: 'show',
      showId: null,
      parentId: null,
    });
    const unknown = await b.h.request('GET', '/v1/metadata/no-such-item', { token: b.token });
    expect(unknown.status).toBe(404);
  });

  test('date-based episodes without a season folder go to season 1, ordered by air date', async () => {
    expect((await seasons('The Daily Show')).map((s: any) => s.seasonNumber)).toEqual([1]);
    const list = await episodes('The Daily Show', 1);
    expect(list.map((e: any) => [e.airDate, e.episodeNumber, e.title])).toEqual([
      ['2024-01-15', null, 'First Guest'],
      ['2024-01-16', null, 'Second Guest'],
    ]);
  });

  test('episodes without a season folder take their season from the file name', async () => {
    expect((await seasons('Flat Show')).map((s: any) => s.seasonNumber)).toEqual([1, 2]);
    expect((await episodes('Flat Show', 1)).map((e: any) => [e.episodeNumber, e.title])).toEqual([
      [3, 'Three'],
    ]);
    expect((await episodes('Flat Show', 2)).map((e: any) => [e.episodeNumber, e.title])).toEqual([
      [5, 'Five'],
    ]);
  });
});

describe('watched', () => {
  test('marking a show watched marks every episode watched, and unmarking clears them', async () => {
    const show = shows['Doctor Who: The New Series'];
    const on = await b.h.request('PUT', `/v1/shows/${show.id}/watched`, { token: b.token });
    expect(on.status).toBe(200);
    expect(on.body).toEqual({ id: show.id, watched: true, episodes: 4 });
    const all = [...(await episodes('Doctor Who: The New Series', 0)), ...(await episodes(show.title, 1))];
    expect(all.map((e) => e.watched)).toEqual([true, true, true, true]);
    expect((await listAll(b, '/v1/shows?watched=true')).map((s) => s.title)).toEqual([show.title]);

    const off = await b.h.request('DELETE', `/v1/shows/${show.id}/watched`, { token: b.token });
    expect(off.body).toEqual({ id: show.id, watched: false, episodes: 4 });
    const after = await episodes('Doctor Who: The New Series', 1);
    expect(after.map((e: any) => e.watched)).toEqual([false, false, false]);
    expect(await listAll(b, '/v1/shows?watched=true')).toEqual([]);
  });

  test('marking one episode watched does not make its show watched', async () => {
    const show = shows['Flat Show'];
    const r = await b.h.request('PUT', `/v1/shows/${show.id}/seasons/2/episodes/5/watched`, {
      token: b.token,
    });
    expect(r.body).toMatchObject({ watched: true, episodes: 1 });
    expect((await episodes('Flat Show', 2))[0].watched).toBe(true);
    expect((await episodes('Flat Show', 1))[0].watched).toBe(false);
    expect((await listAll(b, '/v1/shows?watched=true')).map((s) => s.title)).not.toContain('Flat Show');
  });
});
