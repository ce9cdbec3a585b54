// Table tests for parseMovie details: provider ids, editions, version labels, stack parts, 3D and stubs.
import { describe, expect, test } from 'bun:test';
import { type ParsedMovie, parseMovie, threeDFormatOf } from './movie';

type IdCase = [path: string, ids: ParsedMovie['providerIds'], title: string];

const idCases: IdCase[] = [
  ['The Matrix (1999) [tmdbid-603]/The Matrix (1999).mkv', { tmdb: '603' }, 'The Matrix'],
  ['The Matrix (1999) {tmdb-603}/The Matrix (1999) {tmdb-603}.mkv', { tmdb: '603' }, 'The Matrix'],
  ['The Matrix (1999) [imdbid-tt0133093].mkv', { imdb: 'tt0133093' }, 'The Matrix'],
  ['The Matrix (1999) {imdb-tt0133093}.mkv', { imdb: 'tt0133093' }, 'The Matrix'],
  ['The Matrix (1999) (tmdbid=603).mkv', { tmdb: '603' }, 'The Matrix'],
  ['The Matrix (1999) [tmdb=603].mkv', { tmdb: '603' }, 'The Matrix'],
  ['The Matrix (1999) {TMDBID-603}.mkv', { tmdb: '603' }, 'The Matrix'],
  ['The Matrix (1999) [tvdbid=79168].mkv', { tvdb: '79168' }, 'The Matrix'],
  ['The Matrix (1999) [tmdbid-603] [imdbid-tt0133093].mkv', { tmdb: '603', imdb: 'tt0133093' }, 'The Matrix'],
  ['The Matrix [tmdbid-603] (1999).mkv', { tmdb: '603' }, 'The Matrix'],
  ['[tmdbid-603] The Matrix (1999).mkv', { tmdb: '603' }, 'The Matrix'],
  ['The Matrix (1999) tt0133093.mkv', { imdb: 'tt0133093' }, 'The Matrix'],
  ['The Matrix (1999) - tt0133093/The Matrix (1999).mkv', { imdb: 'tt0133093' }, 'The Matrix'],
  ['The.Matrix.1999.tt0133093.1080p.BluRay.mkv', { imdb: 'tt0133093' }, 'The Matrix'],
  ['Oppenheimer (2023) [imdbid-tt15398776].mkv', { imdb: 'tt15398776' }, 'Oppenheimer'],
  ['The Matrix (1999) [tmdbid-603]/movie.mkv', { tmdb: '603' }, 'The Matrix'],
  [
    'The Matrix (1999) [tmdbid-603]/The Matrix (1999) [imdbid-tt0133093].mkv',
    { tmdb: '603', imdb: 'tt0133093' },
    'The Matrix',
  ],
  ['The Matrix (1999) [tmdbid-603]/The Matrix (1999) [tmdbid-604].mkv', { tmdb: '604' }, 'The Matrix'],
  ['The Matrix (1999) [tmdbid-abc].mkv', {}, 'The Matrix'],
  ['The Matrix (1999).mkv', {}, 'The Matrix'],
  ['Star Wars Collection [tmdbid-10]/Star Wars (1977).mkv', {}, 'Star Wars'],
  ['Star Wars Collection [tmdbid-10]/Star Wars (1977) [tmdbid-11].mkv', { tmdb: '11' }, 'Star Wars'],
  ['Attack the Block (2011).mkv', {}, 'Attack the Block'],
];

describe('parseMovie provider ids', () => {
  test.each(idCases)('%s → %o', (path, ids, title) => {
    const movie = parseMovie(path);
    expect(movie.providerIds).toEqual(ids);
    expect(movie.title).toBe(title);
  });
});

type EditionCase = [path: string, edition: string | undefined, title: string];

const editionCases: EditionCase[] = [
  [
    'Blade Runner (1982) {edition-Final Cut}/Blade Runner (1982) {edition-Final Cut}.mkv',
    'Final Cut',
    'Blade Runner',
  ],
  ["Blade Runner (1982) {edition-Director's Cut}.mkv", "Director's Cut", 'Blade Runner'],
  ['Blade Runner (1982) {edition-Final Cut}/movie.mkv', 'Final Cut', 'Blade Runner'],
  ['Blade Runner (1982)/Blade Runner (1982) {edition-Theatrical}.mkv', 'Theatrical', 'Blade Runner'],
  ['Aliens (1986) {edition-Special Edition} {tmdb-679}.mkv', 'Special Edition', 'Aliens'],
  ['Aliens (1986) {tmdb-679} {edition-Special Edition}.mkv', 'Special Edition', 'Aliens'],
  ['Aliens (1986) {Edition-Extended}.mkv', 'Extended', 'Aliens'],
  ['Aliens (1986).mkv', undefined, 'Aliens'],
  ["Directors Cuts {edition-Director's Cut}/Aliens (1986).mkv", undefined, 'Aliens'],
];

