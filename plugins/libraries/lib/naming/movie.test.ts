// Table tests for parseMovie: titles and years from clean, Plex/Jellyfin-style and scene-release names.
import { describe, expect, test } from 'bun:test';
import { parseMovie } from './movie';

type TitleCase = [path: string, title: string, year: number | undefined];

const cleanNames: TitleCase[] = [
  ['The Matrix (1999)/The Matrix (1999).mkv', 'The Matrix', 1999],
  ['The Matrix (1999).mkv', 'The Matrix', 1999],
  ['Inception (2010)/Inception (2010).mp4', 'Inception', 2010],
  ['Alien (1979)/Alien (1979).m4v', 'Alien', 1979],
  ['Amélie (2001)/Amélie (2001).mkv', 'Amélie', 2001],
  ['Léon The Professional (1994).avi', 'Léon The Professional', 1994],
  ['Spider-Man - No Way Home (2021)/Spider-Man - No Way Home (2021).mkv', 'Spider-Man - No Way Home', 2021],
  ["Ocean's Eleven (2001).mkv", "Ocean's Eleven", 2001],
  ['Mr. & Mrs. Smith (2005).mkv', 'Mr. & Mrs. Smith', 2005],
  ['The Office (US) Special (2008).mkv', 'The Office (US) Special', 2008],
  ['WALL-E (2008).mkv', 'WALL-E', 2008],
  ['Se7en (1995).mkv', 'Se7en', 1995],
  ['Up (2009).mkv', 'Up', 2009],
  ['Heat.mkv', 'Heat', undefined],
  ['Movies/Heat.avi', 'Heat', undefined],
  ['Metropolis (1927).mkv', 'Metropolis', 1927],
  ['The Matrix [1999].mkv', 'The Matrix', 1999],
  ['The Matrix 1999.mkv', 'The Matrix', 1999],
  ['The Matrix - 1999.mkv', 'The Matrix', 1999],
  ['The Matrix(1999).mkv', 'The Matrix', 1999],
  ['Big_Buck_Bunny_2008.mp4', 'Big Buck Bunny', 2008],
  ['Star Wars Episode IV - A New Hope (1977).mkv', 'Star Wars Episode IV - A New Hope', 1977],
  [
    'Harry Potter and the Deathly Hallows Part 2 (2011).mkv',
    'Harry Potter and the Deathly Hallows Part 2',
    2011,
  ],
  ['Dune Part Two (2024).mkv', 'Dune Part Two', 2024],
  ['Kill Bill Vol. 1 (2003).mkv', 'Kill Bill Vol. 1', 2003],
];

const numericTitles: TitleCase[] = [
  ['2001 A Space Odyssey (1968)/2001 A Space Odyssey (1968).mkv', '2001 A Space Odyssey', 1968],
  ['2001.A.Space.Odyssey.1968.1080p.BluRay.x264.mkv', '2001 A Space Odyssey', 1968],
  ['1917 (2019).mkv', '1917', 2019],
  ['1917.2019.2160p.UHD.BluRay.x265-TERMiNAL.mkv', '1917', 2019],
  ['Blade Runner 2049 (2017).mkv', 'Blade Runner 2049', 2017],
  ['Blade.Runner.2049.2017.1080p.BluRay.x264-SPARKS.mkv', 'Blade Runner 2049', 2017],
  ['2012 (2009).mkv', '2012', 2009],
  ['2012.2009.720p.BluRay.x264.mkv', '2012', 2009],
  ['1984 (1984).mkv', '1984', 1984],
  ['Fahrenheit 451 (1966).mkv', 'Fahrenheit 451', 1966],
  ['300 (2006).mkv', '300', 2006],
  ['21 Jump Street (2012).mkv', '21 Jump Street', 2012],
  ['10 Cloverfield Lane (2016).mkv', '10 Cloverfield Lane', 2016],
  ['2 Fast 2 Furious (2003).mkv', '2 Fast 2 Furious', 2003],
  ['2.Fast.2.Furious.2003.1080p.BluRay.x264.mkv', '2 Fast 2 Furious', 2003],
  ['Apollo 13 (1995).mkv', 'Apollo 13', 1995],
  ['1917.mkv', '1917', undefined],
  ['2046 (2004).mkv', '2046', 2004],
  ['Sicario 2 Soldado 2018 1080p WEB-DL.mkv', 'Sicario 2 Soldado', 2018],
];

