// Table tests for the show row a show folder takes over when no row has its identity (lib/show-match.ts).
import { describe, expect, test } from 'bun:test';
import { normaliseKey } from './identity.ts';
import { matchShow, type ShowCandidate, type ShowKey } from './show-match.ts';

const row = (identity: string, folder: string, title: string, year?: number, ids = {}): ShowCandidate => ({
  identity,
  folder,
  key: normaliseKey(title),
  year,
  ids,
});

// Folders still on disk; every other candidate's folder is gone (renamed away).
const present = new Set(['/tv/Doctor Who (1963)', '/tv/Dark', '/tv/Other']);
const isGone = (folder: string) => !present.has(folder);

const show = (folder: string, title: string, year?: number, ids = {}): ShowKey => ({
  folder,
  title,
  year,
  ids,
});

describe('matchShow', () => {
  test.each<[string, ShowKey, ShowCandidate[], string | null]>([
    [
      'its own folder, whatever its name says now',
      show('/tv/Dark', 'Dark', 2017, { tvdb: '1' }),
      [row('a', '/tv/Dark', 'Dark')],
      'a',
    ],
    [
      'a year added to a renamed folder',
      show('/tv/Breaking Bad (2008)', 'Breaking Bad', 2008),
      [row('a', '/tv/Breaking Bad', 'Breaking Bad')],
      'a',
    ],
    [
      'a year taken out, the name written another way',
      show('/tv/Breaking.Bad', 'Breaking Bad'),
      [row('a', '/tv/Breaking Bad (2008)', 'Breaking Bad', 2008)],
      'a',
    ],
    [
      'another year: another show',
      show('/tv/Fargo (2014)', 'Fargo', 2014),
      [row('a', '/tv/Fargo (1996)', 'Fargo', 1996)],
      null,
    ],
    [
      'another name: another show, unless an id is shared',
      show('/tv/BCS', 'BCS'),
      [row('a', '/tv/Better Call Saul', 'Better Call Saul')],
      null,
    ],
    [
      'a shared provider id, whatever the names',
      show('/tv/BCS', 'BCS', undefined, { tvdb: '273181' }),
      [row('a', '/tv/Better Call Saul', 'Better Call Saul', 2015, { tvdb: '273181', tmdb: '60059' })],
      'a',
    ],
    [
      'a shared id and a conflicting one: another show',
      show('/tv/X', 'X', undefined, { tvdb: '1', tmdb: '2' }),
      [row('a', '/tv/Y', 'Y', undefined, { tvdb: '1', tmdb: '3' })],
      null,
    ],
    [
      'the same name with a conflicting id: another show',
      show('/tv/Doctor Who (2005)', 'Doctor Who', 2005, { tvdb: '78804' }),
      [row('a', '/tv/Doctor Who', 'Doctor Who', undefined, { tvdb: '76107' })],
      null,
    ],
    [
      'a show whose folder is still there is another show of that name',
      show('/tv/Doctor Who', 'Doctor Who'),
      [row('a', '/tv/Doctor Who (1963)', 'Doctor Who', 1963)],
      null,
    ],
    [
      'the one of two of that name whose folder is gone',
      show('/tv/Doctor Who', 'Doctor Who'),
      [
        row('a', '/tv/Doctor Who (1963)', 'Doctor Who', 1963),
        row('b', '/tv/Doctor Who (2005)', 'Doctor Who', 2005),
      ],
      'b',
    ],
    [
      'two of that name gone, neither of its year: none',
      show('/tv/Doctor Who', 'Doctor Who'),
      [
        row('a', '/tv/Doctor Who (1963) old', 'Doctor Who', 1963),
        row('b', '/tv/Doctor Who (2005)', 'Doctor Who', 2005),
      ],
      null,
    ],
    [
      'two of that name gone, one of its year',
      show('/tv/Doctor Who (2005) [x]', 'Doctor Who', 2005),
      [row('a', '/tv/DW', 'Doctor Who'), row('b', '/tv/Doctor Who (2005)', 'Doctor Who', 2005)],
      'b',
    ],
    [
      'a row of another year (from its NFO, its folder naming none) is another show',
      show('/tv/Dark (2017)', 'Dark', 2017),
      [row('a', '/tv/Dark old', 'Dark', 2019)],
      null,
    ],
    ['nothing else', show('/tv/New', 'New'), [], null],
  ])('%s', (_, key, candidates, expected) => expect(matchShow(key, true, candidates, isGone)).toBe(expected));

  test('loose episodes at the library root do not take the row of the root as their own folder', () => {
    const root = show('/tv', 'Other Show');
    expect(matchShow(root, false, [row('a', '/tv', 'tv')], isGone)).toBeNull();
  });

  test('accents and punctuation do not count in names', () => {
    const key = show('/tv/Pokémon (1997)', 'Pokémon', 1997);
    expect(matchShow(key, true, [row('a', '/tv/Pokemon', 'Pokemon')], isGone)).toBe('a');
  });
});
