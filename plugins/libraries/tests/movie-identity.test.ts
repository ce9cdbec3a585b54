// A movie keeps its item when the ids its NFO or name give change: scanned, watched and edited, then its NFO gains,
// loses or changes ids (or appears, or goes) and it is rescanned — the same id, still watched, the edit kept, not
// missing, no second movie; so when its file is renamed and loses the id it went by. Two different movies never become
// one. An NFO matched again to another id: movie-rematch.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { movieNfo, removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, listAll, scan } from './harness.ts';
import { expectKept, HEAT, IMDB, movieRows, rewrite, TMDB, watchedAndEdited } from './movie-identity-kit.ts';

let b: Booted;
beforeAll(async () => {
  b = await boot({ probe: false });
});
afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

describe('a movie keeps its item when its ids change', () => {
  test('an imdb-only NFO that gains a tmdb id', async () => {
    const { root, lib, movie } = await watchedAndEdited(b, {
      'Heat (1995)/Heat (1995).mkv': 'heat',
      'Heat (1995)/movie.nfo': movieNfo({ ...HEAT, imdb: IMDB }),
    });
    rewrite(root, 'Heat (1995)/movie.nfo', movieNfo({ ...HEAT, tmdb: TMDB, imdb: IMDB }));
    expect((await scan(b, lib)).counts).toMatchObject({ added: 0, updated: 1, missing: 0 });
    await expectKept(b, lib, movie, { tmdb: TMDB, imdb: IMDB });
  });

  test('an NFO that loses its tmdb id', async () => {
    const { root, lib, movie } = await watchedAndEdited(b, {
      'Heat (1995)/Heat (1995).mkv': 'heat',
      'Heat (1995)/movie.nfo': movieNfo({ ...HEAT, tmdb: TMDB, imdb: IMDB }),
    });
    rewrite(root, 'Heat (1995)/movie.nfo', movieNfo({ ...HEAT, imdb: IMDB }));
    expect((await scan(b, lib)).counts).toMatchObject({ added: 0, updated: 1, missing: 0 });
    await expectKept(b, lib, movie, { imdb: IMDB });
  });

  test('an NFO that loses every id, the movie in two parts', async () => {
    const { root, lib, movie } = await watchedAndEdited(b, {
      'Heat (1995)/Heat (1995) cd1.mkv': 'heat 1',
      'Heat (1995)/Heat (1995) cd2.mkv': 'heat 2',
      'Heat (1995)/movie.nfo': movieNfo({ ...HEAT, tmdb: TMDB, imdb: IMDB }),
    });
    expect(movie.files).toHaveLength(2);
    rewrite(root, 'Heat (1995)/movie.nfo', movieNfo({ title: 'Heat', year: 1995 }));
    expect((await scan(b, lib)).counts).toMatchObject({ added: 0, updated: 1, missing: 0 });
    await expectKept(b, lib, movie, {});
  });

  test('a deleted NFO', async () => {
    const { root, lib, movie } = await watchedAndEdited(b, {
      'Heat (1995)/Heat (1995).mkv': 'heat',
      'Heat (1995)/movie.nfo': movieNfo({ title: 'Heat (Theatrical)', year: 1995, tmdb: TMDB }),
    });
    rmSync(join(root, 'Heat (1995)/movie.nfo'));
    expect((await scan(b, lib)).counts).toMatchObject({ added: 0, updated: 1, missing: 0 });
    await expectKept(b, lib, movie, {});
  });

  test('an NFO added to a movie that had none', async () => {
    const { root, lib, movie } = await watchedAndEdited(b, { 'Heat (1995)/Heat (1995).mkv': 'heat' });
    rewrite(root, 'Heat (1995)/movie.nfo', movieNfo({ title: 'Heat (Theatrical)', year: 1995, tmdb: TMDB }));
    expect((await scan(b, lib)).counts).toMatchObject({ added: 0, updated: 1, missing: 0 });
    await expectKept(b, lib, movie, { tmdb: TMDB });
  });

  test('an imdb name tag, then an NFO with a tmdb id', async () => {
    const { root, lib, movie } = await watchedAndEdited(b, {
      [`Heat (1995)/Heat (1995) [imdbid-${IMDB}].mkv`]: 'heat',
    });
    expect(movie.providerIds).toEqual({ imdb: IMDB });
    rewrite(root, 'Heat (1995)/movie.nfo', movieNfo({ ...HEAT, tmdb: TMDB }));
    expect((await scan(b, lib)).counts).toMatchObject({ added: 0, updated: 1, missing: 0 });
    await expectKept(b, lib, movie, { tmdb: TMDB, imdb: IMDB });
  });

  test('a file renamed with a tmdb tag beside an imdb-only NFO', async () => {
    const { root, lib, movie } = await watchedAndEdited(b, {
      'Heat (1995)/Heat (1995).mkv': 'heat',
      'Heat (1995)/movie.nfo': movieNfo({ ...HEAT, imdb: IMDB }),
    });
    // A new path: nothing but the ids links it to the movie.
    renameSync(
      join(root, 'Heat (1995)/Heat (1995).mkv'),
      join(root, `Heat (1995)/Heat (1995) [tmdbid-${TMDB}].mkv`),
    );
    expect((await scan(b, lib)).counts).toMatchObject({ added: 0, updated: 1, missing: 0 });
    await expectKept(b, lib, movie, { tmdb: TMDB, imdb: IMDB });
  });

  test('a file renamed without its tmdb tag beside an imdb-only NFO', async () => {
    const { root, lib, movie } = await watchedAndEdited(b, {
      [`Heat (1995)/Heat (1995) [tmdbid-${TMDB}].mkv`]: 'heat',
      'Heat (1995)/movie.nfo': movieNfo({ ...HEAT, imdb: IMDB }),
    });
    // The identity it went by (tmdb) is gone with the tag: only the imdb id it still has names the movie.
    renameSync(
      join(root, `Heat (1995)/Heat (1995) [tmdbid-${TMDB}].mkv`),
      join(root, 'Heat (1995)/Heat (1995).mkv'),
    );
    expect((await scan(b, lib)).counts).toMatchObject({ added: 0, updated: 1, missing: 0 });
    await expectKept(b, lib, movie, { imdb: IMDB });
  });

  test('a tmdb name tag, then an NFO with only the imdb id', async () => {
    const { root, lib, movie } = await watchedAndEdited(b, {
      [`Heat (1995)/Heat (1995) [tmdbid-${TMDB}].mkv`]: 'heat',
    });
    // The NFO's ids are kept over the name's for providers both name; tmdb comes from the name still.
    rewrite(root, 'Heat (1995)/movie.nfo', movieNfo({ ...HEAT, imdb: IMDB }));
    expect((await scan(b, lib)).counts).toMatchObject({ added: 0, updated: 1, missing: 0 });
    await expectKept(b, lib, movie, { tmdb: TMDB, imdb: IMDB });
  });
});

