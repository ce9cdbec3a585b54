// Table tests for parseEpisode: series/season folders, SxxEyy and 1x02 numbering, multi-episode files.
import { describe, expect, test } from 'bun:test';
import { parseEpisode, seasonFromFolder } from './episode';

type NumberCase = [path: string, season: number | undefined, episode: number | undefined];

const seasonEpisode: NumberCase[] = [
  ['Show/Season 01/Show S01E02.mkv', 1, 2],
  ['Show/Season 01/Show s01e02.mkv', 1, 2],
  ['Show/Season 01/Show.S01E02.mkv', 1, 2],
  ['Show/Season 01/Show_S01E02.mkv', 1, 2],
  ['Show/Season 01/Show - S01E02 - Title.mkv', 1, 2],
  ['Show/Season 01/Show.S01.E02.mkv', 1, 2],
  ['Show/Season 01/Show S01 E02.mkv', 1, 2],
  ['Show/Season 01/Show S01_E02.mkv', 1, 2],
  ['Show/Season 01/Show S01 - E02.mkv', 1, 2],
  ['Show/Season 01/Show S01xE02.mkv', 1, 2],
  ['Show/Season 01/S01E02.mkv', 1, 2],
  ['Show/Season 01/s1e2.mkv', 1, 2],
  ['Show/Season 10/Show S10E100.mkv', 10, 100],
  ['Show/Season 2014/Show S2014E05.mkv', 2014, 5],
  ['Show/Season 02/Show S01E02.mkv', 1, 2],
  ['Show/Season 01/Show.Name.S01E02.720p.HDTV.x264-GROUP.mkv', 1, 2],
  ['Show/Season 01/show.name.s01e02.1080p.web.h264-ggez.mkv', 1, 2],
  ['Show/Season 01/Show Season 1 Episode 2.mkv', 1, 2],
  ['Show/Show Season 3 Episode 10 - Title.mkv', 3, 10],
  ['Show/Season 01/Show 1x02.mkv', 1, 2],
  ['Show/Season 01/Show - 1x02 - Title.mkv', 1, 2],
  ['Show/Season 01/Show.1x02.mkv', 1, 2],
  ['Show/Season 01/Show [1x02].mkv', 1, 2],
  ['Show/Season 12/Show 12x103.mkv', 12, 103],
  ['Show/Season 01/1x02.mkv', 1, 2],
];

describe('parseEpisode season and episode numbers', () => {
  test.each(seasonEpisode)('%s → S%pE%p', (path, season, episode) => {
    const parsed = parseEpisode(path);
    expect([parsed?.season, parsed?.episode]).toEqual([season, episode]);
  });
});

type MultiCase = [path: string, episode: number, endingEpisode: number | undefined];

const multiEpisode: MultiCase[] = [
  ['Show/Season 01/Show S01E01-E02.mkv', 1, 2],
  ['Show/Season 01/Show S01E01E02.mkv', 1, 2],
  ['Show/Season 01/Show S01E01-02.mkv', 1, 2],
  ['Show/Season 01/Show S01E01 - E02.mkv', 1, 2],
  ['Show/Season 01/Show S01E01-S01E02.mkv', 1, 2],
  ['Show/Season 01/Show S01E01E02E03.mkv', 1, 3],
  ['Show/Season 01/Show S01E01-E02-E03.mkv', 1, 3],
  ['Show/Season 01/Show s02e18-e19.mkv', 18, 19],
  ['Show/Season 01/Show.S01E01E02.720p.HDTV.x264.mkv', 1, 2],
  ['Show/Season 01/Show - S01E01-E02 - Pilot.mkv', 1, 2],
  ['Show/Season 01/Show 1x01-1x02.mkv', 1, 2],
  ['Show/Season 01/Show 1x01 - 1x02.mkv', 1, 2],
  ['Show/Season 01/Show 1x01x02.mkv', 1, 2],
  ['Show/Season 01/Show 1x01-02.mkv', 1, 2],
  ['Show/Season 01/Show 1x01e02.mkv', 1, 2],
  ['Show/Season 01/Show S01E01-720p.mkv', 1, undefined],
  ['Show/Season 01/Show S01E01-1080p.mkv', 1, undefined],
  ['Show/Season 01/Show S01E01.1080p.x264.mkv', 1, undefined],
  ['Show/Season 01/Show S01E02-E01.mkv', 2, undefined],
  ['Show/Season 01/Show S01E01.Episode.Title.mkv', 1, undefined],
  ['Show/Season 01/Show 1x01-720p.mkv', 1, undefined],
  ['Show/Season 01/Show 1x01.x264.mkv', 1, undefined],
];

describe('parseEpisode multi-episode files', () => {
  test.each(multiEpisode)('%s → E%p-%p', (path, episode, endingEpisode) => {
    const parsed = parseEpisode(path);
    expect([parsed?.episode, parsed?.endingEpisode]).toEqual([episode, endingEpisode]);
  });
});

type FolderCase = [folder: string, season: number | undefined];

const seasonFolders: FolderCase[] = [
  ['Season 01', 1],
  ['Season 1', 1],
  ['season 1', 1],
  ['SEASON 01', 1],
  ['Season 00', 0],
  ['Season 2023', 2023],
  ['Season.01', 1],
  ['Season_01', 1],
  ['Season-01', 1],
  ['Season01', 1],
  ['Season 1 (2019)', 1],
  ['Season 01 [1080p]', 1],
  ['Series 2', 2],
  ['Staffel 3', 3],
  ['Saison 4', 4],
  ['Temporada 5', 5],
  ['Specials', 0],
  ['specials', 0],
  ['Special', 0],
  ['Season Specials', 0],
  ['S01', 1],
  ['S1', 1],
  ['s02', 2],
  ['S03 - The Final Season', 3],
  ['Show.S02.1080p.BluRay.x264-GRP', 2],
  ['Show Season 4', 4],
  ['Doctor Who (2005)', undefined],
  ['Extras', undefined],
  ['Show.S01E02.720p.HDTV.x264-GRP', undefined],
  ['S.W.A.T. (2017)', undefined],
  ['Seasons', undefined],
  ['The Four Seasons (2025)', undefined],
  ['Stargate SG-1', undefined],
];

