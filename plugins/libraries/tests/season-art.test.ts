// A season's own folder gives it artwork: an episode whose name says another season (an S01 file left in
// `Season 02`) does not hand season 1 the `Season 02` folder's poster, on the first scan or when that folder is read
// again.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, listAll, scan } from './harness.ts';

let b: Booted;
let root: string;
let libraryId: string;
let showId: string;

beforeAll(async () => {
  b = await boot({ probe: false });
  root = await writeTree(tempDir(), {
    'Show/Season 01/Show - S01E01.mkv': '',
    'Show/Season 01/poster.jpg': 'season one poster',
    'Show/Season 02/Show - S01E02.mkv': '',
    'Show/Season 02/Show - S02E01.mkv': '',
  });
  libraryId = await createLibrary(b, 'shows', [root]);
  await scan(b, libraryId);
  showId = (await listAll(b, '/v1/shows'))[0].id;
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

const posters = async () => {
  const out: Record<number, string | null> = {};
  for (const s of (await get(b, `/v1/shows/${showId}/seasons`)).items) {
    const r = await b.h.request('GET', `/v1/images/${s.id}/poster`, { token: b.token });
    out[s.seasonNumber] = r.status === 200 ? String(r.body) : null;
  }
  return out;
};

describe('season artwork', () => {
  test('each season has the poster of its own folder', async () => {
    expect((await get(b, `/v1/shows/${showId}/seasons/1/episodes`)).items).toHaveLength(2);
    expect(await posters()).toEqual({ 1: 'season one poster', 2: null });
  });

  test('a poster added to the other season folder is that season’s only', async () => {
    await writeTree(root, { 'Show/Season 02/folder.jpg': 'season two poster' });
    await scan(b, libraryId);
    expect(await posters()).toEqual({ 1: 'season one poster', 2: 'season two poster' });
  });
});
