// Episodes whose files all went to other episodes (an NFO numbers an unnumbered file as another episode, a show
// folder's tvshow.nfo names another show's id) are removed by the rescan that takes their last file, and so are the
// seasons and shows left with no episode; an episode whose file was renamed away keeps its row, missing, and comes
// back with its watch state. (A removed episode's watch state goes to the episode that took its file:
// ghost-watch-episodes.test.ts.)
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { removeTemps, tempDir, writeTree } from './fixtures.ts';
import {
  type Announced,
  announcedScans,
  type Booted,
  boot,
  createLibrary,
  get,
  listAll,
  scan,
} from './harness.ts';

let b: Booted;
let root: string;
let lib: string;
let scanned: (libraryId: string) => Promise<Announced>;

const episodeNfo = (season: number, episode: number, title: string) =>
  `<episodedetails><title>${title}</title><season>${season}</season><episode>${episode}</episode></episodedetails>`;
const showNfo = (tvdb: string) =>
  `<tvshow><title>Dark</title><uniqueid type="tvdb">${tvdb}</uniqueid></tvshow>`;

beforeAll(async () => {
  b = await boot({ probe: false });
  scanned = announcedScans(b);
  root = await writeTree(tempDir(), {
    'Lost/Season 01/Lost S01E01.mkv': 'e1',
    'Lost/Season 01/Lost S01E02.mkv': 'e2',
    'Lost/Season 01/Lost S01E03.mkv': 'e3',
    'Lost/Season 01/Bonus.mkv': 'bonus',
    'Lost/Extra Bit.mkv': 'extra bit',
    'Lost/Extra Bit.nfo': episodeNfo(2, 1, 'Extra Bit'),
    'Dark/tvshow.nfo': showNfo('1'),
    'Dark/Season 01/Dark S01E01.mkv': 'dark',
    'Dark 2/Season 01/Dark S01E01.mkv': 'dark 2',
    'Dark 2/Season 02/Dark S02E01.mkv': 'dark 2 s2',
  });
  lib = await createLibrary(b, 'shows', [root]);
  await scan(b, lib);
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

/** Scans and returns its counts with what it announced. */
const rescan = () => scanned(lib);

const status = async (path: string) => (await b.h.request('GET', path, { token: b.token })).status;
const showId = async (title: string) =>
  (await listAll(b, '/v1/shows')).find((s) => s.title === title).id as string;
const episodesOf = async (show: string, season: number) =>
  (await get(b, `/v1/shows/${show}/seasons/${season}/episodes`)).items.map((e: any) => [
    e.title,
    e.files.map((f: any) => basename(f.path)).sort(),
  ]);

describe('an episode whose only file now is another episode', () => {
  test('is removed when its NFO numbers an unnumbered file as that episode, with its watch state', async () => {
    const lost = await showId('Lost');
    const bonus = (await get(b, `/v1/shows/${lost}/seasons/1/episodes`)).items.find(
      (e: any) => e.title === 'Bonus',
    );
    expect((await b.h.request('PUT', `/v1/episodes/${bonus.id}/watched`, { token: b.token })).status).toBe(
      200,
    );
    writeFileSync(join(root, 'Lost/Season 01/Bonus.nfo'), episodeNfo(1, 1, 'Bonus'));
    const r = await rescan();
    expect(r.counts).toMatchObject({ removed: 1, missing: 0, errors: 0 });
    expect(r.removed).toEqual([bonus.id]);
    expect(await status(`/v1/episodes/${bonus.id}`)).toBe(404);
    const watched = b.h.core.sqlite
      .query('SELECT 1 FROM libraries_watch_state WHERE item_id = ?')
      .all(bonus.id);
    expect(watched).toEqual([]);
    expect((await episodesOf(lost, 1))[0]).toEqual(['Episode 1', ['Bonus.mkv', 'Lost S01E01.mkv']]);
  });

  test('is removed when its NFO moves it to another season, and so is the season left empty', async () => {
    const lost = await showId('Lost');
    const extra = (await get(b, `/v1/shows/${lost}/seasons/2/episodes`)).items[0];
    const season2 = (await get(b, `/v1/shows/${lost}/seasons/2`)).id;
    writeFileSync(join(root, 'Lost/Extra Bit.nfo'), episodeNfo(1, 3, 'Extra Bit'));
    const r = await rescan();
    expect(r.counts).toMatchObject({ removed: 2, missing: 0, errors: 0 });
    expect(r.removed.sort()).toEqual([extra.id, season2].sort());
    expect(await status(`/v1/episodes/${extra.id}`)).toBe(404);
    expect(await status(`/v1/shows/${lost}/seasons/2`)).toBe(404);
    expect((await get(b, `/v1/shows/${lost}/seasons`)).items.map((s: any) => s.seasonNumber)).toEqual([1]);
    expect((await episodesOf(lost, 1))[2]).toEqual(['Episode 3', ['Extra Bit.mkv', 'Lost S01E03.mkv']]);
  });
});

describe('a show folder whose tvshow.nfo now names another show', () => {
  test('joins that show: the old show, its seasons and episodes are removed, and the stats count none', async () => {
    const dark2 = await showId('Dark 2');
    const below = b.h.core.sqlite
      .query<{ id: string }, [string]>('SELECT id FROM libraries_items WHERE show_id = ?')
      .all(dark2)
      .map((r) => r.id);
    expect(below).toHaveLength(4);
    writeFileSync(join(root, 'Dark 2/tvshow.nfo'), showNfo('1'));
    const r = await rescan();
    expect(r.counts).toMatchObject({ removed: 5, missing: 0, errors: 0 });
    expect(r.removed.sort()).toEqual([dark2, ...below].sort());
    expect(await status(`/v1/shows/${dark2}`)).toBe(404);
    for (const id of below) expect(await status(`/v1/episodes/${id}`)).toBe(404);
    const dark = await showId('Dark');
    expect((await listAll(b, '/v1/shows')).map((s) => s.title).sort()).toEqual(['Dark', 'Lost']);
    expect(await episodesOf(dark, 1)).toEqual([['Episode 1', ['Dark S01E01.mkv', 'Dark S01E01.mkv']]]);
    expect(await episodesOf(dark, 2)).toEqual([['Episode 1', ['Dark S02E01.mkv']]]);
    expect(await get(b, `/v1/libraries/${lib}/stats`)).toMatchObject({
      items: { show: 2, season: 3, episode: 5 },
      missingItems: 0,
    });
  });
});

describe('an episode whose file was renamed to another episode', () => {
  test('stays missing with its file row, and comes back watched when the name is put back', async () => {
    const lost = await showId('Lost');
    const e2 = await get(b, `/v1/shows/${lost}/seasons/1/episodes/2`);
    expect((await b.h.request('PUT', `/v1/episodes/${e2.id}/watched`, { token: b.token })).status).toBe(200);
    const from = join(root, 'Lost/Season 01/Lost S01E02.mkv');
    const to = join(root, 'Lost/Season 01/Lost S01E03 - copy.mkv');
    renameSync(from, to);
    expect((await rescan()).counts).toMatchObject({ removed: 0, missing: 1 });
    const gone = await get(b, `/v1/episodes/${e2.id}`);
    expect(gone).toMatchObject({ missing: true, watched: true });
    expect(gone.files.map((f: any) => [basename(f.path), f.missing])).toEqual([['Lost S01E02.mkv', true]]);
    renameSync(to, from);
    expect((await rescan()).counts).toMatchObject({ removed: 0, restored: 1 });
    expect(await get(b, `/v1/episodes/${e2.id}`)).toMatchObject({ missing: false, watched: true });
  });
});
