// Field-level rules of parseMovieNfo: empty tags, dates, numbers, lists, sets, ratings, trailers, actors.

import { describe, expect, test } from 'bun:test';
import { parseEpisodeNfo } from './episode.ts';
import { parseMovieNfo } from './movie.ts';
import { parseShowNfo } from './show.ts';
import type { MovieNfo } from './types.ts';

function movieOf(xml: string): MovieNfo {
  const result = parseMovieNfo(xml);
  if (!result.ok) throw new Error(`expected ok, got ${result.code}: ${result.error}`);
  return result.value;
}

const wrap = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<movie>${inner}</movie>`;

describe('parseMovieNfo field rules', () => {
  test.each([
    [
      'empty tags become undefined',
      '<title></title><plot>  </plot><tagline/>',
      {
        title: undefined,
        plot: undefined,
        tagline: undefined,
      },
    ],
    [
      'year falls back to premiered',
      '<premiered>2010-07-16</premiered>',
      { year: 2010, premiered: '2010-07-16' },
    ],
    [
      'year falls back to releasedate',
      '<releasedate>2010-7-6</releasedate>',
      { year: 2010, premiered: '2010-07-06' },
    ],
    [
      'explicit year wins over the date',
      '<year>2009</year><premiered>2010-07-16</premiered>',
      { year: 2009 },
    ],
    [
      'invalid year and date are dropped',
      '<year>0</year><premiered>0000-00-00</premiered>',
      {
        year: undefined,
        premiered: undefined,
      },
    ],
    ['runtime with unit', '<runtime>148 min</runtime>', { runtimeMinutes: 148 }],
    ['runtime NaN is undefined', '<runtime>unknown</runtime>', { runtimeMinutes: undefined }],
    [
      'entities are decoded',
      '<title>Am&#233;lie &amp; Nino &eacute;t&eacute;</title>',
      { title: 'Amélie & Nino été' },
    ],
    ['set in the old plain-text form', '<set>Alien Collection</set>', { set: { name: 'Alien Collection' } }],
    ['set without a name is dropped', '<set><name/><overview>x</overview></set>', { set: undefined }],
    [
      'genres split on slashes and deduplicated',
      '<genre>Action/Adventure</genre><genre>action</genre>',
      {
        genres: ['Action', 'Adventure'],
      },
    ],
    ['country list in one tag', '<country>France / Germany</country>', { countries: ['France', 'Germany'] }],
    ['lockdata true', '<lockdata>true</lockdata>', { locked: true }],
    ['legacy userrating 0 means unrated', '<userrating>0</userrating>', { userRating: undefined }],
    [
      'legacy rating with comma decimal',
      '<rating>7,4</rating><votes>1.234</votes>',
      {
        ratings: [{ value: 7.4, max: 10, votes: 1234, isDefault: true }],
      },
    ],
    ['legacy rating 0 is no rating', '<rating>0.0</rating>', { ratings: [] }],
    [
      'rating above its max is dropped',
      '<ratings><rating name="imdb" max="10"><value>85</value></rating></ratings>',
      {
        ratings: [],
      },
    ],
    [
      'old YouTube trailer form is rewritten',
      '<trailer>plugin://plugin.video.youtube/?action=play_video&amp;videoid=abc-123</trailer>',
      {
        trailer: 'https://www.youtube.com/watch?v=abc-123',
      },
    ],
    [
      'other trailers are kept',
      '<trailer>https://example.com/trailer.mp4</trailer>',
      {
        trailer: 'https://example.com/trailer.mp4',
      },
    ],
    [
      'actor without name is skipped',
      '<actor><role>Extra</role></actor><actor><name>A</name></actor>',
      {
        actors: [{ name: 'A', order: 1 }],
      },
    ],
    [
      'streamdetails without usable streams is undefined',
      '<fileinfo><streamdetails><video/></streamdetails></fileinfo>',
      {
        fileInfo: undefined,
      },
    ],
    [
      'aspect written as a ratio',
      '<fileinfo><streamdetails><video><aspect>16:9</aspect></video></streamdetails></fileinfo>',
      {
        fileInfo: { video: [{ aspect: 1.78 }], audio: [], subtitles: [] },
      },
    ],
  ])('%s', (_name, inner, expected: Partial<MovieNfo>) => {
    const movie = movieOf(wrap(inner));
    for (const [field, value] of Object.entries(expected)) {
      expect(movie[field as keyof MovieNfo]).toEqual(value);
    }
  });

  test('actors without <order> keep document order after ordered ones', () => {
    const movie = movieOf(
      wrap(
        '<actor><name>C</name></actor><actor><name>A</name><order>0</order></actor><actor><name>B</name></actor>',
      ),
    );
    expect(movie.actors.map((actor) => [actor.name, actor.order])).toEqual([
      ['C', 0],
      ['A', 0],
      ['B', 2],
    ]);
  });
});

describe('parsed NFO keys', () => {
  // Values that are absent leave no key; the rest keep one fixed order (callers compare and store them as they are).
  test.each([
    [
      parseMovieNfo(
        '<movie><title>T</title><year>1999</year><premiered>1999-03-31</premiered><set>S</set><genre>A</genre></movie>',
      ),
      'ids title year ratings genres studios tags countries actors directors writers locked artwork premiered set',
    ],
    [
      parseEpisodeNfo(
        '<episodedetails><title>E</title><season>1</season><episode>2</episode><aired>2010-01-02</aired></episodedetails>',
      ),
      'ids title year ratings genres studios tags countries actors directors writers locked artwork season episode aired',
    ],
    [
      parseShowNfo(
        '<tvshow><title>S</title><premiered>2001-01-01</premiered><status>Ended</status></tvshow>',
      ),
      'ids title year ratings genres studios tags countries actors directors writers locked artwork premiered status namedSeasons',
    ],
  ])('%#', (result, keys) => {
    if (!result.ok) throw new Error(result.error);
    const value = Array.isArray(result.value) ? result.value[0] : result.value;
    expect(Object.keys(value).join(' ')).toBe(keys);
  });
});
