// Movie library scans through the HTTP API: matching (NFO, provider id, file name), extras, skipped junk,
// versions, editions, artwork and credits (filters, sorting, paging, watched state, recently added: movie-lists.test.ts).
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { join } from 'node:path';
import { removeTemps } from './fixtures.ts';
import { type Booted, get, listAll, movieTitled } from './harness.ts';
import { bootMovieTree } from './movie-tree.ts';

let b: Booted;
let root: string;
let libraryId: string;
let firstScan: any;

beforeAll(async () => {
  ({ b, root, libraryId, firstScan } = await bootMovieTree());
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

describe('matching', () => {
  test('the first scan finishes idle, with every main file added and nothing failing', () => {
    expect(firstScan.state).toBe('idle');
    expect(firstScan.phase).toBe('done');
    expect(firstScan.error).toBeNull();
    // 14 videos: 9 titles (Dune's two versions and Kill Bill's two parts are one each), 3 extras.
    expect(firstScan.counts).toMatchObject({
      files: 14,
      added: 9,
      updated: 0,
      extras: 3,
      errors: 0,
      unchanged: 0,
      missing: 0,
    });
  });

  test('a movie with movie.nfo is matched by NFO with its provider ids, genres and main file', async () => {
    const m = await movieTitled(b, 'The Matrix');
    expect(m.match.method).toBe('nfo');
    expect(m.year).toBe(1999);
    expect(m.providerIds).toEqual({ tmdb: '603', imdb: 'tt0133093' });
    expect(m.genres).toEqual(['Action', 'Science Fiction']);
    expect(m.files).toHaveLength(1);
    expect(m.files[0]).toMatchObject({
      path: join(root, 'The Matrix (1999)/The Matrix (1999).mkv'),
      size: 1234,
      container: 'mkv',
      missing: false,
    });
  });

  test('a [tmdbid-…] tag in the name without an NFO is matched by provider id', async () => {
    const m = await movieTitled(b, 'Heat');
    expect(m.match.method).toBe('provider-id');
    expect(m.providerIds).toEqual({ tmdb: '949' });
    expect(m.year).toBe(1995);
  });

  test('a plain "Title (Year)" name is matched by file name', async () => {
    const m = await movieTitled(b, 'Up');
    expect(m.match.method).toBe('filename');
    expect(m.year).toBe(2009);
    expect(m.providerIds).toEqual({});
  });

  test('a malformed NFO is ignored: the movie is still added from its file name', async () => {
    const m = await movieTitled(b, 'Broken');
    expect(m.match.method).toBe('filename');
    expect(m.year).toBe(2010);
    expect(
      b.h.logs.some(
        (l) => l.includes('malformed NFO') && l.includes('Broken (2010).nfo') && l.includes('(ignored)'),
      ),
    ).toBe(true);
  });
});

describe('folder contents', () => {
  test('extras (-trailer suffix, trailers/ and Featurettes/ folders) belong to their movie', async () => {
    const m = await movieTitled(b, 'The Matrix');
    const detail = await get(b, `/v1/movies/${m.id}`);
    const extras = detail.extras.map((e: any) => [e.kind, e.title, e.path]).sort();
    expect(extras).toEqual(
      [
        ['featurette', 'Making Of', join(root, 'The Matrix (1999)/Featurettes/Making Of.mkv')],
        ['trailer', 'Teaser', join(root, 'The Matrix (1999)/trailers/Teaser.mkv')],
        ['trailer', 'The Matrix (1999)', join(root, 'The Matrix (1999)/The Matrix (1999)-trailer.mkv')],
      ].sort(),
    );
  });

  test('extras are not listed as movies and are not files of their movie', async () => {
    const all = await listAll(b, `/v1/movies?library=${libraryId}`);
    const paths = all.flatMap((m) => m.files.map((f: any) => f.path));
    expect(paths.filter((p) => /trailer|Teaser|Making Of/i.test(p))).toEqual([]);
    expect(all.filter((m) => /teaser|making of|trailer/i.test(m.title))).toEqual([]);
  });

  test('samples, @eaDir, hidden folders and hidden files are skipped', async () => {
    const all = await listAll(b, `/v1/movies?library=${libraryId}`);
    const titles = all.map((m) => m.title);
    for (const t of ['Ghost', 'Secret', 'Junk', 'sample', 'Sample']) expect(titles).not.toContain(t);
    const up = all.find((m) => m.title === 'Up');
    expect(up.files.map((f: any) => f.path)).toEqual([join(root, 'Up (2009)/Up (2009).mkv')]);
    const rows = b.h.core.sqlite
      .query<{ path: string }, [string]>('SELECT path FROM libraries_files WHERE library_id = ?')
      .all(libraryId)
      .map((r) => r.path);
    expect(rows.filter((p) => /@eaDir|\/\.|[Ss]ample/.test(p))).toEqual([]);
  });

  test('a .disc stub is catalogued as a movie whose file has the disc container', async () => {
    const m = await movieTitled(b, 'Stub');
    expect(m.files.map((f: any) => f.container)).toEqual(['disc']);
  });

  test('two version files of one folder are one movie with two files, the highest resolution first', async () => {
    const all = await listAll(b, `/v1/movies?library=${libraryId}`);
    const dunes = all.filter((m) => m.title === 'Dune');
    expect(dunes).toHaveLength(1);
    expect(dunes[0].files.map((f: any) => [f.path, f.size])).toEqual([
      [join(root, 'Dune (2021)/Dune (2021) - 2160p.mkv'), 2],
      [join(root, 'Dune (2021)/Dune (2021) - 1080p.mkv'), 1],
    ]);
  });

  test('a movie in parts (- pt1, - pt2) is one movie with its parts in order', async () => {
    const m = await movieTitled(b, 'Kill Bill');
    expect(m.files.map((f: any) => f.path)).toEqual([
      join(root, 'Kill Bill (2003)/Kill Bill (2003) - pt1.mkv'),
      join(root, 'Kill Bill (2003)/Kill Bill (2003) - pt2.mkv'),
    ]);
  });

  test('a Plex {edition-…} folder is a separate title carrying its edition', async () => {
    const all = await listAll(b, `/v1/movies?library=${libraryId}`);
    const runners = all.filter((m) => m.title === 'Blade Runner');
    expect(runners).toHaveLength(2);
    const editions = await Promise.all(runners.map((m) => get(b, `/v1/movies/${m.id}`)));
    expect(editions.map((d) => d.edition).sort()).toEqual(['Final Cut', null].sort());
    expect(new Set(runners.map((m) => m.id)).size).toBe(2);
  });

  test('a local poster.jpg gives an artwork.poster URL that serves the file', async () => {
    const m = await movieTitled(b, 'The Matrix');
    expect(m.artwork.poster).toBe(`/v1/images/${m.id}/poster`);
    const img = await b.h.request('GET', m.artwork.poster, { token: b.token });
    expect(img.status).toBe(200);
    expect(img.body).toBe('not-really-a-jpeg');
    expect((await movieTitled(b, 'Up')).artwork).toEqual({});
  });

  test('the credits route lists the NFO actors with their roles, in order', async () => {
    const m = await movieTitled(b, 'The Matrix');
    const { items } = await get(b, `/v1/movies/${m.id}/credits`);
    expect(items.map((c: any) => [c.name, c.role, c.character, c.order])).toEqual([
      ['Keanu Reeves', 'actor', 'Neo', 0],
      ['Laurence Fishburne', 'actor', 'Morpheus', 1],
      ['Carrie-Anne Moss', 'actor', 'Trinity', 2],
    ]);
  });
});
