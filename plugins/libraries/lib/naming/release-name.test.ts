// Table tests for the shared release-name helpers and provider-id extraction.
import { describe, expect, test } from 'bun:test';
import { extractProviderIds } from './provider-ids';
import {
  dotsToSpaces,
  findNoiseStart,
  isLeadingJunk,
  isTrailingJunk,
  isYearAt,
  lastYear,
  normaliseSeparators,
  splitTitleYear,
  tidyTitle,
} from './release-name';

const separators: [text: string, dotted: boolean, expected: string][] = [
  ['The.Matrix', true, 'The Matrix'],
  ['The_Matrix', false, 'The Matrix'],
  ['The_Matrix.Reloaded', true, 'The Matrix Reloaded'],
  ['S.W.A.T.2017', true, 'S.W.A.T. 2017'],
  ['a.b', true, 'a.b.'],
  ['E.T..The', true, 'E.T. The'],
  ['.a.b.', true, 'a.b.'],
  ['x..y', true, 'x y'],
  ['A.I.Artificial.Intelligence', true, 'A.I. Artificial Intelligence'],
  ['Mr.Robot_s1', true, 'Mr Robot s1'],
  ['é.a.b', true, 'é a.b.'],
  ['Marvels.Agents.of.S.H.I.E.L.D', true, 'Marvels Agents of S.H.I.E.L.D.'],
  ['A.Quiet.Place', true, 'A Quiet Place'],
  ['Mr. Robot', false, 'Mr. Robot'],
  ['  two   spaces ', false, 'two spaces'],
];

describe('normaliseSeparators', () => {
  test.each(separators)('%p (dotted %p) → %p', (text, dotted, expected) => {
    expect(normaliseSeparators(text, dotted)).toBe(expected);
  });
});

const noise: [text: string, index: number][] = [
  ['The.Matrix.1999.1080p.BluRay', 16],
  ['Movie 2160p', 6],
  ['Movie [YTS.MX]', 6],
  ['Movie [2020] [1080p]', 13],
  ['Movie.WEB-DL.x264', 6],
  ['Movie.DDP5.1.Atmos', 6],
  ['Movie.H.264', 6],
  ['Movie (US)', -1],
  ['1080p Movie', -1],
  ['Charlottes Web', -1],
  ['The French Connection', -1],
];

describe('findNoiseStart', () => {
  test.each(noise)('%p → %p', (text, index) => {
    expect(findNoiseStart(text)).toBe(index);
  });

  test('allows noise at the very start when asked', () => {
    expect(findNoiseStart('720p.HDTV.x264', true)).toBe(0);
  });
});

const titleYear: [raw: string, title: string, year: number | undefined][] = [
  ['The Matrix (1999)', 'The Matrix', 1999],
  ['1917', '1917', undefined],
  ['2012 (2009)', '2012', 2009],
  ['Blade Runner 2049 (2017)', 'Blade Runner 2049', 2017],
  ['Movie (2020) (2021)', 'Movie (2020)', 2021],
  ['Movie (1899)', 'Movie (1899)', undefined],
  ['Movie 21001', 'Movie 21001', undefined],
  ['Movie.2020', 'Movie', 2020],
];

describe('splitTitleYear', () => {
  test.each(titleYear)('%p → %p (%p)', (raw, title, year) => {
    const split = splitTitleYear(raw);
    expect([split.title, split.year]).toEqual([title, year]);
  });
});

const tidy: [text: string, expected: string][] = [
  ['The Matrix - ', 'The Matrix'],
  ['The Matrix (', 'The Matrix'],
  ['- The Matrix', 'The Matrix'],
  ['S.W.A.T.', 'S.W.A.T.'],
  ['The End.', 'The End'],
  ['Movie () ', 'Movie'],
];

describe('tidyTitle', () => {
  test.each(tidy)('%p → %p', (text, expected) => {
    expect(tidyTitle(text)).toBe(expected);
  });
});

const ids: [text: string, ids: Record<string, string>, rest: string][] = [
  ['Movie [tmdbid-603]', { tmdb: '603' }, 'Movie'],
  ['Movie {tmdb-603}', { tmdb: '603' }, 'Movie'],
  ['Movie (tmdb=603)', { tmdb: '603' }, 'Movie'],
  ['Movie [TVDBID=79168]', { tvdb: '79168' }, 'Movie'],
  ['Movie {tvdb-79168}', { tvdb: '79168' }, 'Movie'],
  ['Movie [imdbid-tt0133093]', { imdb: 'tt0133093' }, 'Movie'],
  ['Movie [imdb-TT0133093]', { imdb: 'tt0133093' }, 'Movie'],
  ['Movie [ tmdbid - 603 ]', { tmdb: '603' }, 'Movie'],
  ['Movie tt0133093', { imdb: 'tt0133093' }, 'Movie'],
  ['Movie.tt0133093.1080p', { imdb: 'tt0133093' }, 'Movie. .1080p'],
  [
    'Movie [tmdbid-603] [tvdbid-1] [imdbid-tt0133093]',
    { tmdb: '603', tvdb: '1', imdb: 'tt0133093' },
    'Movie',
  ],
  ['Movie [tmdbid-1] [tmdbid-2]', { tmdb: '1' }, 'Movie'],
  ['Movie [imdbid-603]', {}, 'Movie [imdbid-603]'],
  ['Movie [tmdbid-tt603]', {}, 'Movie [tmdbid-tt603]'],
  ['Movie tt123', {}, 'Movie tt123'],
  ['Matt0000001', {}, 'Matt0000001'],
  ['Movie [anidb-123]', {}, 'Movie [anidb-123]'],
];

