// Table tests for item identities, keys and sort titles: keys, movies and provider ids (shows, seasons and episodes:
// identity-shows.test.ts).
import { describe, expect, test } from 'bun:test';
import {
  idsConflict,
  movieIdentities,
  movieIdentity,
  normaliseKey,
  normaliseKeyFully,
  providerIdsOf,
  SORT_TITLE_MAX,
  sortTitleOf,
} from './identity.ts';

describe('normaliseKey', () => {
  test.each([
    ['Amélie (2001)!', 'amelie 2001'],
    ['  The   Matrix ', 'the matrix'],
    ['Fast & Furious', 'fast and furious'],
    ['WALL·E', 'wall e'],
    ['Léon: The Professional', 'leon the professional'],
    ['Ōkami', 'okami'],
    ['', ''],
  ])('%p → %p', (input, out) => expect(normaliseKey(input)).toBe(out));

  // Plain ASCII takes a shorter way; it must give what the general steps give.
  test.each([
    ['The Matrix', 'the matrix'],
    ['A&B', 'a and b'],
    ['&', 'and'],
    ['a&&b', 'a and and b'],
    ['  --  ', ''],
    ['R2-D2 (1977)', 'r2 d2 1977'],
    ['AT&T', 'at and t'],
    ['x_y.z', 'x y z'],
    ['Mr. & Mrs. Smith', 'mr and mrs smith'],
    ['\t tab\n', 'tab'],
    ['~!@#$%^*()_+{}|:"<>?`-=[]\\;\',./', ''],
    // Already words one space apart (lower-cased): kept as they are.
    ['matrix reloaded 2003', 'matrix reloaded 2003'],
    ['Episode Title 7', 'episode title 7'],
    ['x', 'x'],
    ['a  b', 'a b'],
    [' a b', 'a b'],
    ['a b ', 'a b'],
  ])('ASCII %p → %p, as the general steps', (input, out) => {
    expect(normaliseKey(input)).toBe(out);
    expect(normaliseKeyFully(input)).toBe(out);
  });

  test('texts asked alternately (a show folder between episode titles) each keep their own key', () => {
    const asked = ['Show & Co', 'Pilot', 'Show & Co', 'Épisode 2', 'Show & Co', 'Pilot'].map(normaliseKey);
    expect(asked).toEqual(['show and co', 'pilot', 'show and co', 'episode 2', 'show and co', 'pilot']);
  });

  test('the same text asked twice in a row, and then other text, gives each its own key', () => {
    expect([normaliseKey('Léon'), normaliseKey('Léon'), normaliseKey('Heat'), normaliseKey('Léon')]).toEqual([
      'leon',
      'leon',
      'heat',
      'leon',
    ]);
  });
});

describe('sortTitleOf', () => {
  test.each([
    ['The Matrix', 'matrix'],
    ['A Beautiful Mind', 'beautiful mind'],
    ['An American Werewolf in London', 'american werewolf in london'],
    ['Theory of Everything', 'theory of everything'],
    ['The', 'the'],
    ['Ångström', 'angstrom'],
    ['x'.repeat(SORT_TITLE_MAX), 'x'.repeat(SORT_TITLE_MAX)],
    [`The ${'x'.repeat(SORT_TITLE_MAX + 50)}`, 'x'.repeat(SORT_TITLE_MAX)],
    ['長'.repeat(500), '長'.repeat(SORT_TITLE_MAX)],
    [`${'a'.repeat(SORT_TITLE_MAX - 1)} bc`, 'a'.repeat(SORT_TITLE_MAX - 1)],
    ['𠀀'.repeat(SORT_TITLE_MAX + 1), '𠀀'.repeat(SORT_TITLE_MAX)],
  ])('%p → %p', (input, out) => expect(sortTitleOf(input)).toBe(out));
});