const sceneNames: TitleCase[] = [
  ['The.Matrix.1999.1080p.BluRay.x264-GROUP.mkv', 'The Matrix', 1999],
  ['Inception.2010.720p.BRRip.x264.AAC-ETRG.mp4', 'Inception', 2010],
  ['Oppenheimer.2023.2160p.WEB-DL.DDP5.1.Atmos.DV.HDR.H.265-FLUX.mkv', 'Oppenheimer', 2023],
  ['Dune.Part.Two.2024.2160p.UHD.BluRay.REMUX.DV.HDR.HEVC.TrueHD.7.1.Atmos-FGT.mkv', 'Dune Part Two', 2024],
  ['The.Batman.2022.1080p.AMZN.WEB-DL.DDP5.1.H.264-NOGRP.mkv', 'The Batman', 2022],
  ['Parasite.2019.KOREAN.1080p.BluRay.x264.DTS-FGT.mkv', 'Parasite', 2019],
  ['Joker.2019.HDR.2160p.WEB.H265-DEFLATE.mkv', 'Joker', 2019],
  ['Interstellar.2014.IMAX.1080p.BluRay.x264-SPARKS.mkv', 'Interstellar', 2014],
  ['Heat.1995.REMASTERED.1080p.BluRay.x264-AMIABLE.mkv', 'Heat', 1995],
  ['Aliens.1986.Special.Edition.1080p.BluRay.x264.mkv', 'Aliens', 1986],
  ['The.Thing.1982.PROPER.1080p.BluRay.x264-CiNEFiLE.mkv', 'The Thing', 1982],
  ['Gladiator.2000.EXTENDED.REMASTERED.1080p.BluRay.x264.mkv', 'Gladiator', 2000],
  ['Tenet.2020.4K.HDR.2160p.mkv', 'Tenet', 2020],
  ['Arrival.2016.1080p.WEBRip.x265.10bit.mkv', 'Arrival', 2016],
  ['Mad.Max.Fury.Road.2015.1080p.BluRay.DTS-HD.MA.7.1.x264.mkv', 'Mad Max Fury Road', 2015],
  ['Moonlight.2016.HDTV.XviD-AFG.avi', 'Moonlight', 2016],
  ['Amelie.2001.DVDRip.XviD.avi', 'Amelie', 2001],
  ['Dunkirk.2017.2160p.BluRay.HEVC.DTS-X.7.1-DDR.mkv', 'Dunkirk', 2017],
  ['Her_2013_720p_BluRay_x264.mkv', 'Her', 2013],
  ['The_Lion_King_1994_1080p.mkv', 'The Lion King', 1994],
  ['Charlottes.Web.2006.1080p.BluRay.x264.mkv', 'Charlottes Web', 2006],
  ['Mr.Hollands.Opus.1995.1080p.WEB-DL.AAC2.0.H.264.mkv', 'Mr Hollands Opus', 1995],
  ['The Matrix 1999 1080p BluRay x264.mkv', 'The Matrix', 1999],
  ['Avatar The Way of Water (2022) 2160p HDR10+ HEVC.mkv', 'Avatar The Way of Water', 2022],
  ['Top Gun Maverick (2022) (2160p BluRay x265 HEVC 10bit HDR AAC 7.1 Tigole).mkv', 'Top Gun Maverick', 2022],
  [
    'Everything Everywhere All at Once (2022) [1080p] [WEBRip] [5.1] [YTS.MX].mp4',
    'Everything Everywhere All at Once',
    2022,
  ],
  ['[YTS.MX] Nope (2022) [1080p].mp4', 'Nope', 2022],
  ['No.Time.to.Die.2021.UHD.BluRay.2160p.TrueHD.Atmos.7.1.HEVC.REMUX-FraMeSToR.mkv', 'No Time to Die', 2021],
  ['Knives.Out.2019.1080p.BluRay.x264-SPARKS', 'Knives Out', 2019],
  ['Heat.1995.720p.mkv', 'Heat', 1995],
  ['Scream.1996.DVD5.mkv', 'Scream', 1996],
  ['Gladiator.EXTENDED.1080p.BluRay.mkv', 'Gladiator', undefined],
  ['Gladiator EXTENDED.mkv', 'Gladiator', undefined],
  ['The.Revenant.UNRATED.mkv', 'The Revenant', undefined],
];

const acronymsAndDots: TitleCase[] = [
  ['E.T.the.Extra-Terrestrial.1982.1080p.BluRay.x264-AMIABLE.mkv', 'E.T. the Extra-Terrestrial', 1982],
  ['S.W.A.T.2003.720p.BluRay.x264.mkv', 'S.W.A.T.', 2003],
  ['L.A.Confidential.1997.1080p.BluRay.mkv', 'L.A. Confidential', 1997],
  ['A.Quiet.Place.2018.1080p.mkv', 'A Quiet Place', 2018],
  ['I.Robot.2004.1080p.BluRay.mkv', 'I Robot', 2004],
  ['E.T. the Extra-Terrestrial (1982).mkv', 'E.T. the Extra-Terrestrial', 1982],
  ['Mr. Robot Special (2016).mkv', 'Mr. Robot Special', 2016],
  ['Dr. Strangelove (1964).mkv', 'Dr. Strangelove', 1964],
];

