// The fixture catalog of the relevance and visibility tests: a few well-known titles with original titles,
// accents, compounds, cast, overviews, content ratings and show episodes.
import type { TitleSpec } from './catalog.ts';

export const MOVIES: TitleSpec[] = [
  {
    title: 'The Matrix',
    year: 1999,
    rating: 'R',
    cast: ['Keanu Reeves', 'Carrie-Anne Moss', 'Laurence Fishburne'],
    overview: 'A computer hacker learns about the true nature of his reality.',
    genres: ['Action', 'Science Fiction'],
  },
  { title: 'The Matrix Reloaded', year: 2003, rating: 'R', cast: ['Keanu Reeves', 'Carrie-Anne Moss'] },
  { title: 'The Matrix Revolutions', year: 2003, rating: 'R', cast: ['Keanu Reeves'] },
  { title: 'Matrimony', year: 2012, rating: 'PG', overview: 'A wedding goes wrong.' },
  {
    title: 'Interstellar',
    year: 2014,
    rating: 'PG-13',
    cast: ['Matthew McConaughey', 'Anne Hathaway'],
    overview: 'Explorers travel through a wormhole in space to save humanity.',
  },
  {
    title: 'Inception',
    year: 2010,
    rating: 'PG-13',
    cast: ['Leonardo DiCaprio'],
    overview: 'A thief steals corporate secrets through dream-sharing technology.',
  },
  {
    title: 'Amélie',
    original: 'Le Fabuleux Destin d’Amélie Poulain',
    year: 2001,
    rating: 'R',
    cast: ['Audrey Tautou'],
    overview: 'A shy waitress decides to change the lives of those around her.',
  },
  {
    title: 'Léon: The Professional',
    original: 'Léon',
    year: 1994,
    rating: 'R',
    cast: ['Jean Reno', 'Natalie Portman'],
  },
  { title: 'Spider-Man', year: 2002, rating: 'PG-13', cast: ['Tobey Maguire'] },
  {
    title: 'John Wick',
    year: 2014,
    rating: 'R',
    cast: ['Keanu Reeves'],
    overview: 'An ex-hitman comes out of retirement.',
  },
  {
    title: 'Toy Story',
    year: 1995,
    rating: 'G',
    cast: ['Tom Hanks'],
    overview: 'A cowboy doll is threatened by a new toy.',
  },
];

export const SHOWS: TitleSpec[] = [
  {
    title: 'Breaking Bad',
    kind: 'show',
    year: 2008,
    rating: 'TV-MA',
    cast: ['Bryan Cranston', 'Aaron Paul'],
    overview: 'A chemistry teacher turns to making methamphetamine.',
    episodes: [
      [1, 1, 'Pilot'],
      [1, 2, 'Cat’s in the Bag…'],
      [5, 14, 'Ozymandias'],
    ],
  },
  {
    title: 'Better Call Saul',
    kind: 'show',
    year: 2015,
    rating: 'TV-MA',
    cast: ['Bob Odenkirk'],
    episodes: [[1, 1, 'Uno']],
  },
  { title: 'Bluey', kind: 'show', year: 2018, rating: 'TV-Y', episodes: [[1, 1, 'Magic Xylophone']] },
];
