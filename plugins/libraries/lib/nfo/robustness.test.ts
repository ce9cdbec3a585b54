// Robustness: broken, truncated and wrongly-rooted NFOs never throw and either
// recover what Kodi/Jellyfin would still use (with warnings) or fail with a typed reason.

import { describe, expect, test } from 'bun:test';
import { parseEpisodeNfo } from './episode.ts';
import { parseMovieNfo } from './movie.ts';
import { parseShowNfo } from './show.ts';
import type { MovieNfo, NfoErrorCode, NfoResult } from './types.ts';

type Parser = (xml: string) => NfoResult<unknown>;

describe('unusable input fails with a typed reason', () => {
  test.each<[string, Parser, string, NfoErrorCode, string]>([
    ['empty file', parseMovieNfo, '', 'NFO_EMPTY', 'empty'],
    ['whitespace only', parseShowNfo, ' \n\t\r\n ', 'NFO_EMPTY', 'empty'],
    ['BOM and NUL bytes only', parseEpisodeNfo, '\ufeff\u0000\u0000', 'NFO_EMPTY', 'empty'],
    ['free text without a URL', parseMovieNfo, 'ripped by me, enjoy', 'NFO_NO_METADATA', 'provider URL'],
    [
      'tvshow.nfo given to the movie parser',
      parseMovieNfo,
      '<tvshow><title>X</title></tvshow>',
      'NFO_WRONG_ROOT',
      '<tvshow>',
    ],
    [
      'episode NFO given to the show parser',
      parseShowNfo,
      '<episodedetails/>',
      'NFO_WRONG_ROOT',
      '<episodedetails>',
    ],
    [
      'movie NFO given to the episode parser',
      parseEpisodeNfo,
      '<?xml version="1.0"?><movie/>',
      'NFO_WRONG_ROOT',
      '<movie>',
    ],
    [
      'an HTML page saved as .nfo',
      parseMovieNfo,
      '<!DOCTYPE html><html><body>x</body></html>',
      'NFO_WRONG_ROOT',
      '<html>',
    ],
    [
      'season.nfo given to the show parser',
      parseShowNfo,
      '<season><seasonnumber>1</seasonnumber></season>',
      'NFO_WRONG_ROOT',
      '<season>',
    ],
    [
      'truncated before any complete element',
      parseMovieNfo,
      '<movie>\n  <title>The Ma',
      'NFO_MALFORMED',
      'cut off',
    ],
  ])('%s', (_name, parse, input, code, fragment) => {
    const result = parse(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    expect(result.error).toContain(fragment);
  });

  test('non-string input is rejected instead of throwing', () => {
    expect(parseMovieNfo(undefined as unknown as string)).toMatchObject({ ok: false, code: 'NFO_EMPTY' });
  });
});

describe('damaged movie NFOs are recovered', () => {
  test.each<[string, string, Partial<MovieNfo>, string[]]>([
    [
      'BOM before the declaration',
      '\ufeff<?xml version="1.0"?><movie><title>T</title></movie>',
      { title: 'T' },
      [],
    ],
    [
      'leading junk before the root',
      'Downloaded from somewhere\n<movie><title>T</title></movie>',
      { title: 'T' },
      [],
    ],
    [
      'unescaped ampersand',
      '<movie><title>Fast & Furious</title></movie>',
      { title: 'Fast & Furious' },
      ['stray'],
    ],
    ['unescaped less-than', '<movie><plot>a < b</plot></movie>', { plot: 'a < b' }, ['stray']],
    ['garbage angle brackets', '<movie><title>T</title><<<</movie>', { title: 'T' }, ['stray']],
    [
      'truncated mid-plot keeps the complete fields',
      '<movie><title>T</title><year>1999</year><plot>Half a sen',
      {
        title: 'T',
        year: 1999,
        plot: undefined,
      },
      ['no closing tag'],
    ],
    [
      'truncated mid-actor keeps the actor name',
      '<movie><actor><name>Keanu Reeves</name><role>Ne',
      {
        actors: [{ name: 'Keanu Reeves', order: 0 }],
      },
      ['no closing tag'],
    ],
    [
      'mismatched closing tag',
      '<movie><title>T</titel><year>1999</year></movie>',
      { title: 'T' },
      ['not well-formed'],
    ],
    [
      'upper-case element names',
      '<MOVIE><TITLE>T</TITLE><Genre>Drama</Genre></MOVIE>',
      {
        title: 'T',
        genres: ['Drama'],
      },
      [],
    ],
    ['self-closing root', '<movie/>', { title: undefined, ids: {} }, []],
    [
      'two movie roots use the first',
      '<movie><title>A</title></movie><movie><title>B</title></movie>',
      { title: 'A' },
      ['found 2 <movie> elements'],
    ],
    [
      'CDATA and comments',
      '<movie><!-- x --><plot><![CDATA[a & <b>]]></plot></movie>',
      { plot: 'a & <b>' },
      [],
    ],
    [
      'reserved JavaScript names as tags',
      '<movie><__proto__>x</__proto__><title>T</title></movie>',
      { title: 'T' },
      [],
    ],
    [
      'reserved JavaScript names as id types',
      '<movie><uniqueid type="__proto__" default="true">1</uniqueid><uniqueid type="constructor">2</uniqueid><uniqueid type="imdb">tt0133093</uniqueid></movie>',
      { ids: { imdb: 'tt0133093' }, defaultIdType: undefined },
      ['type="__proto__"', 'type="constructor"'],
    ],
    [
      'UTF-16LE read as single bytes',
      '\u00ff\u00fe<\u0000m\u0000o\u0000v\u0000i\u0000e\u0000>\u0000<\u0000/\u0000m\u0000o\u0000v\u0000i\u0000e\u0000>\u0000',
      {
        ids: {},
      },
      ['control characters'],
    ],
    [
      'overflowing numbers',
      '<movie><runtime>99999999999999999999</runtime><year>1e3</year></movie>',
      {
        runtimeMinutes: undefined,
        year: undefined,
      },
      [],
    ],
  ])('%s', (_name, input, expected, warningFragments) => {
    const result = parseMovieNfo(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const [field, value] of Object.entries(expected)) {
      expect(result.value[field as keyof MovieNfo]).toEqual(value);
    }
    expect(result.warnings).toHaveLength(warningFragments.length);
    for (const [i, fragment] of warningFragments.entries()) expect(result.warnings[i]).toContain(fragment);
  });
});
