// Season rows: titles from tvshow.nfo (`<namedseason number="1">…</namedseason>`, Kodi; Jellyfin since 10.9) — a named
// season is titled so, the others stay "Season N" / "Specials", an edited NFO renames them on rescan — and artwork
// from the season's own folder only: an S01 file left in `Season 02` does not hand season 1 that folder's poster, on
// the first scan or when that folder is read again.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { join } from 'node:path';
import { removeTemps, setMtime, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, listAll, scan, seasonPosters } from './harness.ts';

const showNfo = (named: Record<number, string>) =>
  `<tvshow><title>Dark</title>${Object.entries(named)
    .map(([n, name]) => `<namedseason number="${n}">${name}</namedseason>`)
    .join('')}</tvshow>`;

let b: Booted;
const roots: Record<string, string> = {};
const libraries: Record<string, string> = {};
const shows: Record<string, string> = {};

beforeAll(async () => {
  b = await boot({ probe: false });
  const trees: Record<string, Record<string, string>> = {
    names: {
      'Dark (2017)/tvshow.nfo': showNfo({ 0: 'Bonus', 1: 'Sic Mundus', 3: 'Not on disk' }),
      'Dark (2017)/Specials/Dark - S00E01 - Making Of.mkv': '',
      'Dark (2017)/Season 01/Dark - S01E01 - Secrets.mkv': '',
      'Dark (2017)/Season 02/Dark - S02E01 - Beginnings and Endings.mkv': '',
      'Plain/Season 01/Plain - S01E01.mkv': '',
    },
    art: {
      'Misfiled/Season 01/Misfiled - S01E01.mkv': '',
      'Misfiled/Season 01/poster.jpg': 'season one poster',
      'Misfiled/Season 02/Misfiled - S01E02.mkv': '',
      'Misfiled/Season 02/Misfiled - S02E01.mkv': '',
    },
  };
  for (const [name, tree] of Object.entries(trees)) {
    roots[name] = await writeTree(tempDir(), tree);
    libraries[name] = await createLibrary(b, 'shows', [roots[name]], name);
    await scan(b, libraries[name]);
  }
  for (const s of await listAll(b, '/v1/shows')) shows[s.title] = s.id;
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

const seasonTitles = async (show: string) =>
  (await get(b, `/v1/shows/${shows[show]}/seasons`)).items.map((s: any) => [s.seasonNumber, s.title]);

describe('named seasons', () => {
  test('a season tvshow.nfo names is titled so; the others keep their number', async () => {
    expect(await seasonTitles('Dark')).toEqual([
      [0, 'Bonus'],
      [1, 'Sic Mundus'],
      [2, 'Season 2'],
    ]);
    expect((await get(b, `/v1/shows/${shows.Dark}/seasons/1`)).title).toBe('Sic Mundus');
  });

  test('a show without named seasons has Season N', async () => {
    expect(await seasonTitles('Plain')).toEqual([[1, 'Season 1']]);
  });

  test('an edited tvshow.nfo renames its seasons on the next scan, and a name taken out goes back', async () => {
    await writeTree(roots.names, { 'Dark (2017)/tvshow.nfo': showNfo({ 2: 'Adam und Eva' }) });
    setMtime(join(roots.names, 'Dark (2017)/tvshow.nfo'), Date.now() / 1000 + 60);
    await scan(b, libraries.names);
    expect(await seasonTitles('Dark')).toEqual([
      [0, 'Specials'],
      [1, 'Season 1'],
      [2, 'Adam und Eva'],
    ]);
  });
});

const posters = () => seasonPosters(b, shows.Misfiled);

describe('season artwork', () => {
  test('each season has the poster of its own folder', async () => {
    expect((await get(b, `/v1/shows/${shows.Misfiled}/seasons/1/episodes`)).items).toHaveLength(2);
    expect(await posters()).toEqual({ 1: 'season one poster', 2: null });
  });

  test('a poster added to the other season folder is that season’s only', async () => {
    await writeTree(roots.art, { 'Misfiled/Season 02/folder.jpg': 'season two poster' });
    await scan(b, libraries.art);
    expect(await posters()).toEqual({ 1: 'season one poster', 2: 'season two poster' });
  });
});