describe('two different movies stay two', () => {
  test('two folders with different tmdb ids are two movies, scanned and rescanned', async () => {
    const root = await writeTree(tempDir(), {
      'Solaris (1972)/Solaris.mkv': 'tarkovsky',
      'Solaris (1972)/movie.nfo': movieNfo({ title: 'Solaris', imdb: 'tt0069293' }),
      'Solaris (2002)/Solaris.mkv': 'soderbergh',
      'Solaris (2002)/movie.nfo': movieNfo({ title: 'Solaris', imdb: 'tt0307479' }),
    });
    const lib = await createLibrary(b, 'movies', [root], 'Two Solaris');
    await scan(b, lib);
    const first = movieRows(b, lib);
    expect(first).toHaveLength(2);
    const old = (await listAll(b, `/v1/movies?library=${lib}`)).find(
      (m) => m.providerIds.imdb === 'tt0069293',
    );
    await b.h.request('PUT', `/v1/movies/${old.id}/watched`, { token: b.token });
    rewrite(root, 'Solaris (1972)/movie.nfo', movieNfo({ title: 'Solaris', tmdb: '593', imdb: 'tt0069293' }));
    rewrite(
      root,
      'Solaris (2002)/movie.nfo',
      movieNfo({ title: 'Solaris', tmdb: '2103', imdb: 'tt0307479' }),
    );
    expect((await scan(b, lib)).counts).toMatchObject({ added: 0, updated: 2, missing: 0 });
    expect(movieRows(b, lib)).toEqual(first);
    const listed = await listAll(b, `/v1/movies?library=${lib}`);
    const byTmdb = Object.fromEntries(
      listed.map((m) => [m.providerIds.tmdb, [m.id, m.watched, m.files.length]]),
    );
    const other = first.find((r) => r.id !== old.id)!.id;
    expect(byTmdb).toEqual({ '593': [old.id, true, 1], '2103': [other, false, 1] });
  });

  test('a copy without the tmdb tag beside the tagged movie, still on disk, is a movie of its own', async () => {
    const { root, lib, movie } = await watchedAndEdited(b, {
      [`Heat (1995)/Heat (1995) [tmdbid-${TMDB}].mkv`]: 'heat',
      'Heat (1995)/movie.nfo': movieNfo({ ...HEAT, imdb: IMDB }),
    });
    await writeTree(root, {
      'Heat copy/Heat (1995).mkv': 'heat copy',
      'Heat copy/movie.nfo': movieNfo({ ...HEAT, imdb: IMDB }),
    });
    expect((await scan(b, lib)).counts).toMatchObject({ added: 1, updated: 0, missing: 0 });
    const rows = movieRows(b, lib);
    expect(rows).toHaveLength(2);
    expect((await get(b, `/v1/movies/${movie.id}`)).files.map((f: any) => f.path)).toEqual([
      join(root, `Heat (1995)/Heat (1995) [tmdbid-${TMDB}].mkv`),
    ]);
  });

  test('one movie in two folders that their NFOs then tell apart becomes two', async () => {
    const root = await writeTree(tempDir(), {
      'Solaris A/Solaris.mkv': 'tarkovsky',
      'Solaris B/Solaris.mkv': 'soderbergh',
    });
    const lib = await createLibrary(b, 'movies', [root], 'Solaris by name');
    await scan(b, lib);
    const [one] = movieRows(b, lib);
    expect(movieRows(b, lib)).toHaveLength(1);
    expect((await get(b, `/v1/movies/${one.id}`)).files).toHaveLength(2);
    rewrite(root, 'Solaris A/movie.nfo', movieNfo({ title: 'Solaris', year: 1972, tmdb: '593' }));
    // No id of one provider differs, but the two files no longer share an identity: the second is not merged back.
    rewrite(root, 'Solaris B/movie.nfo', movieNfo({ title: 'Solaris', year: 2002, imdb: 'tt0307479' }));
    await scan(b, lib);
    const listed = await listAll(b, `/v1/movies?library=${lib}`);
    const paths = (m: any) => m.files.map((f: any) => f.path);
    expect(Object.fromEntries(listed.map((m) => [paths(m).join(), m.providerIds]))).toEqual({
      [join(root, 'Solaris A/Solaris.mkv')]: { tmdb: '593' },
      [join(root, 'Solaris B/Solaris.mkv')]: { imdb: 'tt0307479' },
    });
    expect(listed.map((m) => m.id)).toContain(one.id);
    expect(movieRows(b, lib).map((r) => r.missing)).toEqual([0, 0]);
  });
});
