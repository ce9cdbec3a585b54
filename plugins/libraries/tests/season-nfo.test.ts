// Jellyfin's season.nfo in a season folder titles and describes its season (over tvshow.nfo's `<namedseason>`), an
// edited one is read again on the next rescan, one naming another season or unusable is ignored (and logged); Kodi's
// and Plex's `season-all-poster.jpg` in the show folder is the poster of every season without one of its own.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { removeTemps, setMtime, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, listAll, scan, seasonPosters } from './harness.ts';

const seasonNfo = (title: string, plot: string, n?: number) =>
  `<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<season><title>${title}</title><plot>${plot}</plot>` +
  `<premiered>2017-12-01</premiered>${n === undefined ? '' : `<seasonnumber>${n}</seasonnumber>`}</season>`;

let b: Booted;
let root: string;
let lib: string;
const shows: Record<string, string> = {};

beforeAll(async () => {
  b = await boot({ probe: false });
  root = await writeTree(tempDir(), {
    'Dark (2017)/tvshow.nfo':
      '<tvshow><title>Dark</title><namedseason number="1">Named One</namedseason>' +
      '<namedseason number="2">Named Two</namedseason></tvshow>',
    'Dark (2017)/Season 01/season.nfo': seasonNfo('Origins', 'Jonas learns the truth.', 1),
    'Dark (2017)/Season 01/Dark - S01E01.mkv': 'one',
    'Dark (2017)/Season 02/season.nfo': seasonNfo('Wrong Folder', 'Says it is season 3.', 3),
    'Dark (2017)/Season 02/Dark - S02E01.mkv': 'two',
    'Dark (2017)/Season 03/season.nfo': '<tvshow><title>Wrong root</title></tvshow>',
    'Dark (2017)/Season 03/Dark - S03E01.mkv': 'three',
    'Art/season-all-poster.jpg': 'all seasons poster',
    'Art/season02-poster.jpg': 'season two poster',
    'Art/Season 01/Art - S01E01.mkv': 'one',
    'Art/Season 02/Art - S02E01.mkv': 'two',
    'Art/Season 03/Art - S03E01.mkv': 'three',
    'Art/Season 03/poster.jpg': 'season three poster',
    'Art/Specials/Art - S00E01.mkv': 'special',
  });
  lib = await createLibrary(b, 'shows', [root]);
  await scan(b, lib);
  for (const s of await listAll(b, '/v1/shows')) shows[s.title] = s.id;
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

const seasons = async (show: string) =>
  (await get(b, `/v1/shows/${shows[show]}/seasons`)).items.map((s: any) => [
    s.seasonNumber,
    s.title,
    s.overview,
  ]);

describe('season.nfo', () => {
  test('titles and describes its season, over tvshow.nfo’s name for it', async () => {
    expect(await seasons('Dark')).toEqual([
      [1, 'Origins', 'Jonas learns the truth.'],
      [2, 'Named Two', null],
      [3, 'Season 3', null],
    ]);
    const one = await get(b, `/v1/shows/${shows.Dark}/seasons/1`);
    expect(one).toMatchObject({ title: 'Origins', year: 2017, match: { method: 'nfo' } });
  });

  test('one naming another season, or unusable, is ignored and logged', () => {
    const logged = b.h.logs.filter((l) => l.includes('malformed NFO')).join('\n');
    expect(logged).toContain("Season 02/season.nfo: season 3 is not this folder's season 2 (ignored)");
    expect(logged).toContain(
      'Season 03/season.nfo: expected a <season> root element but found <tvshow> (ignored)',
    );
  });

  test('an edited season.nfo is read again on the next rescan', async () => {
    const path = join(root, 'Dark (2017)/Season 01/season.nfo');
    await writeTree(root, { 'Dark (2017)/Season 01/season.nfo': seasonNfo('Secrets', 'Edited.') });
    setMtime(path, Date.now() / 1000 + 60);
    await scan(b, lib);
    expect((await seasons('Dark'))[0]).toEqual([1, 'Secrets', 'Edited.']);
  });
});

const posters = () => seasonPosters(b, shows.Art);

describe('season-all-poster', () => {
  test('is the poster of every season without its own', async () => {
    expect(await posters()).toEqual({
      0: 'all seasons poster',
      1: 'all seasons poster',
      2: 'season two poster',
      3: 'season three poster',
    });
  });

  test('takes the place of a season poster taken out, on the next rescan', async () => {
    rmSync(join(root, 'Art/season02-poster.jpg'));
    await scan(b, lib);
    expect((await posters())[2]).toBe('all seasons poster');
  });

  test('is not the show’s poster', async () => {
    const r = await b.h.request('GET', `/v1/images/${shows.Art}/poster`, { token: b.token });
    expect(r.status).toBe(404);
  });
});