describe('parseMovie titles and years', () => {
  test.each(cleanNames)('clean name %s → %s (%p)', (path, title, year) => {
    const movie = parseMovie(path);
    expect([movie.title, movie.year]).toEqual([title, year]);
  });

  test.each(numericTitles)('numeric title %s → %s (%p)', (path, title, year) => {
    const movie = parseMovie(path);
    expect([movie.title, movie.year]).toEqual([title, year]);
  });

  test.each(sceneNames)('scene release %s → %s (%p)', (path, title, year) => {
    const movie = parseMovie(path);
    expect([movie.title, movie.year]).toEqual([title, year]);
  });

  test.each(acronymsAndDots)('keeps acronyms in %s → %s (%p)', (path, title, year) => {
    const movie = parseMovie(path);
    expect([movie.title, movie.year]).toEqual([title, year]);
  });
});

const folderChoice: TitleCase[] = [
  ['The Matrix (1999)/movie.mkv', 'The Matrix', 1999],
  ['The Matrix (1999)/video.mp4', 'The Matrix', 1999],
  ['The Matrix (1999)/main.mkv', 'The Matrix', 1999],
  ['The Matrix (1999)/title_t00.mkv', 'The Matrix', 1999],
  ['The Matrix (1999)/cd1.avi', 'The Matrix', 1999],
  ['The Matrix (1999)/The.Matrix.1999.1080p.BluRay.x264-GROUP.mkv', 'The Matrix', 1999],
  ['The Matrix (1999)/the.matrix.mkv', 'The Matrix', 1999],
  ['The Matrix (1999)/the.matrix.1080p-grp.mkv', 'The Matrix', 1999],
  ['Heat/Heat.1995.1080p.BluRay.mkv', 'Heat', 1995],
  ['Heat (1995)/VIDEO_TS/VIDEO_TS.IFO', 'Heat', 1995],
  ['Heat (1995)/VIDEO_TS/VTS_01_1.VOB', 'Heat', 1995],
  ['Heat (1995)/BDMV/STREAM/00001.m2ts', 'Heat', 1995],
  ['Blade Runner 2049 (2017)/Blade.Runner.2049.mkv', 'Blade Runner 2049', 2017],
  [
    'Blade Runner 2049 (2017)/Blade.Runner.2049.2017.2160p.UHD.BluRay.REMUX.HEVC-EPSiLON.mkv',
    'Blade Runner 2049',
    2017,
  ],
  ['The.Matrix.1999.1080p.BluRay.x264-GROUP/The.Matrix.1999.1080p.BluRay.x264-GROUP.mkv', 'The Matrix', 1999],
  ['1917 (2019)/1917.mkv', '1917', 2019],
  ['Christopher Nolan/Inception (2010).mkv', 'Inception', 2010],
  ['Collections/Star Wars/Star Wars (1977).mkv', 'Star Wars', 1977],
  ['Marvel (2008-2019)/Iron Man (2008).mkv', 'Iron Man', 2008],
  ['Favourites 2020/Parasite (2019).mkv', 'Parasite', 2019],
  ['Kids/Up.mkv', 'Up', undefined],
];

describe('parseMovie folder or file name', () => {
  test.each(folderChoice)('%s → %s (%p)', (path, title, year) => {
    const movie = parseMovie(path);
    expect([movie.title, movie.year]).toEqual([title, year]);
  });
});

describe('parseMovie whole results', () => {
  test('omits every field that was not found', () => {
    expect(parseMovie('Heat.mkv')).toEqual({ title: 'Heat', providerIds: {} });
  });

  test('a canonical Jellyfin path yields title, year and ids only', () => {
    expect(parseMovie('The Matrix (1999) [tmdbid-603]/The Matrix (1999) [tmdbid-603].mkv')).toEqual({
      title: 'The Matrix',
      year: 1999,
      providerIds: { tmdb: '603' },
    });
  });

  test('accepts Windows separators', () => {
    expect(parseMovie('Heat (1995)\\movie.mkv')).toEqual({ title: 'Heat', year: 1995, providerIds: {} });
  });

  test('a bare folder name (disc folder) parses like a file name', () => {
    expect(parseMovie('Heat (1995)')).toEqual({ title: 'Heat', year: 1995, providerIds: {} });
  });
});
