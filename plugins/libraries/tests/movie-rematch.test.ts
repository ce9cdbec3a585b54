// A movie matched again keeps its item, as in Jellyfin and Plex: scanned, watched and edited, then its NFO is
// corrected to name another provider id (tinyMediaManager, Jellyfin's NFO saver) and it is rescanned — the same item
// with the new ids and title, its parts and versions with it. A corrected id another movie of the library has joins
// that movie; a movie with files in another folder, whose NFO still names its id, keeps the item there.
import { afterAll, beforeAll, describe, expect, spyOn, test } from 'bun:test';
import { COL } from '../lib/item-row.ts';
import { CatalogWriter } from '../services/catalog-writer.ts';
import { movieNfo, removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, listAll, scan } from './harness.ts';
import {
  expectKept,
  HEAT,
  IMDB,
  movieRows,
  rewrite,
  scannedLibrary,
  TMDB,
  watchAndEdit,
  watchedAndEdited,
} from './movie-identity-kit.ts';

let b: Booted;
beforeAll(async () => {
  b = await boot({ probe: false });
});
afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

/** The wrong match a metadata manager first wrote, and the corrected NFO. */
const WRONG = movieNfo({ title: 'Heatwave', year: 1982, tmdb: '42148' });
const RIGHT = movieNfo({ ...HEAT, tmdb: TMDB, imdb: IMDB });

/** Paths of a listed movie's files, relative to `root`, sorted. */
const filesOf = (root: string, m: any): string[] =>
  m.files.map((f: any) => f.path.slice(root.length + 1)).sort();

describe('an NFO corrected to another provider id keeps the item', () => {
  test('a corrected tmdb id: the same item, watched, edited, added when it was, now the new id and title', async () => {
    const { root, lib, movie } = await watchedAndEdited(b, {
      'Heat (1995)/Heat (1995).mkv': 'heat',
      'Heat (1995)/movie.nfo': WRONG,
    });
    expect(movie).toMatchObject({ title: 'Heatwave', year: 1982, providerIds: { tmdb: '42148' } });
    rewrite(root, 'Heat (1995)/movie.nfo', RIGHT);
    expect((await scan(b, lib)).counts).toMatchObject({ added: 0, updated: 1, missing: 0 });
    const after = await expectKept(b, lib, movie, { tmdb: TMDB, imdb: IMDB });
    expect(after).toMatchObject({ title: 'Heat', year: 1995 });
    const [listed] = await listAll(b, `/v1/movies?library=${lib}`);
    expect(listed).toMatchObject({ id: movie.id, title: 'Heat', providerIds: { tmdb: TMDB, imdb: IMDB } });
  });

  test.each([
    ['two parts', ['Heat (1995) cd1.mkv', 'Heat (1995) cd2.mkv']],
    ['two versions', ['Heat (1995) - 1080p.mkv', 'Heat (1995) - 2160p.mkv']],
  ])('a movie in %s stays one item with both files', async (_, names) => {
    const { root, lib, movie } = await watchedAndEdited(b, {
      [`Heat (1995)/${names[0]}`]: 'first',
      [`Heat (1995)/${names[1]}`]: 'second',
      'Heat (1995)/movie.nfo': WRONG,
    });
    expect(movie.files).toHaveLength(2);
    rewrite(root, 'Heat (1995)/movie.nfo', RIGHT);
    expect((await scan(b, lib)).counts).toMatchObject({ added: 0, updated: 1, missing: 0 });
    const after = await expectKept(b, lib, movie, { tmdb: TMDB, imdb: IMDB });
    expect(after.title).toBe('Heat');
    expect(filesOf(root, after)).toEqual(names.map((n) => `Heat (1995)/${n}`));
  });
});

