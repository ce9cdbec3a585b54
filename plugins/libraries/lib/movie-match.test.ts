// Table tests for whether a rescanned movie file keeps the item its file row had, and which movie a file at a new path
// was renamed from (lib/movie-match.ts).
import { describe, expect, test } from 'bun:test';
import {
  type FormerMovie,
  keepsFormerMovie,
  type MovieNow,
  type RenamedCandidate,
  renamedFrom,
} from './movie-match.ts';

const former = (o: Partial<FormerMovie> = {}): FormerMovie => ({
  kind: 'movie',
  edition: null,
  ids: {},
  idsLocked: false,
  taken: false,
  filesElsewhere: false,
  ...o,
});
const now = (ids: MovieNow['ids'] = {}, edition: string | null = null): MovieNow => ({ ids, edition });

describe('keepsFormerMovie', () => {
  test.each<[string, MovieNow, FormerMovie, boolean]>([
    ['an id removed', now({ imdb: 'tt1' }), former({ ids: { tmdb: '1', imdb: 'tt1' } }), true],
    ['every id removed (the NFO deleted)', now(), former({ ids: { tmdb: '1' } }), true],
    ['an id gained', now({ tmdb: '1', imdb: 'tt1' }), former({ ids: { imdb: 'tt1' } }), true],
    ['one provider swapped for another', now({ tmdb: '1' }), former({ ids: { imdb: 'tt1' } }), true],
    ['the same edition', now({}, 'Final Cut'), former({ edition: 'Final Cut', ids: { tmdb: '1' } }), true],
    [
      'another tmdb id: matched again, the same item',
      now({ tmdb: '2' }),
      former({ ids: { tmdb: '1' } }),
      true,
    ],
    [
      'another imdb id beside the same tmdb id',
      now({ tmdb: '1', imdb: 'tt2' }),
      former({ ids: { tmdb: '1', imdb: 'tt1' } }),
      true,
    ],
    [
      'every id another, the edition the same',
      now({ tmdb: '2', imdb: 'tt2' }, 'Final Cut'),
      former({ edition: 'Final Cut', ids: { tmdb: '1', imdb: 'tt1' } }),
      true,
    ],
    [
      'another tmdb id, the item has files in another folder: another movie',
      now({ tmdb: '2' }),
      former({ ids: { tmdb: '1' }, filesElsewhere: true }),
      false,
    ],
    [
      'an id gained, the item has files in another folder',
      now({ tmdb: '1', imdb: 'tt1' }),
      former({ ids: { tmdb: '1' }, filesElsewhere: true }),
      true,
    ],
    [
      'every id removed, the item has files in another folder',
      now(),
      former({ ids: { tmdb: '1' }, filesElsewhere: true }),
      true,
    ],
    [
      'ids an admin set say nothing against the file',
      now({ tmdb: '2' }),
      former({ ids: { tmdb: '1' }, idsLocked: true }),
      true,
    ],
    [
      'ids an admin set, files in another folder',
      now({ tmdb: '2' }),
      former({ ids: { tmdb: '1' }, idsLocked: true, filesElsewhere: true }),
      true,
    ],
    [
      'another tmdb id, taken by another file of this scan',
      now({ tmdb: '2' }),
      former({ ids: { tmdb: '1' }, taken: true }),
      false,
    ],
    ['taken by another file of this scan', now(), former({ taken: true }), false],
    ['another edition', now({}, 'Final Cut'), former({ edition: null }), false],
    [
      'another tmdb id and another edition',
      now({ tmdb: '2' }, 'Final Cut'),
      former({ ids: { tmdb: '1' } }),
      false,
    ],
    ['not a movie', now(), former({ kind: 'episode' }), false],
  ])('%s → %p', (_, n, f, out) => expect(keepsFormerMovie(n, f)).toBe(out));
});

const cand = (identity: string, o: Partial<RenamedCandidate> = {}): RenamedCandidate => ({
  identity,
  edition: null,
  ids: { tmdb: '949', imdb: 'tt1' },
  gone: true,
  ...o,
});

describe('renamedFrom', () => {
  test.each<[string, MovieNow, RenamedCandidate[], string | null]>([
    [
      'the tmdb tag dropped, the imdb id kept',
      now({ imdb: 'tt1' }),
      [cand('movie:tmdb:949')],
      'movie:tmdb:949',
    ],
    [
      'the imdb id dropped, the tmdb id kept',
      now({ tmdb: '949' }),
      [cand('movie:tmdb:949')],
      'movie:tmdb:949',
    ],
    ['a tvdb id shared', now({ tvdb: '7' }), [cand('a', { ids: { tvdb: '7', tmdb: '1' } })], 'a'],
    ['no id', now(), [cand('a')], null],
    ['no id shared', now({ imdb: 'tt2' }), [cand('a')], null],
    ['the shared one still on disk: another copy', now({ imdb: 'tt1' }), [cand('a', { gone: false })], null],
    ['another id of a provider both name', now({ imdb: 'tt1', tmdb: '2' }), [cand('a')], null],
    ['another edition', now({ imdb: 'tt1' }, 'Final Cut'), [cand('a')], null],
    ['the same edition', now({ imdb: 'tt1' }, 'Final Cut'), [cand('a', { edition: 'Final Cut' })], 'a'],
    ['two gone ones: which is unknown', now({ imdb: 'tt1' }), [cand('a'), cand('b')], null],
    [
      'one gone, one on disk: the gone one',
      now({ imdb: 'tt1' }),
      [cand('a', { gone: false }), cand('b')],
      'b',
    ],
    ['no candidate', now({ imdb: 'tt1' }), [], null],
  ])('%s', (_name, file, candidates, expected) => {
    expect(renamedFrom(file, candidates)).toBe(expected);
  });
});
