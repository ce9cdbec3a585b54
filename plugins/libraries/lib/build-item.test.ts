// Table tests for the fields of season rows (lib/build-item.ts `seasonFields`).
import { describe, expect, test } from 'bun:test';
import { seasonFields } from './build-item.ts';
import { parseSeasonNfo, type SeasonNfo } from './nfo/index.ts';

const nfo = (xml: string): SeasonNfo => {
  const r = parseSeasonNfo(xml);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('seasonFields', () => {
  test.each([
    [1, null, undefined, { title: 'Season 1', matchMethod: 'filename' }],
    [0, null, undefined, { title: 'Specials', matchMethod: 'filename' }],
    [2, null, 'Named', { title: 'Named', matchMethod: 'filename' }],
    [
      1,
      nfo('<season><title>Origins</title><plot>It begins.</plot><premiered>2017-12-01</premiered></season>'),
      'Named',
      { title: 'Origins', overview: 'It begins.', year: 2017, airDate: '2017-12-01', matchMethod: 'nfo' },
    ],
    [3, nfo('<season><outline>Short.</outline></season>'), 'Named', { title: 'Named', overview: 'Short.' }],
  ])('season %p, NFO %o, named %p', (season, seasonNfo, named, fields) => {
    const f = seasonFields(season, seasonNfo, named);
    expect(f).toMatchObject({ ...fields, sortTitle: String(season).padStart(4, '0'), matchConfidence: 1 });
  });
});
