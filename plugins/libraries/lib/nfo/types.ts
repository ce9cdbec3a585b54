// Result and value types produced by the Kodi/Jellyfin NFO parsers (movie, tvshow, season, episodedetails).
// Every optional field is `undefined` when the NFO has no usable value (empty tags never become '').

/** Why an NFO could not be used at all. */
export type NfoErrorCode = 'NFO_EMPTY' | 'NFO_WRONG_ROOT' | 'NFO_NO_METADATA' | 'NFO_MALFORMED';

/**
 * Outcome of parsing one NFO file. Parsers never throw: a usable file yields `ok: true` (with
 * `warnings` describing anything that was repaired or ignored), an unusable one `ok: false`.
 */
export type NfoResult<T> =
  | { ok: true; value: T; warnings: string[] }
  | { ok: false; code: NfoErrorCode; error: string };

/**
 * Provider ids keyed by lower-case provider name (`tmdb`, `imdb`, `tvdb`, `tvmaze`, …). IMDb ids are
 * always `tt` + 7–8 digits; TMDb/TVDb ids are always decimal digits. `tmdbCollection` is the TMDb
 * collection (movie set) id.
 */
export interface ProviderIds {
  imdb?: string;
  tmdb?: string;
  tvdb?: string;
  tmdbCollection?: string;
  [provider: string]: string | undefined;
}

/** One rating from `<ratings><rating name=…>` or the legacy top-level `<rating>`/`<votes>` pair. */
export interface NfoRating {
  /** Lower-cased `name` attribute (`imdb`, `themoviedb`, `tomatometerallcritics`, …); undefined for legacy `<rating>`. */
  source?: string;
  value: number;
  /** Scale maximum; 10 when the NFO does not say. */
  max: number;
  votes?: number;
  isDefault: boolean;
}

/** A normalised `<mpaa>`/`<certification>` value: `Rated PG-13` → `{ rating: 'PG-13' }`, `US:PG-13` → with country. */
export interface ContentRating {
  rating: string;
  /** Country (or country code) when the NFO prefixed one, upper-cased when it is a 2–3 letter code. */
  country?: string;
  /** The text this rating was read from (entities decoded, trimmed; one entry of a ` / ` list). */
  raw: string;
}

/** One `<actor>` entry. `order` is the NFO's `<order>`/`<sortorder>` or, when missing, the document position. */
export interface NfoActor {
  name: string;
  role?: string;
  order: number;
  thumb?: string;
  /** Jellyfin's `<type>` (Actor, GuestStar, …) when present. */
  type?: string;
}

/** Movie collection from `<set>` (either `<set>Name</set>` or `<set><name/><overview/></set>`). */
export interface NfoMovieSet {
  name: string;
  overview?: string;
}

/** An image reference from `<thumb>` or `<fanart><thumb>`. */
export interface NfoArtwork {
  /** `aspect` attribute (`poster` when missing, `fanart` inside `<fanart>`). */
  aspect: string;
  url: string;
  /** Season number for `<thumb type="season" season="N">` in tvshow.nfo (-1 = all seasons, 0 = specials). */
  season?: number;
}

/** `<fileinfo><streamdetails><video>` entry. */
export interface NfoVideoStream {
  codec?: string;
  aspect?: number;
  width?: number;
  height?: number;
  durationSeconds?: number;
  stereoMode?: string;
  hdrType?: string;
}

/** `<fileinfo><streamdetails><audio>` entry. */
export interface NfoAudioStream {
  codec?: string;
  channels?: number;
  language?: string;
}

/** `<fileinfo><streamdetails><subtitle>` entry. */
export interface NfoSubtitleStream {
  language?: string;
}

/** Stream details Kodi records after playing the file. */
export interface NfoStreamDetails {
  video: NfoVideoStream[];
  audio: NfoAudioStream[];
  subtitles: NfoSubtitleStream[];
}

/** Fields shared by movie, tvshow and episode NFOs. */
export interface NfoCommon {
  ids: ProviderIds;
  /** `type` of the `<uniqueid default="true">`, lower-cased. */
  defaultIdType?: string;
  title?: string;
  originalTitle?: string;
  sortTitle?: string;
  /** `<year>`, else the year of the premiered/aired/release date. */
  year?: number;
  plot?: string;
  outline?: string;
  tagline?: string;
  runtimeMinutes?: number;
  ratings: NfoRating[];
  /** Kodi `<userrating>` (1–10); 0 means "not rated" and becomes undefined. */
  userRating?: number;
  contentRating?: ContentRating;
  genres: string[];
  studios: string[];
  tags: string[];
  countries: string[];
  actors: NfoActor[];
  directors: string[];
  /** `<credits>` and `<writer>` values. */
  writers: string[];
  /** `<lockdata>true</lockdata>` (Jellyfin: do not refresh metadata). */
  locked: boolean;
  /** Trailer; Kodi YouTube plugin URLs are rewritten to `https://www.youtube.com/watch?v=…`. */
  trailer?: string;
  artwork: NfoArtwork[];
  fileInfo?: NfoStreamDetails;
}

/** Parsed `<movie>` NFO. */
export interface MovieNfo extends NfoCommon {
  /** `YYYY-MM-DD` from `<premiered>` (or `<releasedate>`/`<aired>`). */
  premiered?: string;
  set?: NfoMovieSet;
}

/** A `<namedseason number="N">Name</namedseason>` entry from tvshow.nfo. */
export interface NfoNamedSeason {
  season: number;
  name: string;
}

/** Parsed `<tvshow>` NFO. */
export interface ShowNfo extends NfoCommon {
  showTitle?: string;
  premiered?: string;
  /** `<status>` as written (`Continuing`, `Ended`, …). */
  status?: string;
  namedSeasons: NfoNamedSeason[];
}

/** Parsed Jellyfin `season.nfo` (`<season>`). */
export interface SeasonNfo extends NfoCommon {
  /** `YYYY-MM-DD` from `<premiered>` (or `<aired>`/`<releasedate>`). */
  premiered?: string;
  /** `<seasonnumber>`; a negative one becomes undefined. */
  seasonNumber?: number;
}

/** One parsed `<episodedetails>` block. */
export interface EpisodeNfo extends NfoCommon {
  showTitle?: string;
  season?: number;
  episode?: number;
  /** Jellyfin `<episodenumberend>` (last episode of a multi-episode file). */
  episodeEnd?: number;
  /** `YYYY-MM-DD` from `<aired>` (or `<premiered>`). */
  aired?: string;
  /** Kodi special placement; `-1` (unset) becomes undefined. */
  displaySeason?: number;
  displayEpisode?: number;
  airsBeforeSeason?: number;
  airsBeforeEpisode?: number;
  /** `<airsafter_season>` or Kodi's `<displayafterseason>`. */
  airsAfterSeason?: number;
}
