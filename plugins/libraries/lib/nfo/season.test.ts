// Behaviour of parseSeasonNfo on Jellyfin season.nfo files.

import { describe, expect, test } from 'bun:test';
import { parseSeasonNfo } from './season.ts';

describe('parseSeasonNfo', () => {
  test('reads a season.nfo as Jellyfin writes it', () => {
    const r = parseSeasonNfo(`<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<season>
  <plot><![CDATA[Jonas learns the truth.]]></plot>
  <outline />
  <lockdata>false</lockdata>
  <dateadded>2023-01-02 10:11:12</dateadded>
  <title>Origins</title>
  <year>2017</year>
  <premiered>2017-12-01</premiered>
  <releasedate>2017-12-01</releasedate>
  <tvdbid>718649</tvdbid>
  <seasonnumber>1</seasonnumber>
</season>`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      title: 'Origins',
      plot: 'Jonas learns the truth.',
      year: 2017,
      premiered: '2017-12-01',
      seasonNumber: 1,
      ids: { tvdb: '718649' },
    });
    expect(r.warnings).toEqual([]);
  });

  test.each([
    [
      '<season><title>Bonus</title><seasonnumber>0</seasonnumber></season>',
      { title: 'Bonus', seasonNumber: 0 },
    ],
    ['<season><seasonnumber>-1</seasonnumber><aired>2019-06-21</aired></season>', { year: 2019 }],
    ['<season><title>Only a title</title></season>', { title: 'Only a title' }],
  ])('%s', (xml, fields) => {
    const r = parseSeasonNfo(xml);
    expect(r.ok && r.value).toMatchObject(fields);
    if (r.ok && !('seasonNumber' in fields)) expect(r.value.seasonNumber).toBeUndefined();
  });

  test.each([
    ['', 'NFO_EMPTY'],
    ['<tvshow><title>Wrong root</title></tvshow>', 'NFO_WRONG_ROOT'],
    ['just some words', 'NFO_NO_METADATA'],
  ])('%p is not usable (%s)', (xml, code) => expect(parseSeasonNfo(xml)).toMatchObject({ ok: false, code }));
});
