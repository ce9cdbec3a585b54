// Behaviour of parseMovieNfo on NFOs as Kodi, Jellyfin, tinyMediaManager and Ember Media Manager write them.

import { describe, expect, test } from 'bun:test';
import { parseMovieNfo } from './movie.ts';
import type { MovieNfo } from './types.ts';

const fixture = (name: string) => Bun.file(`${import.meta.dir}/fixtures/${name}`).text();

function movieOf(xml: string): MovieNfo {
  const result = parseMovieNfo(xml);
  if (!result.ok) throw new Error(`expected ok, got ${result.code}: ${result.error}`);
  return result.value;
}

describe('parseMovieNfo on writer samples', () => {
  test('reads every field of a Kodi v20 export', async () => {
    const result = parseMovieNfo(await fixture('kodi-v20-movie.nfo'));
    expect(result).toEqual({
      ok: true,
      warnings: [],
      value: {
        ids: { imdb: 'tt0133093', tmdb: '603' },
        defaultIdType: 'tmdb',
        title: 'The Matrix',
        originalTitle: 'The Matrix',
        sortTitle: 'Matrix 1',
        year: 1999,
        premiered: '1999-03-30',
        plot: expect.stringContaining('Set in the 22nd century'),
        tagline: 'Welcome to the Real World.',
        runtimeMinutes: 136,
        ratings: [
          { source: 'imdb', value: 8.7, max: 10, votes: 1987654, isDefault: true },
          { source: 'themoviedb', value: 8.2, max: 10, votes: 24000, isDefault: false },
        ],
        userRating: 9,
        contentRating: { rating: 'R', raw: 'Rated R' },
        genres: ['Action', 'Science Fiction'],
        studios: ['Village Roadshow Pictures', 'Groucho II Film Partnership'],
        tags: ['artificial intelligence', 'dystopia'],
        countries: ['United States of America'],
        set: { name: 'The Matrix Collection', overview: 'The Matrix trilogy and its sequel.' },
        actors: [
          {
            name: 'Keanu Reeves',
            role: 'Neo',
            order: 0,
            thumb: 'https://image.tmdb.org/t/p/original/keanu.jpg',
          },
          { name: 'Laurence Fishburne', role: 'Morpheus', order: 1 },
          {
            name: 'Carrie-Anne Moss',
            role: 'Trinity',
            order: 2,
            thumb: 'https://image.tmdb.org/t/p/original/carrie.jpg',
          },
        ],
        directors: ['Lilly Wachowski', 'Lana Wachowski'],
        writers: ['Lilly Wachowski', 'Lana Wachowski'],
        locked: false,
        trailer: 'https://www.youtube.com/watch?v=vKQi3bBA1y8',
        artwork: [
          { aspect: 'poster', url: 'https://image.tmdb.org/t/p/original/poster-matrix.jpg' },
          {
            aspect: 'clearlogo',
            url: 'https://assets.fanart.tv/fanart/movies/603/hdmovielogo/the-matrix.png',
          },
          { aspect: 'fanart', url: 'https://image.tmdb.org/t/p/original/backdrop-matrix.jpg' },
        ],
        fileInfo: {
          video: [
            {
              codec: 'hevc',
              aspect: 2.4,
              width: 3840,
              height: 1600,
              durationSeconds: 8180,
              hdrType: 'hdr10',
            },
          ],
          audio: [
            { codec: 'truehd', language: 'eng', channels: 8 },
            { codec: 'ac3', language: 'ger', channels: 6 },
          ],
          subtitles: [{ language: 'eng' }],
        },
      },
    });
  });

  test.each([
    [
      'jellyfin-movie.nfo',
      {
        ids: { imdb: 'tt0111161', tmdb: '278' },
        plot: 'Ellis Redding, an institutional man, befriends Andy Dufresne — a banker serving life for murder — & the two bond over <twenty> years.',
        locked: true,
        ratings: [{ value: 8.7, max: 10, isDefault: true }],
        contentRating: { rating: 'R', raw: 'R' },
        writers: ['Stephen King', 'Frank Darabont'],
        actors: [
          {
            name: 'Tim Robbins',
            order: 0,
            type: 'Actor',
            thumb: '/config/metadata/People/T/Tim Robbins/folder.jpg',
          },
          { name: 'Morgan Freeman', order: 1, type: 'Actor' },
        ],
        artwork: [
          { aspect: 'poster', url: '/media/movies/The Shawshank Redemption (1994)/poster.jpg' },
          { aspect: 'fanart', url: '/media/movies/The Shawshank Redemption (1994)/fanart.jpg' },
        ],
        fileInfo: {
          video: [{ codec: 'h264', aspect: 1.85, width: 1920, height: 1040, durationSeconds: 8520 }],
        },
      },
    ],
    [
      'tmm-movie.nfo',
      {
        ids: { imdb: 'tt0211915', tmdb: '194', wikidata: 'Q484048' },
        title: 'Amélie',
        contentRating: { rating: 'R', country: 'US', raw: 'R' },
        ratings: [
          { source: 'imdb', value: 8.3, max: 10, votes: 788512, isDefault: false },
          { source: 'themoviedb', value: 7.9, max: 10, votes: 11234, isDefault: true },
          { source: 'metacritic', value: 69, max: 100, votes: 0, isDefault: false },
        ],
        set: { name: 'Jean-Pierre Jeunet Films' },
        actors: [
          { name: 'Audrey Tautou', role: 'Amélie Poulain', order: 0 },
          { name: 'Mathieu Kassovitz', role: 'Nino Quincampoix', order: 1 },
        ],
        fileInfo: { audio: [{ codec: 'ac3', language: 'fre', channels: 6 }] },
      },
    ],
    [
      'ember-movie.nfo',
      {
        ids: { imdb: 'tt0088763', tmdb: '105' },
        premiered: '1985-07-03',
        ratings: [{ value: 8.5, max: 10, votes: 1234567, isDefault: true }],
        contentRating: { rating: 'PG', raw: 'Rated PG for some sensuality and language' },
        genres: ['Adventure', 'Comedy', 'Science Fiction'],
        studios: ['Universal Pictures', 'Amblin Entertainment'],
        writers: ['Robert Zemeckis', 'Bob Gale'],
        set: { name: 'Back to the Future Collection' },
        artwork: [
          { aspect: 'poster', url: 'http://image.tmdb.org/t/p/original/bttf-poster.jpg' },
          { aspect: 'fanart', url: 'http://image.tmdb.org/t/p/original/bttf-backdrop.jpg' },
        ],
      },
    ],
  ])('reads %s', async (name, expected) => {
    const result = parseMovieNfo(await fixture(name));
    expect(result).toMatchObject({ ok: true, warnings: [], value: expected });
  });

  test('leaves fields absent when the sample has empty tags (tinyMediaManager <sorttitle/>, <trailer/>)', async () => {
    const movie = movieOf(await fixture('tmm-movie.nfo'));
    expect(movie).not.toHaveProperty('sortTitle');
    expect(movie).not.toHaveProperty('trailer');
    expect(movie).not.toHaveProperty('userRating');
    expect(movie.actors[1]).not.toHaveProperty('thumb');
  });
});
