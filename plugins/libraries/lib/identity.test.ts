// Table tests for item identities, keys and sort titles.
import { describe, expect, test } from 'bun:test';
import {
  dayIdentities,
  dayIdentityOf,
  dayTitleOf,
  episodeIdentity,
  idsConflict,
  legacyShowIdentity,
  movieIdentities,
  movieIdentity,
  normaliseKey,
  normaliseKeyFully,
  providerIdsOf,
  SORT_TITLE_MAX,
  seasonIdentity,
  showIdentities,
  sortTitleOf,
  titlesByDay,
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

describe('show identities', () => {
  test.each([
    // A provider id when one is known (TheTVDB, then TMDb, then IMDb), the others and the folder's old key after it.
    [
      { title: 'Doctor Who', year: 2005, ids: { tvdb: '78804', tmdb: '57243', imdb: 'tt0436992' } },
      'Doctor Who (2005)',
      'show:tvdb:78804',
      ['show:tmdb:57243', 'show:imdb:tt0436992', 'show:doctor who 2005'],
    ],
    [
      { title: 'Doctor Who', year: 2005, ids: { imdb: 'tt0436992', tmdb: '57243' } },
      'Doctor Who (2005)',
      'show:tmdb:57243',
      ['show:imdb:tt0436992', 'show:doctor who 2005'],
    ],
    [
      { title: 'The Wire', ids: { tvdb: '79126' } },
      'The Wire [tvdbid-79126]',
      'show:tvdb:79126',
      ['show:the wire tvdbid 79126'],
    ],
    // Else the normalised name and year.
    [{ title: 'Breaking Bad', ids: {} }, 'Breaking Bad', 'show:title:breaking bad:', ['show:breaking bad']],
    [
      { title: 'Breaking Bad', year: 2008, ids: {} },
      'Breaking Bad (2008)',
      'show:title:breaking bad:2008',
      ['show:breaking bad 2008'],
    ],
    [
      { title: 'Pokémon', year: 1997, ids: {} },
      'Pokémon (1997)',
      'show:title:pokemon:1997',
      ['show:pokemon 1997'],
    ],
  ])('%o in %p → %p, then %p', (show, folder, identity, alts) =>
    expect(showIdentities(show, folder)).toEqual({ identity, alts }),
  );
  test('the identity of earlier versions is the folder name, normalised', () =>
    expect(legacyShowIdentity('Doctor Who (2005)')).toBe('show:doctor who 2005'));
});

describe('episode identities', () => {
  const show = 'show:tvdb:78804';
  test('season identity nests under the show', () =>
    expect(seasonIdentity(show, 0)).toBe('show:tvdb:78804/season:0'));
  test.each([
    [{ season: 1, episode: 2 }, `${show}/s1e2`],
    [{ episode: 5 }, `${show}/s1e5`],
    [{ season: 2, episode: 3, part: 1 }, `${show}/s2e3:part1`],
    [{ airDate: '2011-11-15' }, `${show}/date:2011-11-15`],
    [{ airDate: '2011-11-15', dayTitle: 'guest a' }, `${show}/date:2011-11-15:title:guest a`],
    [{ airDate: '2011-11-15', dayTitle: 'guest a', part: 2 }, `${show}/date:2011-11-15:title:guest a:part2`],
    [{ absoluteEpisode: 105 }, `${show}/abs:105`],
    [{}, `${show}/file:bonus clip`],
    [{ season: 0 }, `${show}/s0/file:bonus clip`],
    [{ season: 2 }, `${show}/s2/file:bonus clip`],
  ])('%o → %p', (e, out) => expect(episodeIdentity(show, e, 'Bonus Clip')).toBe(out));
  test('below an unknown show, the part a show identity goes in front of', () =>
    expect(episodeIdentity('', { season: 1, episode: 2 }, 'x')).toBe('/s1e2'));
});

describe('date-named episodes that share a day', () => {
  const days = titlesByDay([
    { airDate: '2024-01-05', title: 'Guest A' },
    { airDate: '2024-01-05', title: 'Guest B' },
    { airDate: '2024-01-05', title: 'guest-b' },
    { airDate: '2024-01-05' },
    { airDate: '2024-01-06', title: 'Guest C' },
    { airDate: '2024-01-07', title: 'Guest D' },
    { airDate: '2024-01-07', title: 'Guest D!' },
  ]);
  test("titlesByDay keys each day's titles, one key for titles that normalise alike", () =>
    expect([...days].map(([d, t]) => [d, [...t]])).toEqual([
      ['2024-01-05', ['guest a', 'guest b', '']],
      ['2024-01-06', ['guest c']],
      ['2024-01-07', ['guest d']],
    ]));
  test.each([
    ['2024-01-05', 'Guest A', 'guest a'],
    ['2024-01-05', 'Guest-B', 'guest b'],
    ['2024-01-05', undefined, undefined],
    ['2024-01-06', 'Guest C', undefined],
    ['2024-01-07', 'Guest D!', undefined],
    ['2024-01-09', 'Guest X', undefined],
  ])('dayTitleOf(%s, %p) → %p', (day, title, key) => expect(dayTitleOf(days, day, title)).toBe(key));
  test.each([
    ['2024-01-05', ['/date:2024-01-05:title:guest a', '/date:2024-01-05:title:guest b', '/date:2024-01-05']],
    ['2024-01-06', ['/date:2024-01-06']],
    ['2024-01-09', ['/date:2024-01-09']],
  ])('dayIdentities(%s) → %p', (day, out) => expect(dayIdentities(days, day)).toEqual(out));
  const show = 'show:tvdb:1';
  test.each([
    [`${show}/date:2024-01-05`, undefined, '/date:2024-01-05'],
    [`${show}/date:2024-01-05:title:guest a`, undefined, '/date:2024-01-05:title:guest a'],
    [`${show}/date:2024-01-05:title:guest a:part2`, 2, '/date:2024-01-05:title:guest a'],
    [`${show}/date:2024-01-05:part2`, 2, '/date:2024-01-05'],
    [`${show}/date:2024-01-05:part2`, undefined, null],
    [`${show}/date:2024-01-05`, 2, null],
    [`${show}/date:2024-01-06`, undefined, null],
    [`${show}/s1e5`, undefined, null],
    [`show:tvdb:2/date:2024-01-05`, undefined, null],
  ])('dayIdentityOf(%p, part %p) → %p', (identity, part, out) =>
    expect(dayIdentityOf(identity, show, '2024-01-05', part)).toBe(out),
  );
});
