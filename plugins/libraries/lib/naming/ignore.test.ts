// Table tests for shouldSkip (Jellyfin's ignore list, incomplete downloads, samples) and file-type predicates.
import { describe, expect, test } from 'bun:test';
import { fileKindOf } from './file-types';
import {
  isAudioFile,
  isImageFile,
  isNfoFile,
  isStubFile,
  isSubtitleFile,
  isVideoFile,
  shouldSkip,
} from './ignore';

type SkipCase = [path: string, isDirectory: boolean, skipped: boolean];

const skipCases: SkipCase[] = [
  ['.DS_Store', false, true],
  ['Movie (2020)/._Movie (2020).mkv', false, true],
  ['.hidden', true, true],
  ['Movie (2020)/.actors', true, true],
  ['Movie (2020)/.actors/Keanu_Reeves.jpg', false, true],
  ['Movie (2020)/.trickplay', true, true],
  ['Movie (2020)/Movie (2020).trickplay', true, true],
  ['Movie (2020)/Movie (2020).trickplay/320 - 10x10/0.jpg', false, true],
  ['@eaDir', true, true],
  ['Movie (2020)/@eaDir/Movie (2020).mkv@SynoEAStream', false, true],
  ['eaDir', true, true],
  ['#recycle', true, true],
  ['#recycle/Old Movie (1990).mkv', false, true],
  ['#snapshot', true, true],
  ['@Recycle', true, true],
  ['@Recently-Snapshot', true, true],
  ['.@__thumb', true, true],
  ['Movie (2020)/.@__thumb/default.jpg', false, true],
  ['$RECYCLE.BIN', true, true],
  ['$Recycle.Bin/S-1-5-21/file.mkv', false, true],
  ['System Volume Information', true, true],
  ['lost+found', true, true],
  ['lost+found/#12345', false, true],
  ['Movie (2020)/extrafanart', true, true],
  ['Movie (2020)/extrafanart/fanart1.jpg', false, true],
  ['Movie (2020)/extrathumbs/thumb1.jpg', false, true],
  ['Movie (2020)/metadata', true, true],
  ['Show/metadata/episode.jpg', false, true],
  ['Movie (2020)/Sample', true, true],
  ['Movie (2020)/Sample/movie-sample.mkv', false, true],
  ['.zfs/snapshot', true, true],
  ['.grab', true, true],
  ['Thumbs.db', false, true],
  ['Movie (2020)/desktop.ini', false, true],
  ['Music/Album/small.jpg', false, true],
  ['Movie (2020)/Movie (2020).mkv.part', false, true],
  ['Movie (2020)/Movie (2020).mkv.partial', false, true],
  ['Movie (2020)/Movie (2020).mkv.!qB', false, true],
  ['Movie (2020)/Movie (2020).mkv.!ut', false, true],
  ['Movie (2020)/Movie (2020).mkv.crdownload', false, true],
  ['Movie (2020)/Movie (2020).mkv.aria2', false, true],
  ['Movie (2020)/sample.mkv', false, true],
  ['Movie (2020)/SAMPLE.MKV', false, true],
  ['Movie (2020)/Movie (2020).sample.mkv', false, true],
  ['Movie (2020)/Movie (2020)-sample.mkv', false, true],
  ['Movie (2020)/Movie (2020)_sample.mkv', false, true],
  ['Movie (2020)/Movie (2020) sample.mkv', false, true],
  ['Movie (2020)/sample-grp-movie.2020.1080p.mkv', false, true],
  ['Movie (2020)', true, false],
  ['Movie (2020)/Movie (2020).mkv', false, false],
  ['Movie (2020)/Movie (2020).nfo', false, false],
  ['Movie (2020)/poster.jpg', false, false],
  ['Movie (2020)/Featurettes', true, false],
  ['Movie (2020)/samples', true, false],
  ['Sampler (2020)/Sampler (2020).mkv', false, false],
  ['The Sample Collector (2019)/The Sample Collector (2019).mkv', false, false],
  ['Sample People (2000)/Sample People (2000).mkv', false, false],
  ['Sample This (2012).mkv', false, false],
  ['Sample.This.2012.1080p.BluRay.x264-GRP.mkv', false, false],
  ['Sample_Movie_2001.mkv', false, false],
  ['Movie (2020)/Movie (2020).samples.mkv', false, false],
  ['Mr. Robot/Season 1/Mr. Robot S01E01.mkv', false, false],
  ['Metadata Mysteries (2021)/Metadata Mysteries (2021).mkv', false, false],
  ['Show/Season 1', true, false],
  ['Movie (2020)/Movie (2020).partition.mkv', false, false],
  ['Movie (2020)/Movie (2020) - Part 1.mkv', false, false],
];

