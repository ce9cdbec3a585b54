// Table tests for provider ids: validation, tag precedence, legacy <id> and scraper URLs in free text.

import { describe, expect, test } from 'bun:test';
import { parseMovieNfo } from './movie.ts';
import { isImdbId, normaliseProviderId, providerKey } from './provider-ids.ts';
import { findProviderIdsInText, type NfoKind } from './provider-urls.ts';

describe('normaliseProviderId', () => {
  test.each([
    ['imdb', 'tt0133093', 'tt0133093'],
    ['imdb', 'TT0133093', 'tt0133093'],
    ['imdb', '0133093', 'tt0133093'],
    ['imdb', 'tt12345678', 'tt12345678'],
    ['imdb', 'tt123', undefined],
    ['imdb', 'https://www.imdb.com/title/tt0133093/', undefined],
    ['tmdb', ' 603 ', '603'],
    ['tmdb', '0603', '603'],
    ['tmdb', '603-the-matrix', undefined],
    ['tvdb', '', undefined],
    ['tmdb', '0', '0'],
    ['tmdb', '000', '0'],
    ['tmdb', '123456789012', '123456789012'],
    ['tmdb', '1234567890123', undefined],
    ['tvmaze', '+5', undefined],
    ['imdb', '12345678', 'tt12345678'],
    ['imdb', '123456789', undefined],
    ['imdb', 'tT01330930', 'tt01330930'],
    ['imdb', 'tt013309a', undefined],
    ['wikidata', 'Q484048', 'Q484048'],
  ])('%s %p → %p', (provider, value, expected) => {
    expect(normaliseProviderId(provider, value)).toBe(expected);
  });
});

describe('isImdbId', () => {
  test.each([
    ['tt0133093', true],
    ['TT12345678', true],
    ['Tt0133093', true],
    ['tt013309', false],
    ['tt123456789', false],
    ['xt0133093', false],
    ['tt013309x', false],
    ['0133093', false],
  ])('%p → %p', (text, expected) => expect(isImdbId(text)).toBe(expected));
});

describe('providerKey', () => {
  test.each([
    ['tmdb', 'tmdb'],
    [' IMDB ', 'imdb'],
    ['TheMovieDB', 'tmdb'],
    ['thetvdb', 'tvdb'],
    ['imdb_id', 'imdb'],
    ['TMDbCol', 'tmdbCollection'],
    ['wikidata', 'wikidata'],
    // Names of Object.prototype's own properties are plain provider names, not table entries.
    ['__proto__', '__proto__'],
    ['constructor', 'constructor'],
  ])('%p → %p', (type, expected) => expect(providerKey(type)).toBe(expected));
});

describe('findProviderIdsInText', () => {
  test.each<[string, NfoKind, Record<string, string>]>([
    ['https://www.themoviedb.org/movie/603-the-matrix', 'movie', { tmdb: '603' }],
    ['https://www.imdb.com/title/tt0133093/', 'movie', { imdb: 'tt0133093' }],
    ['http://www.imdb.com/title/tt0133093/?ref_=fn_al_tt_1', 'show', { imdb: 'tt0133093' }],
    ['https://www.themoviedb.org/tv/1399-game-of-thrones', 'show', { tmdb: '1399' }],
    ['https://www.themoviedb.org/tv/1399', 'movie', {}],
    ['https://www.themoviedb.org/movie/603', 'show', {}],
    ['https://thetvdb.com/?tab=series&id=121361', 'show', { tvdb: '121361' }],
    ['https://www.thetvdb.com/dereferrer/series/121361', 'show', { tvdb: '121361' }],
    ['https://thetvdb.com/series/game-of-thrones', 'show', {}],
    ['tt123456789 is too long', 'movie', {}],
    ['no ids here', 'movie', {}],
  ])('%p as %s', (text, kind, expected) => {
    expect(findProviderIdsInText(text, kind)).toEqual(expected);
  });
});

const idsOf = (xml: string) => {
  const result = parseMovieNfo(xml);
  return result.ok ? result.value.ids : result.code;
};

describe('movie id tags and precedence', () => {
  test.each([
    ['uniqueid wins over <tmdbid>', '<uniqueid type="tmdb">1</uniqueid><tmdbid>2</tmdbid>', { tmdb: '1' }],
    ['<tmdbid> wins over legacy <id>', '<id>2</id><tmdbid>1</tmdbid>', { tmdb: '1' }],
    ['legacy tt id is IMDb', '<id>tt0133093</id>', { imdb: 'tt0133093' }],
    ['legacy numeric id is TMDb for movies', '<id>603</id>', { tmdb: '603' }],
    [
      'legacy id follows the default uniqueid',
      '<uniqueid type="imdb" default="true">tt0133093</uniqueid><id>tt0133093</id>',
      {
        imdb: 'tt0133093',
      },
    ],
    [
      '<id IMDB=… TMDB=…> attributes',
      '<id IMDB="tt0133093" TMDB="603"/>',
      { imdb: 'tt0133093', tmdb: '603' },
    ],
    [
      'provider names are normalised',
      '<uniqueid type="TheMovieDB">603</uniqueid><uniqueid type="IMDB">tt0133093</uniqueid>',
      {
        tmdb: '603',
        imdb: 'tt0133093',
      },
    ],
    [
      'collection id from <set tmdbcolid>',
      '<set tmdbcolid="2344"><name>The Matrix Collection</name></set>',
      {
        tmdbCollection: '2344',
      },
    ],
    [
      'collection id from <collectionnumber>',
      '<collectionnumber>2344</collectionnumber>',
      { tmdbCollection: '2344' },
    ],
    ['XML ids win over a trailing URL', '<uniqueid type="imdb">tt0000001</uniqueid>', { imdb: 'tt0000001' }],
    [
      'invalid uniqueid falls through to the next source',
      '<uniqueid type="tmdb">abc</uniqueid><tmdbid>603</tmdbid>',
      {
        tmdb: '603',
      },
    ],
    ['empty uniqueid is ignored', '<uniqueid type="tmdb"></uniqueid><uniqueid type="tmdb"/>', {}],
  ])('%s', (_name, inner, expected) => {
    expect(idsOf(`<movie>${inner}</movie>\nhttps://www.imdb.com/title/tt0133093/`)).toEqual({
      imdb: 'tt0133093',
      ...expected,
    });
  });

  test('a uniqueid with an impossible value is reported', () => {
    const result = parseMovieNfo('<movie><uniqueid type="imdb">n/a</uniqueid></movie>');
    expect(result).toMatchObject({
      ok: true,
      value: { ids: {} },
      warnings: ['ignored <uniqueid type="imdb"> value "n/a": not a valid imdb id'],
    });
  });
});
