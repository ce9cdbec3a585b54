// Movie library scans through the HTTP API: matching (NFO, provider id, file name), extras, skipped junk,
// versions, editions, artwork, credits, filters, sorting, cursor paging, watched state, recently added.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { join } from 'node:path';
import { movieNfo, removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, listAll, movieTitled, scan } from './harness.ts';

const MATRIX_NFO = movieNfo({
  title: 'The Matrix',
  year: 1999,
  tmdb: '603',
  imdb: 'tt0133093',
  genres: ['Action', 'Science Fiction'],
  actors: [
    ['Keanu Reeves', 'Neo'],
    ['Laurence Fishburne', 'Morpheus'],
    ['Carrie-Anne Moss', 'Trinity'],
  ],
});

let b: Booted;
let root: string;
let libraryId: string;
let pagedLibrary: string;
let firstScan: any;

beforeAll(async () => {
  b = await boot({ probe: false });
  root = tempDir();
  await writeTree(root, {
    'The Matrix (1999)/The Matrix (1999).mkv': 'x'.repeat(1234),
    'The Matrix (1999)/movie.nfo': MATRIX_NFO,
    'The Matrix (1999)/poster.jpg': 'not-really-a-jpeg',
    'The Matrix (1999)/The Matrix (1999)-trailer.mkv': 'trailer',
    'The Matrix (1999)/trailers/Teaser.mkv': 'teaser',
    'The Matrix (1999)/Featurettes/Making Of.mkv': 'making of',
    'Heat (1995) [tmdbid-949]/Heat (1995) [tmdbid-949].mkv': '',
    'Up (2009)/Up (2009).mkv': '',
    'Up (2009)/sample.mkv': '',
    'Up (2009)/Sample/Up (2009).mkv': '',
    'Broken (2010)/Broken (2010).mkv': '',
    'Broken (2010)/Broken (2010).nfo': '<movie>\n  <title>Never fini',
    'Dune (2021)/Dune (2021) - 1080p.mkv': 'a',
    'Dune (2021)/Dune (2021) - 2160p.mkv': 'bb',
    'Kill Bill (2003)/Kill Bill (2003) - pt2.mkv': '',
    'Kill Bill (2003)/Kill Bill (2003) - pt1.mkv': '',
    'Blade Runner (1982)/Blade Runner (1982).mkv': '',
    'Blade Runner (1982) {edition-Final Cut}/Blade Runner (1982) {edition-Final Cut}.mkv': '',
    'Blade Runner (1982) {edition-Final Cut}/movie.nfo': movieNfo({ genres: ['Drama'] }),
    '@eaDir/Ghost (1990)/Ghost (1990).mkv': '',
    '.hidden/Secret (2002)/Secret (2002).mkv': '',
    'Junk (2003)/.Junk (2003).mkv': '',
    'Stub (2004)/Stub (2004).disc': '',
  });
  libraryId = await createLibrary(b, 'movies', [root]);
  firstScan = await scan(b, libraryId);

  const paged = tempDir();
  const files: Record<string, string> = {};
  for (let i = 1; i <= 25; i++) {
    const name = `Film ${String(i).padStart(2, '0')} (${1970 + i})`;
    files[`${name}/${name}.mkv`] = '';
  }
  await writeTree(paged, files);
  pagedLibrary = await createLibrary(b, 'movies', [paged], 'Paged');
  await scan(b, pagedLibrary);
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

describe('filters, sorting and paging', () => {
  test('genre filters case-insensitively to movies having that genre', async () => {
    const all = await listAll(b, '/v1/movies?genre=science%20fiction');
    expect(all.map((m) => m.title)).toEqual(['The Matrix']);
    const drama = await listAll(b, '/v1/movies?genre=Drama');
    expect(drama.map((m) => [m.title, m.genres])).toEqual([['Blade Runner', ['Drama']]]);
  });

  test('yearFrom and yearTo keep movies within the range, both ends included', async () => {
    const all = await listAll(b, `/v1/movies?library=${libraryId}&yearFrom=1995&yearTo=2009`);
    expect(all.map((m) => m.year).sort()).toEqual([1995, 1999, 2003, 2004, 2009]);
  });

  test('a year range that ends before it starts is a 422 naming yearTo, not an empty page', async () => {
    for (const path of ['/v1/movies', '/v1/movies/recently-added']) {
      const r = await b.h.request('GET', `${path}?yearFrom=2009&yearTo=1995`, { token: b.token });
      expect(r.status).toBe(422);
      expect(r.body.details).toEqual([
        { path: 'query.yearTo', message: 'Expected a year from yearFrom (2009) on' },
      ]);
    }
    const one = await listAll(b, `/v1/movies?library=${libraryId}&yearFrom=1999&yearTo=1999`);
    expect(one.map((m) => m.year)).toEqual([1999]);
  });

  test('watched that is neither true nor false is a 422 saying so', async () => {
    const r = await b.h.request('GET', '/v1/movies?watched=maybe', { token: b.token });
    expect([r.status, r.body.details]).toEqual([
      422,
      [{ path: 'query.watched', message: 'Expected true or false' }],
    ]);
  });

  test('sort=year&order=desc lists the newest first', async () => {
    const all = await listAll(b, `/v1/movies?library=${pagedLibrary}&sort=year&order=desc`, 7);
    const years = all.map((m) => m.year);
    expect(years).toHaveLength(25);
    expect(years).toEqual([...years].sort((x, y) => y - x));
    expect(years[0]).toBe(1995);
  });

  test('the default order is by sort title, ignoring a leading article', async () => {
    const all = await listAll(b, `/v1/movies?library=${libraryId}`);
    const titles = all.map((m) => m.title);
    expect(titles.indexOf('The Matrix')).toBeGreaterThan(titles.indexOf('Heat'));
    expect(titles.indexOf('The Matrix')).toBeLessThan(titles.indexOf('Stub'));
  });

  test('cursor paging over 25 movies returns every movie exactly once', async () => {
    for (const limit of [1, 4, 10]) {
      const all = await listAll(b, `/v1/movies?library=${pagedLibrary}`, limit);
      expect(all).toHaveLength(25);
      expect(new Set(all.map((m) => m.id)).size).toBe(25);
      expect(all.map((m) => m.title)).toEqual(
        Array.from({ length: 25 }, (_, i) => `Film ${String(i + 1).padStart(2, '0')}`),
      );
    }
  });

  test('a page holds at most `limit` movies and the last page has no next cursor', async () => {
    const first = await get(b, `/v1/movies?library=${pagedLibrary}&limit=10`);
    expect(first.items).toHaveLength(10);
    expect(typeof first.nextCursor).toBe('string');
    const rest = await get(
      b,
      `/v1/movies?library=${pagedLibrary}&limit=20&cursor=${encodeURIComponent(first.nextCursor)}`,
    );
    expect(rest.items).toHaveLength(15);
    expect(rest.nextCursor).toBeNull();
  });
});

describe('watched state', () => {
  test('PUT and DELETE …/watched turn `watched` on and off for the caller', async () => {
    const m = await movieTitled(b, 'Heat');
    expect(m.watched).toBe(false);
    const on = await b.h.request('PUT', `/v1/movies/${m.id}/watched`, { token: b.token });
    expect(on.status).toBe(200);
    expect((await get(b, `/v1/movies/${m.id}`)).watched).toBe(true);
    const off = await b.h.request('DELETE', `/v1/movies/${m.id}/watched`, { token: b.token });
    expect(off.status).toBe(200);
    expect((await get(b, `/v1/movies/${m.id}`)).watched).toBe(false);
  });

  test('?watched=true lists only watched movies and ?watched=false the rest', async () => {
    const up = await movieTitled(b, 'Up');
    await b.h.request('PUT', `/v1/movies/${up.id}/watched`, { token: b.token });
    const watched = await listAll(b, `/v1/movies?library=${libraryId}&watched=true`);
    expect(watched.map((m) => m.title)).toEqual(['Up']);
    const unwatched = await listAll(b, `/v1/movies?library=${libraryId}&watched=false`);
    const total = await listAll(b, `/v1/movies?library=${libraryId}`);
    expect(unwatched).toHaveLength(total.length - 1);
    expect(unwatched.map((m) => m.title)).not.toContain('Up');
  });

  test("watched state belongs to one user: another user does not see the admin's watched mark", async () => {
    const up = await movieTitled(b, 'Up');
    await b.h.request('PUT', `/v1/movies/${up.id}/watched`, { token: b.token });
    const other = await b.h.user();
    expect((await get(b, `/v1/movies/${up.id}`, other.token)).watched).toBe(false);
  });
});

describe('recently added', () => {
  test('a movie added by a later scan comes first in recently-added', async () => {
    const before = await get(b, '/v1/movies/recently-added?limit=100');
    expect(before.items.map((m: any) => m.title)).not.toContain('Arrival');
    await Bun.sleep(5);
    await writeTree(root, { 'Arrival (2016)/Arrival (2016).mkv': '' });
    const s = await scan(b, libraryId);
    expect(s.counts.added).toBe(1);
    const after = await get(b, '/v1/movies/recently-added?limit=3');
    expect(after.items[0].title).toBe('Arrival');
    const added = after.items.map((m: any) => m.addedAt);
    expect(added).toEqual([...added].sort().reverse());
  });
});
