// Table tests for parseEpisode: air dates, absolute and episode-only numbering, titles, parts and
// the names that must not be read as episodes.
import { describe, expect, test } from 'bun:test';
import { datedEpisodeOf, parseEpisode } from './episode';

type DateCase = [path: string, airDate: string, title: string | undefined];

const dateCases: DateCase[] = [
  ['The Daily Show/The.Daily.Show.2023.03.14.Guest.Name.720p.WEB.h264-GRP.mkv', '2023-03-14', 'Guest Name'],
  ['Show/Show - 2011-11-15 - Title.mkv', '2011-11-15', 'Title'],
  ['Show/Show 2011-11-15.mkv', '2011-11-15', undefined],
  ['Show/Show_2011_11_15_Title.mkv', '2011-11-15', 'Title'],
  ['Show/Show 2011 11 15 Title.mkv', '2011-11-15', 'Title'],
  ['Show/Show.2011.11.15.mkv', '2011-11-15', undefined],
  ['Show/Show 15.11.2011.mkv', '2011-11-15', undefined],
  ['Show/Show 15-11-2011 - Title.mkv', '2011-11-15', 'Title'],
  ['Show/Show_15_11_2011.mkv', '2011-11-15', undefined],
  ['Show/Show 15 11 2011.mkv', '2011-11-15', undefined],
  ['Show/2011-11-15.mkv', '2011-11-15', undefined],
  ['Doctor Who (2005)/Doctor Who (2005) 2005-03-26.mkv', '2005-03-26', undefined],
  ['Jeopardy/Season 2024/Jeopardy.2024.02.29.720p.HDTV.x264-NGP.mkv', '2024-02-29', undefined],
  [
    'Last Week Tonight/last.week.tonight.with.john.oliver.2024.05.05.1080p.web.h264-ggez.mkv',
    '2024-05-05',
    undefined,
  ],
];

describe('parseEpisode air dates', () => {
  test.each(dateCases)('%s → %s', (path, airDate, title) => {
    const parsed = parseEpisode(path);
    expect([parsed?.airDate, parsed?.title, parsed?.episode]).toEqual([airDate, title, undefined]);
  });

  test('takes the season from a season folder', () => {
    expect(parseEpisode('Jeopardy/Season 2024/Jeopardy 2024-02-29.mkv')?.season).toBe(2024);
  });

  test('leaves the season unset without a season folder', () => {
    expect(parseEpisode('Jeopardy/Jeopardy 2024-02-29.mkv')?.season).toBeUndefined();
  });

  test.each([
    'Show/Show 2023-02-30.mkv',
    'Show/Show 2023-13-01.mkv',
    'Show/Show 32.01.2023.mkv',
    'Show/Show 2023.1.5.mkv',
  ])('rejects the impossible or partial date in %s', (path) => {
    expect(parseEpisode(path)).toBeNull();
  });
});

describe('datedEpisodeOf', () => {
  test.each(dateCases)('reads %s as parseEpisode does: %s, %p', (path, airDate, title) => {
    expect(datedEpisodeOf(path.slice(path.lastIndexOf('/') + 1))).toEqual({ airDate, title });
  });

  test.each([
    'Show S01E02 2011-11-15.mkv',
    'Show 1x02 - 2011-11-15.mkv',
    'Show - 105.mkv',
    'Show 2023-02-30.mkv',
    'Some Special.mkv',
  ])('is null for %s, numbered otherwise or not at all', (name) => expect(datedEpisodeOf(name)).toBeNull());
});

type AbsoluteCase = [path: string, absolute: number, season: number, series: string];

