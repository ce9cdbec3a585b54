// An item row's bind values sit under the right columns: placement, fields (arrays and objects as JSON, absent as
// NULL), artwork, match, with id and timestamps left for the writer.
import { describe, expect, test } from 'bun:test';
import type { ItemFields } from './build-item.ts';
import { COL, ITEM_COLUMNS, itemRow } from './item-row.ts';

const fields: ItemFields = {
  title: 'The Matrix',
  sortTitle: 'matrix',
  year: 1999,
  rating: 8.7,
  genres: ['Action', 'Sci-Fi'],
  studios: [],
  tags: [],
  providerIds: { tmdb: '603' },
  matchMethod: 'nfo',
  matchConfidence: 1,
  people: [{ name: 'Keanu Reeves', role: 'actor', character: 'Neo', ord: 0 }],
};

describe('itemRow', () => {
  const row = itemRow(
    {
      libraryId: 'lib',
      kind: 'movie',
      identity: 'movie:tmdb:603',
      altIdentities: ['movie:title:matrix:1999'],
      folder: '/m/The Matrix (1999)',
      artwork: { poster: '/m/The Matrix (1999)/poster.jpg' },
    },
    fields,
  );
  const at = (c: (typeof ITEM_COLUMNS)[number]) => row.values[COL[c]];

  test('one value per column', () => expect(row.values).toHaveLength(ITEM_COLUMNS.length));

  test.each([
    ['id', null],
    ['library_id', 'lib'],
    ['kind', 'movie'],
    ['identity', 'movie:tmdb:603'],
    ['parent_id', null],
    ['season_number', null],
    ['folder', '/m/The Matrix (1999)'],
    ['title', 'The Matrix'],
    ['sort_title', 'matrix'],
    ['sort_key', 'matrix'],
    ['year', 1999],
    ['rating', 8.7],
    ['overview', null],
    ['genres', '["Action","Sci-Fi"]'],
    ['studios', '[]'],
    ['provider_ids', '{"tmdb":"603"}'],
    ['air_date', null],
    ['artwork', '{"poster":"/m/The Matrix (1999)/poster.jpg"}'],
    ['match_method', 'nfo'],
    ['match_confidence', 1],
    ['added_at', null],
    ['updated_at', null],
  ] as const)('%s → %p', (column, value) => expect(at(column)).toEqual(value));

  test('side tables and alternative identities travel with the row', () => {
    expect(row.genres).toEqual(['Action', 'Sci-Fi']);
    expect(row.people).toEqual(fields.people);
    expect(row.altIdentities).toEqual(['movie:title:matrix:1999']);
  });

  test('the sort key is the sort title with its numbers padded; the sort title stays as it is', () => {
    const saw = itemRow({ libraryId: 'l', kind: 'movie', identity: 's' }, { ...fields, sortTitle: 'saw 2' });
    expect([saw.values[COL.sort_title], saw.values[COL.sort_key]]).toEqual(['saw 2', 'saw 0000000002']);
  });

  test('an episode placement fills its numbers; no artwork is an empty object', () => {
    const ep = itemRow(
      {
        libraryId: 'l',
        kind: 'episode',
        identity: 'e',
        seasonNumber: 1,
        episodeNumber: 2,
        endingEpisodeNumber: 3,
      },
      { ...fields, people: [], genres: [] },
    );
    expect([
      ep.values[COL.season_number],
      ep.values[COL.episode_number],
      ep.values[COL.ending_episode_number],
    ]).toEqual([1, 2, 3]);
    expect(ep.values[COL.artwork]).toBe('{}');
    expect(ep.values[COL.genres]).toBe('[]');
    expect(ep.altIdentities).toEqual([]);
  });
});
