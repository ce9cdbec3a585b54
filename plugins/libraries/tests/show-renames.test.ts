// A renamed show folder keeps its show: `Breaking Bad` → `Breaking Bad (2008)` (and back), a folder whose tvshow.nfo
// or name carries a provider id renamed to another title — same show, season and episode ids, watch state kept,
// nothing missing. Two shows of one name and different years stay two, also when one loses its year. Rows written
// with the identities of earlier versions (the show's folder name) are found and migrated, never duplicated.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import { normaliseKey } from '../lib/identity.ts';
import { removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, listAll, scan, startScan, waitForScan } from './harness.ts';

let b: Booted;

beforeAll(async () => {
  b = await boot({ probe: false });
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

interface Row {
  id: string;
  kind: string;
  identity: string;
  missing: number;
  folder: string | null;
}

const rows = (lib: string) =>
  b.h.core.sqlite
    .query<Row, [string]>(
      'SELECT id, kind, identity, missing, folder FROM libraries_items WHERE library_id = ? ORDER BY id',
    )
    .all(lib);

/** Item ids by kind, and whether any item is missing. */
const snapshot = (lib: string) => {
  const all = rows(lib);
  return {
    ids: all.map((r) => `${r.kind}:${r.id}`),
    missing: all.filter((r) => r.missing).map((r) => r.identity),
  };
};

const tvshowNfo = (title: string, ids: Record<string, string>) =>
  `<tvshow><title>${title}</title>${Object.entries(ids)
    .map(([type, id]) => `<uniqueid type="${type}">${id}</uniqueid>`)
    .join('')}</tvshow>`;

const episodes = (folder: string, name: string, extra: Record<string, string> = {}) => ({
  [`${folder}/Season 01/${name} - S01E01.mkv`]: 'one',
  [`${folder}/Season 01/${name} - S01E02.mkv`]: 'two',
  [`${folder}/Season 02/${name} - S02E01.mkv`]: 'three',
  ...extra,
});

async function library(tree: Record<string, string>): Promise<{ root: string; lib: string }> {
  const root = await writeTree(tempDir(), tree);
  const lib = await createLibrary(b, 'shows', [root], basename(root));
  const status = await scan(b, lib);
  expect(status.counts.errors).toBe(0);
  return { root, lib };
}

const showsOf = async (lib: string) =>
  (await listAll(b, `/v1/shows?library=${lib}`)).map((s: any) => ({ id: s.id, title: s.title }));

async function watchFirst(showId: string): Promise<string> {
  const ep = await get(b, `/v1/shows/${showId}/seasons/1/episodes/1`);
  const r = await b.h.request('PUT', `/v1/episodes/${ep.id}/watched`, { token: b.token });
  expect(r.status).toBeLessThan(300);
  return ep.id;
}

/** Renames a show folder, rescans, and checks that every row stayed with its id and watch state, none missing. */
async function renameKeeps(
  t: { root: string; lib: string },
  from: string,
  to: string,
  watched: string,
): Promise<void> {
  const before = snapshot(t.lib);
  renameSync(join(t.root, from), join(t.root, to));
  const status = await scan(b, t.lib);
  expect(status.counts).toMatchObject({ added: 0, missing: 0, errors: 0 });
  expect(snapshot(t.lib)).toEqual(before);
  expect(before.missing).toEqual([]);
  expect(await get(b, `/v1/episodes/${watched}`)).toMatchObject({ watched: true, missing: false });
  const folders = rows(t.lib).flatMap((r) => (r.kind === 'show' ? [r.folder] : []));
  expect(folders).toContain(join(t.root, to));
  expect(folders).not.toContain(join(t.root, from));
}

describe('a renamed show folder keeps its show', () => {
  test('adding a year to a name without ids, and taking it out again', async () => {
    const t = await library(episodes('Breaking Bad', 'Breaking Bad'));
    const [show] = await showsOf(t.lib);
    const watched = await watchFirst(show.id);
    await renameKeeps(t, 'Breaking Bad', 'Breaking Bad (2008)', watched);
    expect((await get(b, `/v1/shows/${show.id}`)).year).toBe(2008);
    await renameKeeps(t, 'Breaking Bad (2008)', 'Breaking Bad', watched);
    expect(await showsOf(t.lib)).toEqual([{ id: show.id, title: 'Breaking Bad' }]);
  });

  test('a folder whose tvshow.nfo carries a provider id, renamed to another title', async () => {
    const nfo = { 'BCS/tvshow.nfo': tvshowNfo('Better Call Saul', { tvdb: '273181', imdb: 'tt3032476' }) };
    const t = await library(episodes('BCS', 'BCS', nfo));
    const [show] = await showsOf(t.lib);
    const watched = await watchFirst(show.id);
    await renameKeeps(t, 'BCS', 'Better Call Saul (2015)', watched);
    expect(await showsOf(t.lib)).toEqual([{ id: show.id, title: 'Better Call Saul' }]);
  });

  test('a folder whose name carries a provider id, renamed to another title with it', async () => {
    const t = await library(episodes('The Wire [tvdbid-79126]', 'The Wire'));
    const [show] = await showsOf(t.lib);
    const watched = await watchFirst(show.id);
    await renameKeeps(t, 'The Wire [tvdbid-79126]', 'Wire (2002) [tvdbid-79126]', watched);
  });

  test('a folder with a year and an id in its tvshow.nfo that loses both from its name', async () => {
    const nfo = { 'Fargo (2014)/tvshow.nfo': tvshowNfo('Fargo', { tmdb: '60622' }) };
    const t = await library(episodes('Fargo (2014)', 'Fargo', nfo));
    const [show] = await showsOf(t.lib);
    const watched = await watchFirst(show.id);
    await renameKeeps(t, 'Fargo (2014)', 'Fargo', watched);
  });
});

describe('a show whose ids change', () => {
  test('keeps its rows when a tvshow.nfo with ids is added, then through a rename to another title', async () => {
    const t = await library(episodes('Mad Men', 'Mad Men'));
    const [show] = await showsOf(t.lib);
    const watched = await watchFirst(show.id);
    const before = snapshot(t.lib);
    await writeTree(t.root, { 'Mad Men/tvshow.nfo': tvshowNfo('Mad Men', { tvdb: '80337' }) });
    expect((await scan(b, t.lib)).counts).toMatchObject({ added: 0, missing: 0, errors: 0 });
    expect(snapshot(t.lib)).toEqual(before);
    expect(rows(t.lib).find((r) => r.kind === 'show')?.identity).toBe('show:tvdb:80337');
    await renameKeeps(t, 'Mad Men', 'MM (2007)', watched);
  });
});

describe('shows of one name and different years', () => {
  test('stay two shows, also when one of them loses its year, and a new one of that name is a third', async () => {
    const t = await library({
      ...episodes('Doctor Who (1963)', 'Doctor Who'),
      ...episodes('Doctor Who (2005)', 'Doctor Who'),
    });
    const byYear = Object.fromEntries(
      (await listAll(b, `/v1/shows?library=${t.lib}`)).map((s: any) => [s.year, s.id]),
    );
    expect(Object.keys(byYear)).toEqual(['1963', '2005']);
    const watched = await watchFirst(byYear[2005]);
    const before = snapshot(t.lib);
    renameSync(join(t.root, 'Doctor Who (2005)'), join(t.root, 'Doctor Who'));
    expect((await scan(b, t.lib)).counts).toMatchObject({ added: 0, missing: 0, errors: 0 });
    expect(snapshot(t.lib)).toEqual(before);
    expect(await get(b, `/v1/episodes/${watched}`)).toMatchObject({ watched: true });
    const folders = rows(t.lib)
      .filter((r) => r.kind === 'show')
      .map((r) => [r.id, basename(r.folder ?? '')])
      .sort((x, y) => x[1].localeCompare(y[1]));
    expect(folders).toEqual([
      [byYear[2005], 'Doctor Who'],
      [byYear[1963], 'Doctor Who (1963)'],
    ]);
    // A show of that name with another year, added beside both, is a show of its own.
    await writeTree(t.root, episodes('Doctor Who (2023)', 'Doctor Who'));
    expect((await scan(b, t.lib)).counts).toMatchObject({ added: 3, missing: 0 });
    expect(await showsOf(t.lib)).toHaveLength(3);
  });

  test('a show without a year beside one with a year stays apart from it when first scanned', async () => {
    const t = await library({
      ...episodes('Doctor Who', 'Doctor Who'),
      ...episodes('Doctor Who (1963)', 'Doctor Who'),
    });
    expect(await showsOf(t.lib)).toHaveLength(2);
  });

  test('a new folder without a year does not take a present show of that name with a year', async () => {
    const t = await library(episodes('Doctor Who (1963)', 'Doctor Who'));
    const [old] = await showsOf(t.lib);
    const before = snapshot(t.lib);
    await writeTree(t.root, episodes('Doctor Who', 'Doctor Who'));
    expect((await scan(b, t.lib)).counts).toMatchObject({ added: 3, updated: 0, missing: 0 });
    const after = snapshot(t.lib);
    expect(after.ids.filter((id) => before.ids.includes(id))).toEqual(before.ids);
    expect((await showsOf(t.lib)).map((s) => s.id)).toContain(old.id);
    expect(await showsOf(t.lib)).toHaveLength(2);
  });
});

/** Rewrites a library's rows to the identities of earlier versions: `show:<folder name key>`, children below it. */
function toLegacyIdentities(lib: string): void {
  const db = b.h.core.sqlite;
  for (const show of rows(lib).filter((r) => r.kind === 'show')) {
    const legacy = `show:${normaliseKey(basename(show.folder ?? ''))}`;
    db.query(
      `UPDATE libraries_items SET identity = ? || substr(identity, ?) WHERE library_id = ? AND show_id = ?`,
    ).run(legacy, show.identity.length + 1, lib, show.id);
    db.query('UPDATE libraries_items SET identity = ? WHERE id = ?').run(legacy, show.id);
  }
}

describe('a library scanned by an earlier version', () => {
  test('keeps every row through a rescan, a forced rescan and a rename', async () => {
    const t = await library({
      ...episodes('Lost (2004)', 'Lost', { 'Lost (2004)/tvshow.nfo': tvshowNfo('Lost', { tvdb: '73739' }) }),
      ...episodes('Plain Show', 'Plain Show'),
    });
    const plain = (await showsOf(t.lib)).find((s) => s.title === 'Plain Show')!;
    const watched = await watchFirst(plain.id);
    const before = snapshot(t.lib);
    toLegacyIdentities(t.lib);
    const legacy = rows(t.lib).map((r) => r.identity);
    expect(legacy.filter((i) => i.startsWith('show:lost 2004'))).toHaveLength(6);

    expect((await scan(b, t.lib)).counts).toMatchObject({ added: 0, missing: 0, errors: 0 });
    expect(snapshot(t.lib)).toEqual(before);

    const forced = await waitForScan(b, t.lib, await startScan(b, t.lib, { force: true }));
    expect(forced.counts).toMatchObject({ added: 0, missing: 0, errors: 0 });
    expect(snapshot(t.lib)).toEqual(before);
    // Migrated: no row keeps an identity of the earlier scheme.
    expect(rows(t.lib).filter((r) => legacy.includes(r.identity))).toEqual([]);

    toLegacyIdentities(t.lib);
    await renameKeeps(t, 'Plain Show', 'Plain Show (1999)', watched);
    toLegacyIdentities(t.lib);
    await renameKeeps(t, 'Lost (2004)', 'LOST', await watchFirst((await showsOf(t.lib))[0].id));
  });
});
