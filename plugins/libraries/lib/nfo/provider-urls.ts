// Provider ids from free text: the scraper URLs Kodi allows as (or after) an NFO, e.g.
// `https://www.themoviedb.org/movie/603`, `https://www.imdb.com/title/tt0133093/`, TheTVDB series links.

import type { ProviderIds } from './types.ts';

/** Which kind of item the text describes; decides whether TMDb movie or TV URLs apply. */
export type NfoKind = 'movie' | 'show' | 'episode';

const IMDB = /(?<![A-Za-z0-9])(tt\d{7,8})(?!\d)/;
const TMDB_MOVIE = /themoviedb\.org\/movie\/(\d+)/i;
const TMDB_TV = /themoviedb\.org\/tv\/(\d+)/i;
const TVDB = [
  /thetvdb\.com\/[^\s<>"]*?[?&](?:series)?id=(\d+)/i,
  /thetvdb\.com\/(?:dereferrer\/)?series\/(\d+)(?![\w-])/i,
  /thetvdb\.com\/api\/[^\s/]+\/series\/(\d+)/i,
];

function firstMatch(text: string, patterns: RegExp[]): string | undefined {
  for (const pattern of patterns) {
    const id = pattern.exec(text)?.[1];
    if (id) return id;
  }
  return undefined;
}

/**
 * Finds provider ids in text outside the XML (or a whole URL-only NFO). IMDb ids are found anywhere
 * (as Jellyfin does); TMDb movie URLs count only for movies, TMDb TV and TheTVDB URLs only for shows.
 */
export function findProviderIdsInText(text: string, kind: NfoKind): ProviderIds {
  const ids: ProviderIds = {};
  // The shortest id any pattern finds is an IMDb `tt` and seven digits.
  if (typeof text === 'string' && text.length < 9) return ids;
  const imdb = IMDB.exec(text)?.[1];
  if (imdb) ids.imdb = imdb;
  if (kind === 'movie') {
    const tmdb = TMDB_MOVIE.exec(text)?.[1];
    if (tmdb) ids.tmdb = tmdb;
  }
  if (kind === 'show') {
    const tmdb = TMDB_TV.exec(text)?.[1];
    if (tmdb) ids.tmdb = tmdb;
    const tvdb = firstMatch(text, TVDB);
    if (tvdb) ids.tvdb = tvdb;
  }
  return ids;
}