describe('parseMovie Plex editions', () => {
  test.each(editionCases)('%s → edition %p', (path, edition, title) => {
    const movie = parseMovie(path);
    expect([movie.edition, movie.title]).toEqual([edition, title]);
  });
});

type VersionCase = [path: string, label: string | undefined, title: string, year: number | undefined];

const versionCases: VersionCase[] = [
  ['Movie (2021)/Movie (2021) - 2160p.mkv', '2160p', 'Movie', 2021],
  ['Movie (2021)/Movie (2021) - 1080p.mkv', '1080p', 'Movie', 2021],
  ['Movie (2021)/Movie (2021) - Directors Cut.mkv', 'Directors Cut', 'Movie', 2021],
  ['Movie (2021)/Movie (2021) - [Directors Cut].mkv', 'Directors Cut', 'Movie', 2021],
  ['Movie (2021)/Movie (2021) - [1080p].mkv', '1080p', 'Movie', 2021],
  ['Movie (2021)/Movie (2021)-4K HDR.mkv', '4K HDR', 'Movie', 2021],
  ['Movie (2021)/Movie (2021)_720p.mkv', '720p', 'Movie', 2021],
  ['Movie (2021)/movie (2021) - 2160p.mkv', '2160p', 'Movie', 2021],
  ['Movie (2021) [tmdbid-1]/Movie (2021) [tmdbid-1] - 2160p.mkv', '2160p', 'Movie', 2021],
  ['Movie (2021)/Movie (2021) - 3D.mkv', '3D', 'Movie', 2021],
  ['The Matrix (1999)/The Matrix (1999) - Remastered 1080p.mkv', 'Remastered 1080p', 'The Matrix', 1999],
  ['Movie (2021)/Movie (2021).mkv', undefined, 'Movie', 2021],
  ['Movie (2021)/Movie (2021) 2160p.mkv', undefined, 'Movie', 2021],
  ['Movie (2021)/Movie (2021) - cd1.mkv', undefined, 'Movie', 2021],
  ['Movie (2021)/Movie 2021 - 2160p.mkv', undefined, 'Movie', 2021],
  ['Movie (2021)/Movie (2021) - .mkv', undefined, 'Movie', 2021],
  ['Movie (2021) - 2160p.mkv', undefined, 'Movie', 2021],
];

describe('parseMovie Jellyfin version labels', () => {
  test.each(versionCases)('%s → label %p', (path, label, title, year) => {
    const movie = parseMovie(path);
    expect([movie.versionLabel, movie.title, movie.year]).toEqual([label, title, year]);
  });
});

type PartCase = [path: string, part: number | undefined, title: string];

const partCases: PartCase[] = [
  ['Kill Bill (2003)/Kill Bill (2003) - cd1.avi', 1, 'Kill Bill'],
  ['Kill Bill (2003)/Kill Bill (2003) - cd2.avi', 2, 'Kill Bill'],
  ['Movie-cd1.avi', 1, 'Movie'],
  ['Movie.cd2.avi', 2, 'Movie'],
  ['Movie_cd3.avi', 3, 'Movie'],
  ['Movie cd 4.avi', 4, 'Movie'],
  ['Movie - part2.mkv', 2, 'Movie'],
  ['Movie - Part 2.mkv', 2, 'Movie'],
  ['Movie.part.1.mkv', 1, 'Movie'],
  ['Movie (2008) - pt1.mp4', 1, 'Movie'],
  ['Movie (2008) - pt.2.mp4', 2, 'Movie'],
  ['Movie (2008) - disc 1.mkv', 1, 'Movie'],
  ['Movie (2008) - disc1.mkv', 1, 'Movie'],
  ['Movie (2008) - disk2.mkv', 2, 'Movie'],
  ['Movie (2008) - dvd2.mkv', 2, 'Movie'],
  ['Movie (2008) - DVD1.vob', 1, 'Movie'],
  ['Movie (2008)-cd10.avi', 10, 'Movie'],
  ['Movie (2008) [cd1].avi', 1, 'Movie'],
  ['Movie (2008) (disc 2).avi', 2, 'Movie'],
  ['Movie (2008)(part3).avi', 3, 'Movie'],
  ['Movie (2008) - parta.avi', 1, 'Movie'],
  ['Movie (2008) - part b.avi', 2, 'Movie'],
  ['Movie (2008) - cdc.avi', 3, 'Movie'],
  ['Movie (2008) - cd d.avi', 4, 'Movie'],
  ['Movie (2008)/cd1.avi', 1, 'Movie'],
  ['Movie (2008)/part2.mkv', 2, 'Movie'],
  ['Movie (2008) - cde.avi', undefined, 'Movie'],
  ['Movie (2008) - cd.avi', undefined, 'Movie'],
  [
    'Harry Potter and the Deathly Hallows Part 2 (2011).mkv',
    undefined,
    'Harry Potter and the Deathly Hallows Part 2',
  ],
  ['Partisan (2015).mkv', undefined, 'Partisan'],
  ['Discord (2020).mkv', undefined, 'Discord'],
  ['Movie (2008) - Director’s cd.mkv', undefined, 'Movie'],
];

