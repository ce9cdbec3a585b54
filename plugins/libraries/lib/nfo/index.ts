// Public surface of the pure NFO parsers (movie, tvshow, season, episodedetails) and their result types.

export { parseContentRating, pickContentRating } from './content-rating.ts';
export { decodeEntities } from './entities.ts';
export { parseEpisodeNfo } from './episode.ts';
export { parseMovieNfo } from './movie.ts';
export { normaliseProviderId } from './provider-ids.ts';
export { findProviderIdsInText, type NfoKind } from './provider-urls.ts';
export { parseSeasonNfo } from './season.ts';
export { parseShowNfo } from './show.ts';
export type * from './types.ts';
export { parseDate, parseRuntimeMinutes } from './values.ts';
