// Table tests for parseUnnumberedEpisode: a video whose name carries no episode number, date or absolute number
// (Jellyfin's `Season 00/Some Special.mkv`) — series and ids from its show folder, season from its season folder.
import { describe, expect, test } from 'bun:test';
import { parseEpisode, parseUnnumberedEpisode } from './episode';

describe('parseUnnumberedEpisode', () => {
  test.each([
    ['Show (2010)/Season 00/Some Special.mkv', 'Show', 2010, 0, 'Some Special'],
    ['Show/Specials/Behind the Music.mkv', 'Show', undefined, 0, 'Behind the Music'],
    ['Show/Season 01/Pilot.mkv', 'Show', undefined, 1, 'Pilot'],
    ['Show/Season 2/The.Reunion.720p.WEB.x264-GRP.mkv', 'Show', undefined, 2, 'The Reunion'],
    ['Show/Staffel 3/Rückblick.mkv', 'Show', undefined, 3, 'Rückblick'],
    // In a show folder without a season folder: no season (only an NFO can number it).
    ['Show/Pilot.mkv', 'Show', undefined, undefined, 'Pilot'],
    ['Show (2010)/Disc 1/Making Of.mkv', 'Show', 2010, undefined, 'Making Of'],
  ])('%s → %s (%p) season %p, %p', (path, series, year, season, title) => {
    const parsed = parseUnnumberedEpisode(path);
    expect([parsed?.series, parsed?.year, parsed?.season, parsed?.title]).toEqual([
      series,
      year,
      season,
      title,
    ]);
    expect(parsed?.episode).toBeUndefined();
    expect(parseEpisode(path)).toBeNull();
  });

  test.each([
    ['at the library root', 'Some Special.mkv'],
    ['in a season folder at the library root', 'Season 01/Pilot.mkv'],
    ['in a DVD structure', 'Show/Season 01/Disc 1/VIDEO_TS/VTS_01_1.VOB'],
    ['in a Blu-ray structure', 'Show/Season 01/Disc 1/BDMV/STREAM/00001.m2ts'],
  ])('%s it is null: no show folder names a series', (_where, path) => {
    expect(parseUnnumberedEpisode(path)).toBeNull();
  });

  test('keeps the show folder provider ids, and a part', () => {
    expect(parseUnnumberedEpisode('Lost {tvdb-73739}/Season 00/Orientation - Part 2.mkv')).toEqual({
      series: 'Lost',
      providerIds: { tvdb: '73739' },
      season: 0,
      title: 'Orientation',
      part: 2,
    });
  });
});