describe('parseMovie multi-part stacks', () => {
  test.each(partCases)('%s → part %p', (path, part, title) => {
    const movie = parseMovie(path);
    expect([movie.part, movie.title]).toEqual([part, title]);
  });
});

type ThreeDCase = [path: string, threeD: ParsedMovie['threeD'], title: string];

const threeDCases: ThreeDCase[] = [
  ['Avatar (2009) 3D HSBS.mkv', 'hsbs', 'Avatar'],
  ['Avatar (2009).3D.FSBS.mkv', 'fsbs', 'Avatar'],
  ['Avatar (2009) [3D] [HTAB].mkv', 'htab', 'Avatar'],
  ['Avatar (2009) 3D FTAB.mkv', 'ftab', 'Avatar'],
  ['Avatar (2009) 3D MVC.mkv', 'mvc', 'Avatar'],
  ['Avatar (2009) 3D.mkv', '3d', 'Avatar'],
  ['Avatar (2009) - 3D.mkv', '3d', 'Avatar'],
  ['Avatar.2009.3D.1080p.BluRay.Half-SBS.x264.mkv', 'hsbs', 'Avatar'],
  ['Avatar.2009.3D.1080p.BluRay.Full-SBS.x264.mkv', 'fsbs', 'Avatar'],
  ['Avatar.2009.3D.1080p.BluRay.Half-OU.x264.mkv', 'htab', 'Avatar'],
  ['Avatar.2009.3D.1080p.BluRay.H-SBS.x264.mkv', 'hsbs', 'Avatar'],
  ['Avatar.2009.3D.SBS.1080p.mkv', 'hsbs', 'Avatar'],
  ['Avatar.2009.3D.TAB.1080p.mkv', 'htab', 'Avatar'],
  ['Avatar.3D.HSBS.mkv', 'hsbs', 'Avatar'],
  ['Avatar 3D HSBS.mkv', 'hsbs', 'Avatar'],
  ['Avatar (2009)/Avatar (2009) - 3D HSBS.mkv', 'hsbs', 'Avatar'],
  ['Step Up 3D (2010).mkv', undefined, 'Step Up 3D'],
  ['Avatar (2009) 1080p.mkv', undefined, 'Avatar'],
  ['Tab Hunter Confidential (2015).mkv', undefined, 'Tab Hunter Confidential'],
];

describe('parseMovie 3D formats', () => {
  test.each(threeDCases)('%s → %p', (path, threeD, title) => {
    const movie = parseMovie(path);
    expect([movie.threeD, movie.title]).toEqual([threeD, title]);
  });
});

type StubCase = [path: string, stub: boolean | undefined, title: string];

const stubCases: StubCase[] = [
  ['Heat (1995)/Heat (1995).disc', true, 'Heat'],
  ['Heat (1995).dvd.disc', true, 'Heat'],
  ['Heat (1995).bluray.disc', true, 'Heat'],
  ['Heat (1995)/Heat.disc', true, 'Heat'],
  ['Heat (1995).mkv', undefined, 'Heat'],
  ['Heat (1995).discography.mkv', undefined, 'Heat'],
];

describe('parseMovie .disc stubs', () => {
  test.each(stubCases)('%s → stub %p', (path, stub, title) => {
    const movie = parseMovie(path);
    expect([movie.stub, movie.title]).toEqual([stub, title]);
  });
});

// Only whole tokens count: `ou` inside `GROUP` is no layout.
const threeDTokens: [text: string, threeD: ParsedMovie['threeD']][] = [
  ['GROUP', undefined],
  ['Movie.OU', undefined],
  ['Half.OU', 'htab'],
  ['x264-GROUP.3D', '3d'],
  ['Full-SBS', 'fsbs'],
  ['sbs3d', 'hsbs'],
  ['TAB', undefined],
];

describe('threeDFormatOf tokens', () => {
  test.each(threeDTokens)('%p → %p', (text, threeD) => expect(threeDFormatOf(text)).toBe(threeD));
});

// A stack name ends in its number or letter a–d, perhaps closed by one bracket.
const stackEnds: [name: string, part: number | undefined, title: string][] = [
  ['Movie (Part 2).mkv', 2, 'Movie'],
  ['Movie [cd1].mkv', 1, 'Movie'],
  ['Movie part b.mkv', 2, 'Movie'],
  ['Movie pt E.mkv', undefined, 'Movie pt E'],
  ['Movie cd1)).mkv', undefined, 'Movie cd1))'],
  ['Movie.Part.3.1955.mkv', undefined, 'Movie Part 3'],
  ['Movie - Part 1 (2011).mkv', undefined, 'Movie - Part 1'],
];

describe('parseMovie stack endings', () => {
  test.each(stackEnds)('%p → part %p', (name, part, title) => {
    const movie = parseMovie(name);
    expect([movie.part, movie.title]).toEqual([part, title]);
  });
});