describe('extractProviderIds', () => {
  test.each(ids)('%p → %o', (text, expected, rest) => {
    expect(extractProviderIds(text)).toEqual({ ids: expected, rest });
  });
});

// Noise counts only after some title text (a letter or digit, in any script); the earliest such match wins.
const noiseAfterTitle: [text: string, afterTitle: number, anywhere: number][] = [
  ['HD-DVD Movie', -1, 0],
  ['1080p Movie 720p', 12, 0],
  ['[Group] 1080p', 8, 0],
  ['... 720p', -1, 4],
  ['Movie [1080p] x264', 6, 6],
  ['Ω 1080p', 2, 2],
  ['😀 720p', -1, 3],
  ['Movie.2019.DVDRip', 11, 11],
];

describe('findNoiseStart after title text', () => {
  test.each(noiseAfterTitle)('%p → %p (anywhere: %p)', (text, afterTitle, anywhere) => {
    expect(findNoiseStart(text)).toBe(afterTitle);
    expect(findNoiseStart(text, true)).toBe(anywhere);
  });
});

const lastYears: [text: string, title: string, year: number | undefined][] = [
  ['2001 1968', '2001', 1968],
  ['(2019)', '(2019)', undefined],
  ['ΑΒ 2001', 'ΑΒ', 2001],
  ['1999 2000 2001', '1999 2000', 2001],
  ['Blade Runner 2049 2017', 'Blade Runner 2049', 2017],
];

describe('splitTitleYear takes the last year after some title text', () => {
  test.each(lastYears)('%p → %p, %p', (text, title, year) => {
    const split = splitTitleYear(text, false);
    expect([split.title, split.year]).toEqual([title, year]);
  });
});

// Names without `db` or `tt` skip both id patterns and only have their spaces tidied.
const noIds: [text: string, rest: string][] = [
  ['  The   Matrix  ', 'The Matrix'],
  ['Heat', 'Heat'],
  ['Watt 1999', 'Watt 1999'],
];

describe('extractProviderIds without ids', () => {
  test.each(noIds)('%p → %p', (text, rest) => expect(extractProviderIds(text)).toEqual({ ids: {}, rest }));
});

const dots: [text: string, expected: string][] = [
  ['The.Matrix', 'The Matrix'],
  ['S.W.A.T.2017', 'S.W.A.T. 2017'],
  ['a.b', 'a.b.'],
  ['x.a', 'x.a.'],
  ['xy.a', 'xy a'],
  ['..x..', 'x'],
  ['E.T..The.A', 'E.T. The A'],
  ['no dots', 'no dots'],
];

describe('dotsToSpaces', () => {
  test.each(dots)('%p → %p', (text, expected) => expect(dotsToSpaces(text)).toBe(expected));
});

describe('title ends tidyTitle trims', () => {
  test.each([
    [' ', true, true],
    ['\u3000', true, true],
    ['-', true, true],
    [';', true, true],
    [')', true, false],
    ['}', true, false],
    ['(', false, true],
    ['[', false, true],
    ['.', false, false],
    ['a', false, false],
  ])('%p → leading %p, trailing %p', (char, leading, trailing) => {
    expect(isLeadingJunk(char.charCodeAt(0))).toBe(leading);
    expect(isTrailingJunk(char.charCodeAt(0))).toBe(trailing);
  });

  // Text normaliseSeparators left (single spaces only) is tidied the same with `collapsed`.
  test.each(['The Matrix ', ' - The Matrix (', 'Movie () ', 'S.W.A.T.', 'The End.', '', ' ', 'A (US)'])(
    '%p',
    (text) => {
      expect(tidyTitle(text, true)).toBe(tidyTitle(text));
    },
  );
});

const years: [text: string, start: number, year: boolean][] = [
  ['1999', 0, true],
  ['(2019)', 1, true],
  ['[2019]', 1, true],
  ['x\u00a02019\u3000', 2, true],
  ['x 1899', 2, false],
  ['x 2100', 2, false],
  ['x 20199', 2, false],
  ['x12019', 2, false],
  ['x 2019a', 2, false],
  ['x 2019.', 2, false],
];

describe('isYearAt', () => {
  test.each(years)('%p at %p → %p', (text, start, year) => expect(isYearAt(text, start)).toBe(year));
});

describe('lastYear', () => {
  test.each([
    ['Movie 1999', { year: 1999, start: 6, end: 10 }],
    ['Movie (1999) (2001)', { year: 2001, start: 14, end: 18 }],
    ['1999', undefined],
    ['(1999)', undefined],
    ['- 1999', undefined],
    ['é 1999', { year: 1999, start: 2, end: 6 }],
    ['Movie', undefined],
  ])('%p → %o', (text, found) => expect(lastYear(text)).toEqual(found));
});