describe('shouldSkip', () => {
  test.each(skipCases)('%s (directory %p) → %p', (path, isDirectory, skipped) => {
    expect(shouldSkip(path, isDirectory)).toBe(skipped);
  });

  test('treats the last segment as a folder only when told', () => {
    expect(shouldSkip('Movie (2020)/metadata', false)).toBe(false);
  });
});

type TypeCase = [
  name: string,
  video: boolean,
  audio: boolean,
  subtitle: boolean,
  nfo: boolean,
  image: boolean,
];

const typeCases: TypeCase[] = [
  ['Movie.mkv', true, false, false, false, false],
  ['Movie.MP4', true, false, false, false, false],
  ['movie.m4v', true, false, false, false, false],
  ['movie.avi', true, false, false, false, false],
  ['movie.mov', true, false, false, false, false],
  ['movie.wmv', true, false, false, false, false],
  ['movie.ts', true, false, false, false, false],
  ['movie.m2ts', true, false, false, false, false],
  ['movie.webm', true, false, false, false, false],
  ['movie.mpg', true, false, false, false, false],
  ['movie.mpeg', true, false, false, false, false],
  ['movie.flv', true, false, false, false, false],
  ['movie.ogv', true, false, false, false, false],
  ['movie.iso', true, false, false, false, false],
  ['movie.3gp', true, false, false, false, false],
  ['VTS_01_1.VOB', true, false, false, false, false],
  ['movie.disc', true, false, false, false, false],
  ['theme.mp3', false, true, false, false, false],
  ['theme.flac', false, true, false, false, false],
  ['Movie.en.mka', false, true, false, false, false],
  ['Movie.en.srt', false, false, true, false, false],
  ['Movie.ass', false, false, true, false, false],
  ['Movie.ssa', false, false, true, false, false],
  ['Movie.vtt', false, false, true, false, false],
  ['Movie.sup', false, false, true, false, false],
  ['Movie.sub', false, false, true, false, false],
  ['Movie.smi', false, false, true, false, false],
  ['Movie.sami', false, false, true, false, false],
  ['Movie.mks', false, false, true, false, false],
  ['movie.nfo', false, false, false, true, false],
  ['tvshow.NFO', false, false, false, true, false],
  ['poster.jpg', false, false, false, false, true],
  ['fanart.jpeg', false, false, false, false, true],
  ['logo.png', false, false, false, false, true],
  ['folder.webp', false, false, false, false, true],
  ['season01.tbn', false, false, false, false, true],
  ['Movie.idx', false, false, false, false, false],
  ['Movie.txt', false, false, false, false, false],
  ['Movie.mkv.part', false, false, false, false, false],
  ['mkv', false, false, false, false, false],
  ['.mkv', false, false, false, false, false],
  ['Mr. Robot', false, false, false, false, false],
];

describe('file-type predicates', () => {
  test.each(typeCases)(
    '%s → video %p audio %p subtitle %p nfo %p image %p',
    (name, video, audio, subtitle, nfo, image) => {
      const actual = [
        isVideoFile(name),
        isAudioFile(name),
        isSubtitleFile(name),
        isNfoFile(name),
        isImageFile(name),
      ];
      expect(actual).toEqual([video, audio, subtitle, nfo, image]);
    },
  );

  test.each([
    ['Movie.disc', true],
    ['Movie.mkv', false],
  ] as const)('isStubFile(%s) → %p', (name, stub) => {
    expect(isStubFile(name)).toBe(stub);
  });

  // One reading of the extension gives the kind each predicate names (at most one of them holds).
  test.each(typeCases)(
    'fileKindOf(%s) agrees with the predicates',
    (name, video, audio, subtitle, nfo, image) => {
      const kinds = [
        video && 'video',
        audio && 'audio',
        subtitle && 'subtitle',
        nfo && 'nfo',
        image && 'image',
      ];
      expect(kinds.filter(Boolean)).toEqual(fileKindOf(name) === 'other' ? [] : [fileKindOf(name)]);
    },
  );
});
