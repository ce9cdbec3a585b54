// Table tests for the scan-context helpers planning leans on: base names and containers (lib/naming/path-parts.ts),
// and the folder facts kept while one unit is planned (each folder examined once) giving the answers the helpers give
// outside a unit.
import { describe, expect, test } from 'bun:test';
import { extname, join } from 'node:path';
import { baseName, containerOf } from '../lib/naming/path-parts.ts';
import {
  artworkIn,
  findFile,
  joinName,
  mainVideosOf,
  seasonArtworkIn,
  sidecarsOf,
  withFolderFacts,
} from '../services/scan-context.ts';

describe('baseName', () => {
  test.each([
    ['Movie (1999).mkv', 'Movie (1999)'],
    ['x.mkv.mkv', 'x.mkv'],
    ['Mr. Robot', 'Mr'],
    ['a', 'a'],
    ['a.', 'a'],
    ['a..b', 'a.'],
    ['.a', '.a'],
    ['.a.b', '.a'],
    ['..a', '.'],
    ['.', '.'],
    ['..', '..'],
    ['...', '..'],
    ['dir.d/file', 'dir.d/file'],
  ])('%p → %p, as extname has it', (name, base) => {
    const ext = extname(name);
    expect(ext ? name.slice(0, -ext.length) : name).toBe(base);
    expect(baseName(name)).toBe(base);
  });
});

describe('containerOf', () => {
  test.each([
    ['Movie (1999).MKV', 'mkv'],
    ['x.mkv.mp4', 'mp4'],
    ['Mr. Robot', ' robot'],
    ['a', null],
    ['a.', null],
    ['.a', null],
    ['.a.b', 'b'],
    ['..a', 'a'],
    ['.', null],
    ['..', null],
    ['...', null],
    ['dir.d/file', null],
    ['dir/file.TS', 'ts'],
  ])('%p → %p, as extname has it', (name, container) => {
    expect(extname(name).slice(1).toLowerCase() || null).toBe(container);
    expect(containerOf(name)).toBe(container);
  });
});

describe('joinName', () => {
  const dirs = [
    '/m/Movie (1999)',
    '/',
    '',
    '.',
    'rel/dir',
    '/a/',
    '//a',
    '/a/./b',
    '/a/../b',
    '/a/..',
    '/a/b.',
    '/a/..b',
  ];
  const names = ['poster.jpg', '.hidden', '...', '', '.', '..', 'a/b', 'x/'];
  test.each(dirs.flatMap((dir) => names.map((name) => [dir, name])))(
    '%p + %p as join has it',
    (dir, name) => {
      expect(joinName(dir, name)).toBe(join(dir, name));
    },
  );
});

const listing = [
  'Movie (2020).mkv',
  'movie.NFO',
  'MOVIE.nfo',
  'poster.jpg',
  'Movie (2020)-fanart.jpg',
  'backdrop1.jpg',
  'Movie (2020).en.srt',
  'Movie (2020).Commentary.mka',
  'Other.srt',
  'Movie (2020) - 2160p.mkv',
  'Movie (2020)-trailer.mkv',
  'season01-poster.jpg',
  'Movie (2020).forced.SRT',
];

function ask() {
  return {
    nfo: findFile(listing, 'Movie.nfo'),
    missing: findFile(listing, 'tvshow.nfo'),
    artwork: artworkIn('/m', listing, 'movie', 'Movie (2020)'),
    prefixed: artworkIn('/m', listing, 'movie', 'Movie (2020)', true),
    season: seasonArtworkIn('/m', listing, 1),
    sidecars: sidecarsOf('/m', listing, 'Movie (2020).mkv').map((s) => s.externalPath),
    mains: mainVideosOf(listing),
  };
}

describe('folder facts while a unit is planned', () => {
  test('the helpers answer outside a unit', () => {
    expect(ask()).toEqual({
      nfo: 'movie.NFO',
      missing: null,
      artwork: { backdrop: '/m/Movie (2020)-fanart.jpg', poster: '/m/poster.jpg' },
      prefixed: { backdrop: '/m/Movie (2020)-fanart.jpg' },
      season: { poster: '/m/season01-poster.jpg' },
      sidecars: ['/m/Movie (2020).en.srt', '/m/Movie (2020).Commentary.mka', '/m/Movie (2020).forced.SRT'],
      mains: ['Movie (2020).mkv', 'Movie (2020) - 2160p.mkv'],
    });
  });

  test('inside a unit, asked twice, they answer as outside it', () => {
    const outside = ask();
    expect(withFolderFacts(() => [ask(), ask()])).toEqual([outside, outside]);
  });

  test('facts last one unit: a listing changed between units is read afresh', () => {
    const files = ['a.nfo'];
    const first = withFolderFacts(() => findFile(files, 'A.NFO'));
    files[0] = 'b.nfo';
    expect([first, withFolderFacts(() => findFile(files, 'A.NFO'))]).toEqual(['a.nfo', null]);
  });
});

describe('a folder of many titles side by side', () => {
  const flat: string[] = [];
  for (let i = 0; i < 300; i++) {
    flat.push(`Film ${i} (2000).mkv`, `Film ${i} (2000)-poster.jpg`, `film ${i} (2000).EN.srt`);
  }
  flat.push('Amélie (2001).mkv', 'AMÉLIE (2001)-poster.jpg', 'Amélie (2001).fr.srt', 'Film 1 (2000)x.srt');

  test('each title gets its own artwork and sidecars only, accented names included', () => {
    const both = (video: string, base: string) => ({
      artwork: artworkIn('/m', flat, 'movie', base, true),
      sidecars: sidecarsOf('/m', flat, video).map((s) => s.externalPath),
    });
    const check = () => [
      both('Film 1 (2000).mkv', 'Film 1 (2000)'),
      both('Amélie (2001).mkv', 'Amélie (2001)'),
    ];
    const expected = [
      { artwork: { poster: '/m/Film 1 (2000)-poster.jpg' }, sidecars: ['/m/film 1 (2000).EN.srt'] },
      { artwork: { poster: '/m/AMÉLIE (2001)-poster.jpg' }, sidecars: ['/m/Amélie (2001).fr.srt'] },
    ];
    expect(check()).toEqual(expected);
    expect(withFolderFacts(check)).toEqual(expected);
  });
});

describe('season artwork in a show folder', () => {
  const show = [
    'poster.jpg',
    'season-all-poster.jpg',
    'season-all-banner.png',
    'season02-poster.jpg',
    'season-specials-poster.jpg',
    'season03-banner.jpg',
  ];
  test.each([
    [1, { poster: '/s/season-all-poster.jpg', banner: '/s/season-all-banner.png' }],
    [2, { poster: '/s/season02-poster.jpg', banner: '/s/season-all-banner.png' }],
    [3, { poster: '/s/season-all-poster.jpg', banner: '/s/season03-banner.jpg' }],
    [0, { poster: '/s/season-specials-poster.jpg', banner: '/s/season-all-banner.png' }],
  ])('season %p: its own, else season-all-*', (season, art) =>
    expect(seasonArtworkIn('/s', show, season)).toEqual(art),
  );
  test('no season art without season-all', () =>
    expect(seasonArtworkIn('/s', ['poster.jpg', 'season02-poster.jpg'], 1)).toEqual({}));
});
