// NFOs that are (or contain) a scraper URL instead of / besides XML, as Kodi and Jellyfin allow.

import { describe, expect, test } from 'bun:test';
import { parseEpisodeNfo } from './episode.ts';
import { parseMovieNfo } from './movie.ts';
import { parseShowNfo } from './show.ts';
import type { NfoResult } from './types.ts';

type Parser = (xml: string) => NfoResult<unknown>;

describe('scraper URLs as or around the NFO', () => {
  test.each<[string, Parser, string, Record<string, string>]>([
    [
      'TMDb URL as the whole movie NFO',
      parseMovieNfo,
      'https://www.themoviedb.org/movie/603\n',
      { tmdb: '603' },
    ],
    [
      'IMDb URL as the whole movie NFO',
      parseMovieNfo,
      'https://www.imdb.com/title/tt0133093/',
      { imdb: 'tt0133093' },
    ],
    [
      'URL line followed by XML',
      parseMovieNfo,
      'https://www.imdb.com/title/tt0133093/\n<movie><title>The Matrix</title></movie>',
      {
        imdb: 'tt0133093',
      },
    ],
    [
      'URL after the closing tag',
      parseMovieNfo,
      '<movie><uniqueid type="tmdb">603</uniqueid></movie>\nhttps://www.imdb.com/title/tt0133093/',
      {
        tmdb: '603',
        imdb: 'tt0133093',
      },
    ],
    [
      'URL after stray > characters',
      parseMovieNfo,
      '<movie></movie>\n>> https://www.themoviedb.org/movie/603',
      { tmdb: '603' },
    ],
    [
      'TheTVDB URL as the whole tvshow.nfo',
      parseShowNfo,
      'https://thetvdb.com/?tab=series&id=121361',
      { tvdb: '121361' },
    ],
    [
      'TMDb TV URL after a tvshow',
      parseShowNfo,
      '<tvshow><title>GoT</title></tvshow>\nhttps://www.themoviedb.org/tv/1399',
      {
        tmdb: '1399',
      },
    ],
  ])('%s', (_name, parse, input, ids) => {
    const result = parse(input);
    expect(result).toMatchObject({ ok: true, value: { ids } });
  });

  test('a URL-only episode NFO yields one episode carrying the id', () => {
    const result = parseEpisodeNfo('https://www.imdb.com/title/tt1480055/');
    expect(result).toMatchObject({ ok: true, value: [{ ids: { imdb: 'tt1480055' } }] });
  });

  test('a URL-only movie NFO has no other fields', () => {
    const result = parseMovieNfo('https://www.themoviedb.org/movie/603');
    expect(result.ok && result.value.title).toBeUndefined();
    expect(result.ok && result.value.genres).toEqual([]);
  });
});