const absoluteCases: AbsoluteCase[] = [
  ['One Piece/One Piece - 1050.mkv', 1050, 1, 'One Piece'],
  ['Show/Show - 105.mkv', 105, 1, 'Show'],
  ['Frieren/[SubsPlease] Sousou no Frieren - 12 (1080p) [F02B9CE6].mkv', 12, 1, 'Frieren'],
  ['Naruto/[Erai-raws] Naruto - 001 [1080p][Multiple Subtitle].mkv', 1, 1, 'Naruto'],
  ['Show/[Group] Show - 12 [1080p].mkv', 12, 1, 'Show'],
  ['Show/[Group] Show - 12v2 [1080p].mkv', 12, 1, 'Show'],
  ['Show/[Group]_Show_-_07_[720p].mkv', 7, 1, 'Show'],
  ['Show/Show - 12 - Title.mkv', 12, 1, 'Show'],
  ['Show/Season 2/[Group] Show S2 - 05 [1080p].mkv', 5, 2, 'Show'],
  ['Show/Season 3/Show - 40.mkv', 40, 3, 'Show'],
  ['Spider-Man/Spider-Man - 05.mkv', 5, 1, 'Spider-Man'],
  ['[Group] Attack on Titan - 25 [1080p].mkv', 25, 1, 'Attack on Titan'],
  ['Doctor Who (2005)/Doctor Who (2005) - 105.mkv', 105, 1, 'Doctor Who'],
];

describe('parseEpisode absolute numbering', () => {
  test.each(absoluteCases)('%s → #%p season %p', (path, absolute, season, series) => {
    const parsed = parseEpisode(path);
    expect([parsed?.absoluteEpisode, parsed?.season, parsed?.series, parsed?.episode]).toEqual([
      absolute,
      season,
      series,
      undefined,
    ]);
  });
});

type EpisodeOnlyCase = [path: string, season: number, episode: number, title: string | undefined];

const episodeOnlyCases: EpisodeOnlyCase[] = [
  ['Show/Season 1/01 - Pilot.mkv', 1, 1, 'Pilot'],
  ['Show/Season 2/03 - The Title.mkv', 2, 3, 'The Title'],
  ['Show/Season 2/03.mkv', 2, 3, undefined],
  ['Show/Season 2/03. The Title.mkv', 2, 3, 'The Title'],
  ['Show/Season 2/Show E05.mkv', 2, 5, undefined],
  ['Show/Season 2/Show.E05.720p.mkv', 2, 5, undefined],
  ['Show/Season 2/Show Ep05.mkv', 2, 5, undefined],
  ['Show/Season 2/Show Ep. 05.mkv', 2, 5, undefined],
  ['Show/Season 2/Show EP_05.mkv', 2, 5, undefined],
  ['Show/Season 2/Episode 16 - Title.mkv', 2, 16, 'Title'],
  ['Show/Episode 16.mkv', 1, 16, undefined],
  ['Show/Specials/Show E01.mkv', 0, 1, undefined],
];

describe('parseEpisode episode-only numbering', () => {
  test.each(episodeOnlyCases)('%s → S%pE%p', (path, season, episode, title) => {
    const parsed = parseEpisode(path);
    expect([parsed?.season, parsed?.episode, parsed?.title, parsed?.absoluteEpisode]).toEqual([
      season,
      episode,
      title,
      undefined,
    ]);
  });
});

type TitleCase = [path: string, title: string | undefined, part: number | undefined];