describe('movieIdentity', () => {
  test.each([
    [{ title: 'The Matrix', year: 1999, ids: { tmdb: '603' } }, 'movie:tmdb:603'],
    [{ title: 'The Matrix', year: 1999, ids: { imdb: 'tt0133093' } }, 'movie:imdb:tt0133093'],
    [{ title: 'The Matrix', year: 1999, ids: {} }, 'movie:title:the matrix:1999'],
    [{ title: 'Alien', ids: {} }, 'movie:title:alien:'],
    [
      { title: 'Blade Runner', year: 1982, edition: 'Final Cut', ids: {} },
      'movie:title:blade runner:1982:edition:final cut',
    ],
    [
      { title: 'Blade Runner', year: 1982, edition: 'Final Cut', ids: { tmdb: '78' } },
      'movie:tmdb:78:edition:final cut',
    ],
  ])('%o → %p', (input, out) => expect(movieIdentity(input)).toBe(out));
});

describe('movie identities', () => {
  const heat = { title: 'Heat', year: 1995 };
  test.each([
    // Every provider id the movie has (in rank order), then title and year, then the file name's: an NFO that gains,
    // loses or changes ids keeps the row written under any of them.
    [
      { ...heat, ids: { tmdb: '949', imdb: 'tt0113277' } },
      heat,
      'movie:tmdb:949',
      ['movie:imdb:tt0113277', 'movie:title:heat:1995'],
    ],
    [
      { ...heat, ids: { imdb: 'tt0113277', tvdb: '1' } },
      heat,
      'movie:imdb:tt0113277',
      ['movie:tvdb:1', 'movie:title:heat:1995'],
    ],
    [
      { ...heat, ids: { tmdb: '949' } },
      { title: 'Heat 1995 1080p', year: undefined },
      'movie:tmdb:949',
      ['movie:title:heat:1995', 'movie:title:heat 1995 1080p:'],
    ],
    // No ids: title and year, else the name's when the NFO gives others.
    [{ ...heat, ids: {} }, heat, 'movie:title:heat:1995', []],
    [
      { title: 'Heat (Theatrical)', year: 1995, ids: {} },
      heat,
      'movie:title:heat theatrical:1995',
      ['movie:title:heat:1995'],
    ],
    // An edition stays its own title under every alternative.
    [
      { ...heat, edition: 'Director’s Cut', ids: { tmdb: '949', imdb: 'tt0113277' } },
      heat,
      'movie:tmdb:949:edition:director s cut',
      ['movie:imdb:tt0113277:edition:director s cut', 'movie:title:heat:1995:edition:director s cut'],
    ],
    // Ids other than the three ranked ones name no identity.
    [
      { ...heat, ids: { tmdb: '949', tmdbcollection: '5' } as never },
      heat,
      'movie:tmdb:949',
      ['movie:title:heat:1995'],
    ],
  ])('%o named %o → %p, then %p', (movie, name, identity, alts) =>
    expect(movieIdentities(movie, name)).toEqual({ identity, alts }),
  );
});

describe('idsConflict', () => {
  test.each([
    [{ tmdb: '1' }, { tmdb: '2' }, true],
    [{ tmdb: '1', imdb: 'tt1' }, { imdb: 'tt2' }, true],
    [{ tvdb: '3' }, { tvdb: '4', tmdb: '1' }, true],
    [{ tmdb: '1' }, { tmdb: '1' }, false],
    [{ tmdb: '1' }, { imdb: 'tt1' }, false],
    [{ tmdb: '1', imdb: 'tt1' }, { imdb: 'tt1' }, false],
    [{}, { tmdb: '1' }, false],
    [{}, {}, false],
  ])('%o and %o → %p', (a, b, out) => {
    expect(idsConflict(a, b)).toBe(out);
    expect(idsConflict(b, a)).toBe(out);
  });
});

describe('providerIdsOf', () => {
  test.each([
    ['{"tmdb":"949","imdb":"tt0113277"}', { tmdb: '949', imdb: 'tt0113277' }],
    ['{}', {}],
    ['not json', {}],
    ['', {}],
  ])('%p → %o', (json, out) => expect(providerIdsOf(json)).toEqual(out));
});
