// Season titles from tvshow.nfo (`<namedseason number="1">The Beginning</namedseason>`, Kodi; Jellyfin since 10.9):
// a named season is titled so, the others stay "Season N" / "Specials", and an edited NFO renames them on rescan.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { join } from 'node:path';
import { removeTemps, setMtime, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, listAll, scan } from './harness.ts';

const showNfo = (named: Record<number, string>) =>
  `<tvshow><title>Dark</title>${Object.entries(named)
    .map(([n, name]) => `<namedseason number="${n}">${name}</namedseason>`)
    .join('')}</tvshow>`;

let b: Booted;
let root: string;
let libraryId: string;
let showId: string;

beforeAll(async () => {
  b = await boot({ probe: false });
  root = await writeTree(tempDir(), {
    'Dark (2017)/tvshow.nfo': showNfo({ 0: 'Bonus', 1: 'Sic Mundus', 3: 'Not on disk' }),
    'Dark (2017)/Specials/Dark - S00E01 - Making Of.mkv': '',
    'Dark (2017)/Season 01/Dark - S01E01 - Secrets.mkv': '',
    'Dark (2017)/Season 02/Dark - S02E01 - Beginnings and Endings.mkv': '',
    'Plain/Season 01/Plain - S01E01.mkv': '',
  });
  libraryId = await createLibrary(b, 'shows', [root]);
  await scan(b, libraryId);
  const shows = await listAll(b, '/v1/shows');
  showId = shows.find((s) => s.title === 'Dark').id;
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

const seasonTitles = async (id: string) =>
  (await get(b, `/v1/shows/${id}/seasons`)).items.map((s: any) => [s.seasonNumber, s.title]);

describe('named seasons', () => {
  test('a season tvshow.nfo names is titled so; the others keep their number', async () => {
    expect(await seasonTitles(showId)).toEqual([
      [0, 'Bonus'],
      [1, 'Sic Mundus'],
      [2, 'Season 2'],
    ]);
    expect((await get(b, `/v1/shows/${showId}/seasons/1`)).title).toBe('Sic Mundus');
  });

  test('a show without named seasons has Season N', async () => {
    const plain = (await listAll(b, '/v1/shows')).find((s) => s.title === 'Plain').id;
    expect(await seasonTitles(plain)).toEqual([[1, 'Season 1']]);
  });

  test('an edited tvshow.nfo renames its seasons on the next scan, and a name taken out goes back', async () => {
    const nfo = join(root, 'Dark (2017)/tvshow.nfo');
    await writeTree(root, { 'Dark (2017)/tvshow.nfo': showNfo({ 2: 'Adam und Eva' }) });
    setMtime(nfo, Date.now() / 1000 + 60);
    await scan(b, libraryId);
    expect(await seasonTitles(showId)).toEqual([
      [0, 'Specials'],
      [1, 'Season 1'],
      [2, 'Adam und Eva'],
    ]);
  });
});