const titleCases: TitleCase[] = [
  ['Show/Season 1/Show - S01E02 - The Title.mkv', 'The Title', undefined],
  ['Show/Season 1/Show S01E02 The Title.mkv', 'The Title', undefined],
  ['Show/Season 1/Show.S01E02.The.Title.720p.HDTV.x264-GRP.mkv', 'The Title', undefined],
  ['Show/Season 1/Show - S01E02 - The Title [1080p].mkv', 'The Title', undefined],
  ['Show/Season 1/Show - S01E02 - The Title (1080p BluRay x265).mkv', 'The Title', undefined],
  ['Show/Season 1/Show - S01E02 - Mr. Robot.mkv', 'Mr. Robot', undefined],
  ['Show/Season 1/Show - S01E02 - E.T. Phone Home.mkv', 'E.T. Phone Home', undefined],
  ['Show/Season 1/Show S01E02.mkv', undefined, undefined],
  ['Show/Season 1/Show S01E02 - .mkv', undefined, undefined],
  ['Show/Season 1/Show S01E02 (2019).mkv', undefined, undefined],
  ['Show/Season 1/Show S01E02 [Uncut].mkv', undefined, undefined],
  ['Show/Season 1/Show S01E02 - Title (2019).mkv', 'Title (2019)', undefined],
  ['Show/Season 1/Show.S01E02.1080p.WEB-DL.DDP5.1.H.264-NTb.mkv', undefined, undefined],
  ['Show/Season 1/Show_S01E02_The_Title.mkv', 'The Title', undefined],
  [
    'The Last of Us/The.Last.of.Us.S01E01.When.Youre.Lost.in.the.Darkness.2160p.HMAX.WEB-DL.DDP5.1.Atmos.DV.HDR.H.265-FLUX.mkv',
    'When Youre Lost in the Darkness',
    undefined,
  ],
  ['Show/Season 2/Show S02E03 Part 1.mkv', undefined, 1],
  ['Show/Season 2/Show S02E03-part-2.mkv', undefined, 2],
  ['Show/Season 2/Show S02E03.pt1.mkv', undefined, 1],
  ['Show/Season 2/Show S02E03 Part 2 - The Title.mkv', 'The Title', 2],
  ['Show/Season 2/Show S02E03 Pt. II.mkv', undefined, 2],
  ['Show/Season 2/Show - S02E03 - The Title - Part 2.mkv', 'The Title', 2],
  ['Show/Season 2/Show - S02E03 - The Title (Part 3).mkv', 'The Title', 3],
  ['Show/Season 2/Show - S02E03 - Partners.mkv', 'Partners', undefined],
  ['Show/Season 2/Show - S02E03 - Part of the Plan.mkv', 'Part of the Plan', undefined],
];

describe('parseEpisode titles and parts', () => {
  test.each(titleCases)('%s → %p part %p', (path, title, part) => {
    const parsed = parseEpisode(path);
    expect([parsed?.title, parsed?.part]).toEqual([title, part]);
  });
});

type NotEpisodeCase = [path: string, why: string];

const falsePositives: [path: string, season: number, episode: number][] = [
  ['Show/Season 1/Show.S01E02.1080p.x264.mkv', 1, 2],
  ['Show/Season 1/Show.S01E02.H.264.mkv', 1, 2],
  ['Show/Season 1/Show.2160p.S01E02.mkv', 1, 2],
  ['Show/Season 1/Show.x264.S01E02.mkv', 1, 2],
  ['Show/Season 1/Show 1920x1080 S01E02.mkv', 1, 2],
  ['Doctor Who (2005)/Season 2/Doctor Who (2005) S02E03.mkv', 2, 3],
  ['2 Broke Girls/Season 1/2 Broke Girls S01E03.mkv', 1, 3],
  ['Show/Season 1/Show S01E02 2019 1080p.mkv', 1, 2],
];

describe('parseEpisode does not mistake release noise for numbers', () => {
  test.each(falsePositives)('%s → S%pE%p', (path, season, episode) => {
    const parsed = parseEpisode(path);
    expect([parsed?.season, parsed?.episode, parsed?.airDate, parsed?.endingEpisode]).toEqual([
      season,
      episode,
      undefined,
      undefined,
    ]);
  });

  const notEpisodes: NotEpisodeCase[] = [
    ['Show/Season 1/Show.1080p.mkv', 'resolution'],
    ['Show/Season 1/Show.720p.x264.mkv', 'resolution and codec'],
    ['Show/Season 1/Show.H.264.mkv', 'dotted codec'],
    ['Show/Season 1/Show 1920x1080.mkv', 'frame size'],
    ['Doctor Who (2005)/Season 1/Doctor Who (2005) - Rose.mkv', 'year in the series name'],
    ['Doctor Who (2005)/Doctor Who (2005).mkv', 'year only'],
    ['Show (2019)/Show - 2019.mkv', 'year after a hyphen'],
    ['Show/Season 1/Pilot.mkv', 'no number at all'],
    ['Show/Season 1/Show - 1080p.mkv', 'resolution after a hyphen'],
    ['Show/Season 1/Show DDP5.1.mkv', 'audio channels'],
    ['', 'empty path'],
  ];

  test.each(notEpisodes)('%s is not an episode (%s)', (path) => {
    expect(parseEpisode(path)).toBeNull();
  });
});