describe('seasonFromFolder', () => {
  test.each(seasonFolders)('%s → %p', (folder, season) => {
    expect(seasonFromFolder(folder)).toBe(season);
  });
});

type SeriesCase = [path: string, series: string, year: number | undefined, season: number | undefined];

const seriesCases: SeriesCase[] = [
  ['Doctor Who (2005)/Season 01/Doctor Who (2005) - S01E02.mkv', 'Doctor Who', 2005, 1],
  ['Doctor Who (2005)/Specials/Doctor Who (2005) - S00E01.mkv', 'Doctor Who', 2005, 0],
  ['Doctor Who (2005)/Season 00/Doctor Who - S00E03.mkv', 'Doctor Who', 2005, 0],
  ['Doctor Who (1963)/Season 26/Doctor Who 26x01.mkv', 'Doctor Who', 1963, 26],
  ['The Office (US)/Season 02/The Office S02E01.mkv', 'The Office (US)', undefined, 2],
  ['1883 (2021)/Season 1/1883 S01E01.mkv', '1883', 2021, 1],
  ['24/Season 1/24 S01E01.mkv', '24', undefined, 1],
  ['9-1-1/Season 1/9-1-1 S01E01.mkv', '9-1-1', undefined, 1],
  ['S.W.A.T. (2017)/Season 1/S.W.A.T. (2017) - S01E01.mkv', 'S.W.A.T.', 2017, 1],
  ['Show/Show - S01E02.mkv', 'Show', undefined, 1],
  ['Show/Show - S03E02.mkv', 'Show', undefined, 3],
  ['Show/Show 2x05.mkv', 'Show', undefined, 2],
  ['Show (2010)/Season 1/Disc 1/Show S01E01.mkv', 'Show', 2010, 1],
  ['Breaking.Bad.S01.1080p.BluRay.x264-GRP/Breaking.Bad.S01E01.1080p.mkv', 'Breaking Bad', undefined, 1],
  [
    'Breaking Bad/Breaking.Bad.S02.1080p.BluRay.x264-GRP/Breaking.Bad.S02E01.1080p.mkv',
    'Breaking Bad',
    undefined,
    2,
  ],
  ['Breaking.Bad.S01-S05.COMPLETE.1080p/Season 1/Breaking.Bad.S01E01.mkv', 'Breaking Bad', undefined, 1],
  ['Show.S01E02.720p.HDTV.x264-GRP/Show.S01E02.720p.HDTV.x264-GRP.mkv', 'Show', undefined, 1],
  ['Show.Name.S01E02.720p.HDTV.x264-GRP.mkv', 'Show Name', undefined, 1],
  ['Show.Name.2019.S01E02.720p.mkv', 'Show Name', 2019, 1],
  ['Show Name (2019) - S01E02.mkv', 'Show Name', 2019, 1],
  ['Season 1/Show.Name.S01E02.mkv', 'Show Name', undefined, 1],
  ['Show [tvdbid-79168]/Season 1/Show S01E01.mkv', 'Show', undefined, 1],
  ['Show (2008) {tvdb-81189}/Season 1/Show S01E01.mkv', 'Show', 2008, 1],
  ['The_Expanse/Season_1/The_Expanse_S01E01.mkv', 'The Expanse', undefined, 1],
  ['The.Expanse/Season 1/The.Expanse.S01E01.mkv', 'The Expanse', undefined, 1],
];

describe('parseEpisode series and season folders', () => {
  test.each(seriesCases)('%s → %s (%p) season %p', (path, series, year, season) => {
    const parsed = parseEpisode(path);
    expect([parsed?.series, parsed?.year, parsed?.season]).toEqual([series, year, season]);
  });

  test('keeps the show folder provider ids', () => {
    expect(
      parseEpisode('Show (2008) [tvdbid-81189] [tmdbid-1396]/Season 1/Show S01E01.mkv')?.providerIds,
    ).toEqual({
      tvdb: '81189',
      tmdb: '1396',
    });
  });

  test('reads ids from the file name when there is no show folder', () => {
    expect(parseEpisode('Show (2008) [tvdbid-81189] - S01E01.mkv')?.providerIds).toEqual({ tvdb: '81189' });
  });

  test('a complete Plex-style path', () => {
    expect(parseEpisode('Show (2005)/Season 01/Show (2005) - s01e02 - The Title.mkv')).toEqual({
      series: 'Show',
      year: 2005,
      providerIds: {},
      season: 1,
      episode: 2,
      title: 'The Title',
    });
  });
});

describe('parseEpisode episodes of one folder', () => {
  test('each episode gets its own provider ids, and the folder reads the same the second time', () => {
    const first = parseEpisode('Dark {tmdb-70523}/Season 1/Dark - S01E01.mkv');
    const second = parseEpisode('Dark {tmdb-70523}/Season 1/Dark - S01E02.mkv');
    expect(first?.providerIds).toEqual({ tmdb: '70523' });
    expect(second?.providerIds).not.toBe(first?.providerIds);
    if (first) first.providerIds.tmdb = 'changed';
    expect(parseEpisode('Dark {tmdb-70523}/Season 1/Dark - S01E01.mkv')).toEqual({
      series: 'Dark',
      providerIds: { tmdb: '70523' },
      season: 1,
      episode: 1,
    });
  });
});
