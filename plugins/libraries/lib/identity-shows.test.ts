// Table tests for the identities of shows, seasons and episodes: provider ids or name and year for shows, numbers,
// absolute numbers and air dates for episodes, and titles telling apart episodes that share a day.
import { describe, expect, test } from 'bun:test';
import {
  dayIdentities,
  dayIdentityOf,
  dayTitleOf,
  episodeIdentity,
  legacyShowIdentity,
  seasonIdentity,
  showIdentities,
  titlesByDay,
} from './identity.ts';

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
