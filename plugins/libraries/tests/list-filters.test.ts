// Filters of GET /v1/movies and /v1/shows that compare text: the title search `q` (case, accents and Unicode
// normalisation form do not matter), `contentRating` and `genre` (case does not matter; lists, comma-separated or
// repeated, any of whose values matches). A parameter that takes one value (`sort`, `q` …) given twice is a 422
// naming it, not one value silently.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { movieNfo, removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, listAll, scan } from './harness.ts';

// Folder and file names as macOS and many SMB shares write them: decomposed (NFD), "e" + combining acute.
const POKEMON_NFD = 'Poke\u0301mon De\u0301tective (2019)';

let b: Booted;

beforeAll(async () => {
  b = await boot({ probe: false });
  const movies = await writeTree(tempDir(), {
    [`${POKEMON_NFD}/${POKEMON_NFD}.mkv`]: '',
    'Amélie (2001)/Amélie (2001).mkv': '',
    'The Matrix (1999)/The Matrix (1999).mkv': '',
    'Spider-Man (2002)/Spider-Man (2002).mkv': '',
    'Heat (1995)/Heat (1995).mkv': '',
    'Heat (1995)/movie.nfo': movieNfo({ title: 'Heat', mpaa: 'R', genres: ['Crime', 'Drama'] }),
    'Up (2009)/Up (2009).mkv': '',
    'Up (2009)/movie.nfo': movieNfo({ title: 'Up', mpaa: 'PG', genres: ['Animation', 'Comedy'] }),
    'Avatar (2009)/Avatar (2009).mkv': '',
    'Avatar (2009)/movie.nfo': movieNfo({ title: 'Avatar', mpaa: 'PG-13', genres: ['Science Fiction'] }),
  });
  const shows = await writeTree(tempDir(), {
    'Ça (2020)/Season 01/Ça - S01E01.mkv': '',
    'Brooklyn Nine-Nine/Season 01/Brooklyn Nine-Nine - S01E01.mkv': '',
  });
  await scan(b, await createLibrary(b, 'movies', [movies]));
  await scan(b, await createLibrary(b, 'shows', [shows]));
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

const titles = async (path: string) => (await listAll(b, path)).map((i) => i.title.normalize('NFC')).sort();
const search = (kind: 'movies' | 'shows', q: string) => titles(`/v1/${kind}?q=${encodeURIComponent(q)}`);

describe('title search (q)', () => {
  test.each([
    ['the NFC spelling of a word', 'Pokémon'],
    ['the same word without its accent', 'pokemon'],
    ['another accented word, upper case', 'DÉTECTIVE'],
    ['the NFD spelling', 'Poke\u0301mon'],
    ['words across the accents', 'pokemon detective'],
  ])('finds a title stored in NFD by %s', async (_name, q) => {
    expect(await search('movies', q)).toEqual(['Pokémon Détective']);
  });

  test.each([
    ['without accents', 'amelie'],
    ['in NFD', 'Ame\u0301lie'],
    ['in upper case', 'AMÉLIE'],
  ])('finds an NFC accented title by its name %s', async (_name, q) => {
    expect(await search('movies', q)).toEqual(['Amélie']);
  });

  test('a leading article and punctuation in the query still match the title as written', async () => {
    expect(await search('movies', 'the matrix')).toEqual(['The Matrix']);
    expect(await search('movies', 'spider-man')).toEqual(['Spider-Man']);
  });

  test('words match across punctuation in the title', async () => {
    expect(await search('movies', 'spider man')).toEqual(['Spider-Man']);
  });

  test('shows are searched the same way', async () => {
    expect(await search('shows', 'ca')).toEqual(['Ça']);
    expect(await search('shows', 'nine nine')).toEqual(['Brooklyn Nine-Nine']);
  });

  test('spaces around a query do not count, and a query (or genre) of spaces only filters nothing', async () => {
    expect(await search('movies', '  matrix ')).toEqual(['The Matrix']);
    expect(await search('movies', '   ')).toEqual(await titles('/v1/movies'));
    expect((await titles('/v1/movies')).length).toBe(7);
    expect(await titles('/v1/movies?genre=%20%20')).toEqual(await titles('/v1/movies'));
  });

  test('a query of punctuation only is taken literally, not as match-all', async () => {
    expect(await search('movies', '-')).toEqual(['Spider-Man']);
    expect(await search('movies', '%')).toEqual([]);
  });
});

describe('content rating filter', () => {
  test.each([['PG-13'], ['pg-13'], ['Pg-13']])('contentRating=%s finds the PG-13 movie', async (rating) => {
    expect(await titles(`/v1/movies?contentRating=${rating}`)).toEqual(['Avatar']);
  });

  test('a comma-separated list in any case finds each rating', async () => {
    expect(await titles('/v1/movies?contentRating=r,%20pg')).toEqual(['Heat', 'Up']);
  });

  test.each([
    ['repeated', 'contentRating=R&contentRating=PG', ['Heat', 'Up']],
    ['repeated, one of them a list', 'contentRating=R&contentRating=pg,PG-13', ['Avatar', 'Heat', 'Up']],
    ['repeated on recently-added', 'contentRating=PG&contentRating=r', ['Heat', 'Up']],
  ])('a rating given %s finds each rating given', async (name, query, expected) => {
    const list = name.includes('recently') ? '/v1/movies/recently-added' : '/v1/movies';
    expect(await titles(`${list}?${query}`)).toEqual(expected);
  });

  test.each([
    [
      'too many ratings in a list',
      `contentRating=${Array(51).fill('PG').join(',')}`,
      'query.contentRating',
      'Expected array length to be less or equal to 50',
    ],
    [
      'too many ratings repeated',
      `contentRating=${Array(51).fill('PG').join('&contentRating=')}`,
      'query.contentRating',
      'Expected array length to be less or equal to 50',
    ],
    [
      'a rating too long',
      `contentRating=R,${'x'.repeat(201)}`,
      'query.contentRating.1',
      'Expected string length less or equal to 200',
    ],
  ])('%s is a 422 naming it', async (_name, query, path, message) => {
    const r = await b.h.request('GET', `/v1/movies?${query}`, { token: b.token });
    expect([r.status, r.body]).toEqual([422, { error: 'Validation error', details: [{ path, message }] }]);
  });

  test('an empty rating, or empty entries in a list, filter nothing', async () => {
    const all = await titles('/v1/movies');
    expect(await titles('/v1/movies?contentRating=')).toEqual(all);
    expect(await titles('/v1/movies?contentRating=,R,')).toEqual(['Heat']);
  });
});

describe('genre filter', () => {
  test.each([
    ['one genre', 'genre=Drama', ['Heat']],
    ['one genre in another case, with spaces', 'genre=%20science%20FICTION%20', ['Avatar']],
    ['a comma-separated list', 'genre=drama,comedy', ['Heat', 'Up']],
    ['the parameter repeated', 'genre=Drama&genre=Comedy', ['Heat', 'Up']],
    [
      'repeated, one of them a list',
      'genre=crime&genre=animation,science%20fiction',
      ['Avatar', 'Heat', 'Up'],
    ],
    ['two genres of one movie (listed once)', 'genre=Crime,Drama', ['Heat']],
    ['a genre no movie has', 'genre=Western', []],
    ['with another filter', 'genre=drama,comedy&contentRating=PG', ['Up']],
  ])('%s: %s', async (_name, query, expected) => {
    expect(await titles(`/v1/movies?${query}`)).toEqual(expected);
    expect(await titles(`/v1/movies/recently-added?${query}`)).toEqual(expected);
  });

  test('empty entries in a list filter nothing', async () => {
    expect(await titles('/v1/movies?genre=')).toEqual(await titles('/v1/movies'));
    expect(await titles('/v1/movies?genre=,comedy,')).toEqual(['Up']);
  });

  test.each([
    [
      'too many genres',
      `genre=${Array(51).fill('drama').join(',')}`,
      'query.genre',
      'Expected array length to be less or equal to 50',
    ],
    [
      'a genre too long',
      `genre=drama&genre=${'x'.repeat(81)}`,
      'query.genre.1',
      'Expected string length less or equal to 80',
    ],
  ])('%s is a 422 naming it', async (_name, query, path, message) => {
    const r = await b.h.request('GET', `/v1/movies?${query}`, { token: b.token });
    expect([r.status, r.body]).toEqual([422, { error: 'Validation error', details: [{ path, message }] }]);
  });
});

describe('repeated parameters that take one value', () => {
  const twice = (key: string) => ({
    error: 'Validation error',
    details: [{ path: `query.${key}`, message: 'Given 2 times; this parameter takes one value' }],
  });

  test.each([
    ['/v1/movies/recently-added?limit=1&limit=2', 'limit'],
    ['/v1/shows?q=a&q=b', 'q'],
    ['/v1/movies?sort=year&sort=rating', 'sort'],
    ['/v1/movies?q=heat&q=up', 'q'],
    ['/v1/movies?limit=1&limit=2', 'limit'],
    ['/v1/shows?library=a&library=b', 'library'],
    ['/v1/movies?yearFrom=1990&yearFrom=2000', 'yearFrom'],
    ['/v1/movies?watched=true&watched=false', 'watched'],
  ])('GET %s is a 422 naming the parameter', async (path, key) => {
    const r = await b.h.request('GET', path, { token: b.token });
    expect([r.status, r.body]).toEqual([422, twice(key)]);
  });
});
