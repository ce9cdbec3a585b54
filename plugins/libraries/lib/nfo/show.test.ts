// Behaviour of parseShowNfo on tvshow.nfo files as Kodi and Sonarr write them.

import { describe, expect, test } from 'bun:test';
import { parseShowNfo } from './show.ts';
import type { ShowNfo } from './types.ts';

const fixture = (name: string) => Bun.file(`${import.meta.dir}/fixtures/${name}`).text();

function showOf(xml: string): ShowNfo {
  const result = parseShowNfo(xml);
  if (!result.ok) throw new Error(`expected ok, got ${result.code}: ${result.error}`);
  return result.value;
}

describe('parseShowNfo on writer samples', () => {
  test('reads a Kodi v20 tvshow.nfo', async () => {
    const show = showOf(await fixture('kodi-v20-tvshow.nfo'));
    expect(show).toMatchObject({
      ids: { imdb: 'tt0944947', tmdb: '1399', tvdb: '121361' },
      defaultIdType: 'tmdb',
      title: 'Game of Thrones',
      showTitle: 'Game of Thrones',
      year: 2011,
      premiered: '2011-04-17',
      status: 'Ended',
      contentRating: { rating: 'TV-MA', raw: 'TV-MA' },
      genres: ['Sci-Fi & Fantasy', 'Drama', 'Action & Adventure'],
      studios: ['HBO'],
      namedSeasons: [
        { season: 1, name: 'Season 1' },
        { season: 8, name: 'The Last Watch' },
      ],
      actors: [
        { name: 'Kit Harington', role: 'Jon Snow', order: 0 },
        { name: 'Emilia Clarke', role: 'Daenerys Targaryen', order: 1 },
      ],
    });
    expect(show.runtimeMinutes).toBeUndefined();
    expect(show.userRating).toBeUndefined();
    expect(show.sortTitle).toBeUndefined();
  });

  test('keeps season artwork with its season number', async () => {
    const show = showOf(await fixture('kodi-v20-tvshow.nfo'));
    expect(show.artwork.map((art) => [art.aspect, art.season])).toEqual([
      ['poster', undefined],
      ['poster', 1],
      ['poster', 0],
      ['poster', -1],
      ['fanart', undefined],
    ]);
  });

  test('reads a Sonarr tvshow.nfo (tvdb default, extra providers, aspect-less thumb)', async () => {
    const show = showOf(await fixture('sonarr-tvshow.nfo'));
    expect(show).toMatchObject({
      ids: { tvdb: '280619', imdb: 'tt3230854', tvmaze: '1825', tmdb: '63639' },
      defaultIdType: 'tvdb',
      year: 2015,
      ratings: [{ value: 8.4, max: 10, isDefault: true }],
      artwork: [
        { aspect: 'poster', url: 'https://artworks.thetvdb.com/banners/posters/280619-1.jpg' },
        { aspect: 'banner', url: 'https://artworks.thetvdb.com/banners/graphical/280619-g.jpg' },
      ],
    });
  });
});

describe('parseShowNfo field rules', () => {
  test.each([
    ['legacy numeric <id> is a TVDb id', '<id>121361</id>', { tvdb: '121361' }],
    [
      'legacy <id> follows the default uniqueid type',
      '<uniqueid type="tmdb" default="true">1399</uniqueid><id>1399</id>',
      {
        tmdb: '1399',
      },
    ],
    ['<imdb_id> (Jellyfin series saver)', '<imdb_id>tt0944947</imdb_id>', { imdb: 'tt0944947' }],
    [
      'episodeguide JSON fills missing ids',
      '<episodeguide>{"tmdb":"1399","tvdb":121361}</episodeguide>',
      {
        tmdb: '1399',
        tvdb: '121361',
      },
    ],
    [
      'uniqueid beats episodeguide',
      '<uniqueid type="tvdb">1</uniqueid><episodeguide>{"tvdb":"2"}</episodeguide>',
      {
        tvdb: '1',
      },
    ],
    [
      'old XML episodeguide is ignored',
      '<episodeguide><url cache="121361.xml">http://x/121361.zip</url></episodeguide>',
      {},
    ],
  ])('%s', (_name, inner, ids) => {
    expect(showOf(`<tvshow>${inner}</tvshow>`).ids).toEqual(ids);
  });

  test.each([
    [
      'namedseason without a number is skipped',
      '<namedseason>Pilot</namedseason><namedseason number="2">Two</namedseason>',
      [{ season: 2, name: 'Two' }],
    ],
    ['empty namedseason is skipped', '<namedseason number="1"></namedseason>', []],
  ])('%s', (_name, inner, seasons) => {
    expect(showOf(`<tvshow>${inner}</tvshow>`).namedSeasons).toEqual(seasons);
  });

  test('invalid episodeguide JSON is reported as a warning', () => {
    const result = parseShowNfo('<tvshow><title>X</title><episodeguide>{"tmdb":</episodeguide></tvshow>');
    expect(result).toMatchObject({ ok: true, warnings: ['ignored <episodeguide>: not valid JSON'] });
  });
});