describe('a corrected id another row has, or files elsewhere', () => {
  test('a corrected id another movie of the library has: the file joins that movie', async () => {
    const { root, lib, listed } = await scannedLibrary(b, {
      'Heat (1995)/Heat (1995).mkv': 'heat',
      'Heat (1995)/movie.nfo': RIGHT,
      'Heat (1995) UHD/Heat (1995) UHD.mkv': 'heat uhd',
      'Heat (1995) UHD/movie.nfo': WRONG,
    });
    const heat = listed.find((m) => m.title === 'Heat');
    const wrong = await watchAndEdit(b, listed.find((m) => m.title === 'Heatwave').id);
    rewrite(root, 'Heat (1995) UHD/movie.nfo', RIGHT);
    expect((await scan(b, lib)).counts).toMatchObject({ added: 0, updated: 1 });
    const [one, ...more] = await listAll(b, `/v1/movies?library=${lib}`);
    expect(more).toEqual([]);
    expect(one).toMatchObject({ id: heat.id, title: 'Heat', providerIds: { tmdb: TMDB, imdb: IMDB } });
    expect(filesOf(root, one)).toEqual([
      'Heat (1995) UHD/Heat (1995) UHD.mkv',
      'Heat (1995)/Heat (1995).mkv',
    ]);
    // The item the file left has no file: not listed (kept missing, or removed).
    const left = await b.h.request('GET', `/v1/movies/${wrong.id}`, { token: b.token });
    expect(left.status === 404 || left.body.missing === true).toBe(true);
  });

  test('one movie in two folders, one NFO corrected: that file is another movie, the item stays with the other', async () => {
    const {
      root,
      lib,
      listed: [movie],
    } = await scannedLibrary(b, {
      'Heat (1995)/Heat (1995).mkv': 'heat',
      'Heat (1995)/movie.nfo': RIGHT,
      'Heat (1986)/Heat (1986).mkv': 'heat 1986',
      'Heat (1986)/movie.nfo': RIGHT,
    });
    expect(filesOf(root, movie)).toEqual(['Heat (1986)/Heat (1986).mkv', 'Heat (1995)/Heat (1995).mkv']);
    const before = await watchAndEdit(b, movie.id);
    rewrite(root, 'Heat (1986)/movie.nfo', movieNfo({ title: 'Heat', year: 1986, tmdb: '31674' }));
    expect((await scan(b, lib)).counts).toMatchObject({ added: 1, updated: 0, missing: 0 });
    const listed = await listAll(b, `/v1/movies?library=${lib}`);
    const byTmdb = Object.fromEntries(
      listed.map((m) => [m.providerIds.tmdb, [m.id === movie.id, m.watched, filesOf(root, m)]]),
    );
    expect(byTmdb).toEqual({
      [TMDB]: [true, true, ['Heat (1995)/Heat (1995).mkv']],
      '31674': [false, false, ['Heat (1986)/Heat (1986).mkv']],
    });
    expect(await get(b, `/v1/movies/${movie.id}`)).toMatchObject({
      tagline: 'Edited by hand',
      addedAt: before.addedAt,
    });
    expect(movieRows(b, lib).map((r) => r.missing)).toEqual([0, 0]);
  });
});

test('a first scan of a fresh library looks up no other item; a rescan of a corrected NFO does', async () => {
  const root = await writeTree(tempDir(), {
    'Heat (1995)/Heat (1995) cd1.mkv': 'first',
    'Heat (1995)/Heat (1995) cd2.mkv': 'second',
    'Heat (1995)/movie.nfo': WRONG,
    'Up (2009)/Up (2009).mkv': 'up',
  });
  const lib = await createLibrary(b, 'movies', [root], 'Fresh');
  // Counts the claims writeItem asks (a movie its identity does not name: the former item, one renamed from).
  const writeItem = CatalogWriter.prototype.writeItem;
  const asked: string[] = [];
  const writes = spyOn(CatalogWriter.prototype, 'writeItem').mockImplementation(function (
    this: CatalogWriter,
    row,
    now,
    claim,
  ) {
    const ask =
      claim &&
      (() => {
        asked.push(row.values[COL.title] as string);
        return claim();
      });
    return writeItem.call(this, row, now, ask);
  });
  try {
    await scan(b, lib);
    expect(writes.mock.calls.filter((c) => c[0].values.includes(lib))).toHaveLength(3);
    expect(asked).toEqual([]);
    rewrite(root, 'Heat (1995)/movie.nfo', RIGHT);
    await scan(b, lib);
    // The first part read again keeps its item (the second then finds it by its new identity); Up was not read.
    expect(asked).toEqual(['Heat']);
  } finally {
    writes.mockRestore();
  }
  expect(movieRows(b, lib)).toHaveLength(2);
});
