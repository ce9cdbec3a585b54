// Extras through a real scan: each belongs to the nearest enclosing movie or show — its own folder's, the one
// above its extras folder, a show's from a season's extras folder — or to none when that cannot be told.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { join } from 'node:path';
import { removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, itemOfFile, listAll, movieTitled, scan } from './harness.ts';

let b: Booted;
let movies: string;
let shows: string;

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

beforeAll(async () => {
  b = await boot({ probe: false });
  movies = tempDir();
  await writeTree(movies, {
    'The Matrix (1999) [tmdbid-603]/The Matrix (1999) [tmdbid-603].mkv': 'matrix',
    'The Matrix (1999) [tmdbid-603]/The Matrix (1999) [tmdbid-603]-trailer.mkv': 'matrix trailer',
    'The Matrix (1999) [tmdbid-603]/Behind The Scenes/Bullet Time.mkv': 'bullet time',
    'Heat (1995).mkv': 'heat',
    'Loose/Ronin (1998).mkv': 'ronin',
    'Loose/Sneakers (1992).mkv': 'sneakers',
    'Loose/Ronin (1998)-trailer.mkv': 'ronin trailer',
    'Loose/trailer.mkv': 'whose trailer',
    'Loose/Alien (1979)-trailer.mkv': 'alien trailer',
    'Orphan (2009)/Trailers/Orphan Teaser.mkv': 'no movie in this folder',
  });
  shows = tempDir();
  await writeTree(shows, {
    'Doctor Who (2005)/Season 01/Doctor Who (2005) - S01E01 - Rose.mkv': 'rose',
    'Doctor Who (2005)/Season 01/Extras/Bloopers.mkv': 'bloopers',
    'Doctor Who (2005)/Extras/Cast Interviews.mkv': 'cast',
    'Flat Show/Flat Show S01E01.mkv': 'flat',
  });
});

/** Detail extras of a movie or show as `[kind, file name]`, sorted. */
const extrasOf = async (path: string) =>
  ((await get(b, path)).extras as any[]).map((e) => [e.kind, e.path.split('/').at(-1)]).sort();

const itemOfExtra = (path: string) => itemOfFile(b, path);

describe('extras of a movies library', () => {
  beforeAll(async () => {
    const lib = await createLibrary(b, 'movies', [movies]);
    const s = await scan(b, lib);
    expect(s.counts).toMatchObject({ extras: 6, errors: 0 });
  });

  test('a suffix extra in a movie folder belongs to that movie, not to a loose movie in the folder above', async () => {
    const matrix = await movieTitled(b, 'The Matrix');
    expect(await extrasOf(`/v1/movies/${matrix.id}`)).toEqual([
      ['behindthescenes', 'Bullet Time.mkv'],
      ['trailer', 'The Matrix (1999) [tmdbid-603]-trailer.mkv'],
    ]);
    const heat = await movieTitled(b, 'Heat');
    expect(await extrasOf(`/v1/movies/${heat.id}`)).toEqual([]);
  });

  test('among loose movies sharing a folder, a suffix extra goes to the movie whose file name it extends', async () => {
    const ronin = await movieTitled(b, 'Ronin');
    expect(await extrasOf(`/v1/movies/${ronin.id}`)).toEqual([['trailer', 'Ronin (1998)-trailer.mkv']]);
    const sneakers = await movieTitled(b, 'Sneakers');
    expect(await extrasOf(`/v1/movies/${sneakers.id}`)).toEqual([]);
  });

  test('an extra that names none of the movies sharing its folder, or none at all, is left unattached', () => {
    expect(itemOfExtra(join(movies, 'Loose/trailer.mkv'))).toBeNull();
    expect(itemOfExtra(join(movies, 'Loose/Alien (1979)-trailer.mkv'))).toBeNull();
  });

  test('an extras folder whose parent holds no movie attaches to nothing, not to a movie further up', async () => {
    expect(itemOfExtra(join(movies, 'Orphan (2009)/Trailers/Orphan Teaser.mkv'))).toBeNull();
    expect((await listAll(b, '/v1/movies')).map((m) => m.title).sort()).toEqual([
      'Heat',
      'Ronin',
      'Sneakers',
      'The Matrix',
    ]);
  });
});

describe('extras of a shows library', () => {
  let show: any;
  beforeAll(async () => {
    const lib = await createLibrary(b, 'shows', [shows]);
    await scan(b, lib);
    show = (await listAll(b, `/v1/shows?library=${lib}`)).find((s) => s.title === 'Doctor Who');
  });

  test("a season's extras folder and the show's extras folder both belong to the show", async () => {
    expect(await extrasOf(`/v1/shows/${show.id}`)).toEqual([
      ['other', 'Bloopers.mkv'],
      ['other', 'Cast Interviews.mkv'],
    ]);
  });
});
