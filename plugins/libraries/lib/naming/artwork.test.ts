// Table tests for classifyArtwork: standalone names per context, numbered backdrops, video-name
// suffixes and season art.
import { describe, expect, test } from 'bun:test';
import { type ArtworkContext, type ArtworkInfo, classifyArtwork } from './artwork';

type ArtCase = [fileName: string, context: ArtworkContext, expected: ArtworkInfo | null];

const standalone: ArtCase[] = [
  ['poster.jpg', 'movie', { kind: 'poster' }],
  ['folder.jpg', 'movie', { kind: 'poster' }],
  ['cover.png', 'movie', { kind: 'poster' }],
  ['default.jpg', 'movie', { kind: 'poster' }],
  ['movie.jpg', 'movie', { kind: 'poster' }],
  ['show.jpg', 'show', { kind: 'poster' }],
  ['Poster.JPG', 'movie', { kind: 'poster' }],
  ['poster.webp', 'season', { kind: 'poster' }],
  ['fanart.jpg', 'movie', { kind: 'backdrop' }],
  ['backdrop.jpg', 'show', { kind: 'backdrop' }],
  ['background.jpg', 'movie', { kind: 'backdrop' }],
  ['art.jpg', 'movie', { kind: 'backdrop' }],
  ['logo.png', 'movie', { kind: 'logo' }],
  ['clearlogo.png', 'show', { kind: 'logo' }],
  ['banner.jpg', 'show', { kind: 'banner' }],
  ['banner.jpg', 'season', { kind: 'banner' }],
  ['thumb.jpg', 'movie', { kind: 'thumb' }],
  ['landscape.jpg', 'show', { kind: 'thumb' }],
  ['disc.png', 'movie', { kind: 'disc' }],
  ['discart.png', 'movie', { kind: 'disc' }],
  ['cdart.png', 'movie', { kind: 'disc' }],
  ['clearart.png', 'movie', { kind: 'clearart' }],
  ['backdrop1.jpg', 'movie', { kind: 'backdrop', index: 1 }],
  ['backdrop-2.jpg', 'movie', { kind: 'backdrop', index: 2 }],
  ['fanart1.jpg', 'show', { kind: 'backdrop', index: 1 }],
  ['fanart-12.jpg', 'show', { kind: 'backdrop', index: 12 }],
  ['background3.png', 'movie', { kind: 'backdrop', index: 3 }],
  ['extrafanart/fanart7.jpg', 'movie', { kind: 'backdrop' }],
  ['Movie (2020)/poster.jpg', 'movie', { kind: 'poster' }],
  ['show.jpg', 'movie', null],
  ['movie.jpg', 'show', null],
  ['poster1.jpg', 'movie', null],
  ['logo-2.png', 'movie', null],
  ['screenshot.jpg', 'movie', null],
  ['poster.nfo', 'movie', null],
  ['poster.mkv', 'movie', null],
  ['poster.jpg', 'episode', null],
  ['fanart.jpg', 'episode', null],
];

describe('classifyArtwork standalone names', () => {
  test.each(standalone)('%s in %s → %o', (fileName, context, expected) => {
    expect(classifyArtwork(fileName, context)).toEqual(expected);
  });
});

type VideoCase = [fileName: string, context: ArtworkContext, video: string, expected: ArtworkInfo | null];

const videoNamed: VideoCase[] = [
  ['Movie (2035)-poster.jpg', 'movie', 'Movie (2035)', { kind: 'poster' }],
  ['Movie (2035)-fanart.jpg', 'movie', 'Movie (2035)', { kind: 'backdrop' }],
  ['Movie (2035)-fanart1.jpg', 'movie', 'Movie (2035)', { kind: 'backdrop', index: 1 }],
  ['Movie (2035)-clearlogo.png', 'movie', 'Movie (2035).mkv', { kind: 'logo' }],
  ['movie (2035)-POSTER.JPG', 'movie', 'Movie (2035)', { kind: 'poster' }],
  ['Movie (2035).jpg', 'movie', 'Movie (2035)', { kind: 'poster' }],
  ['Movie (2035)-landscape.jpg', 'movie', 'Movie (2035)', { kind: 'thumb' }],
  ['Show S01E02-thumb.jpg', 'episode', 'Show S01E02', { kind: 'thumb' }],
  ['Show S01E02-thumb.jpg', 'episode', 'Show S01E02.mkv', { kind: 'thumb' }],
  ['Show S01E02.jpg', 'episode', 'Show S01E02', { kind: 'thumb' }],
  ['Show S01E02.tbn', 'episode', 'Show S01E02', { kind: 'thumb' }],
  ['Show S01E02-poster.jpg', 'episode', 'Show S01E02', { kind: 'poster' }],
  ['Show S01E03-thumb.jpg', 'episode', 'Show S01E02', null],
  ['Show S01E02-screenshot.jpg', 'episode', 'Show S01E02', null],
  ['Other (2035)-poster.jpg', 'movie', 'Movie (2035)', null],
  ['Movie (2035)-poster.jpg', 'movie', 'Movie', null],
  ['poster.jpg', 'movie', 'Movie (2035)', { kind: 'poster' }],
];

describe('classifyArtwork names built on the video file name', () => {
  test.each(videoNamed)('%s in %s (video %s) → %o', (fileName, context, video, expected) => {
    expect(classifyArtwork(fileName, context, video)).toEqual(expected);
  });
});

const seasonArt: ArtCase[] = [
  ['season01-poster.jpg', 'show', { kind: 'poster', season: 1 }],
  ['season1-poster.jpg', 'show', { kind: 'poster', season: 1 }],
  ['Season02-Poster.jpg', 'show', { kind: 'poster', season: 2 }],
  ['season10-fanart.jpg', 'show', { kind: 'backdrop', season: 10 }],
  ['season01-banner.jpg', 'show', { kind: 'banner', season: 1 }],
  ['season01-landscape.jpg', 'show', { kind: 'thumb', season: 1 }],
  ['season00-poster.jpg', 'show', { kind: 'poster', season: 0 }],
  ['season-specials-poster.jpg', 'show', { kind: 'poster', season: 0 }],
  ['season-specials-banner.jpg', 'show', { kind: 'banner', season: 0 }],
  ['season-all-poster.jpg', 'show', { kind: 'poster', allSeasons: true }],
  ['season-all-fanart.jpg', 'show', { kind: 'backdrop', allSeasons: true }],
  ['season01.tbn', 'show', { kind: 'poster', season: 1 }],
  ['season03.jpg', 'show', { kind: 'poster', season: 3 }],
  ['season02-poster.jpg', 'season', { kind: 'poster', season: 2 }],
  ['season01-poster.jpg', 'movie', null],
  ['season01-screenshot.jpg', 'show', null],
  ['season-extras-poster.jpg', 'show', null],
  ['season01-poster.jpg', 'episode', null],
];

describe('classifyArtwork season art', () => {
  test.each(seasonArt)('%s in %s → %o', (fileName, context, expected) => {
    expect(classifyArtwork(fileName, context)).toEqual(expected);
  });
});
