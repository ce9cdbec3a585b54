// Episode number patterns inside one file name: S01E02 (and multi-episode forms), 1x02, air dates,
// episode-only (`E05`, `Episode 5`, `01 - Title`) and anime-style absolute numbers (`Show - 105`).
import { findNoiseStart, stripLeadingTags } from './release-name';

/** What an episode pattern found, with the file-name text before and after it. */
export interface EpisodeMatch {
  style: 'season-episode' | 'date' | 'episode' | 'absolute';
  season?: number;
  episode?: number;
  endingEpisode?: number;
  absoluteEpisode?: number;
  /** `YYYY-MM-DD`. */
  airDate?: string;
  before: string;
  after: string;
}

type Matcher = (base: string) => EpisodeMatch | null;

const SEASON_EPISODE =
  /(?<![a-z0-9])s(\d{1,4})[ ._-]*x?e(\d{1,4})(?!\d)((?:[ ._]*-?[ ._]*(?:s\d{1,4})?[ ._]*x?e\d{1,4}(?!\d)|-\d{1,4}(?![\dpi]))*)/i;
const SEASON_EPISODE_WORDS = /(?<![a-z])season[ ._-]*(\d{1,4})[ ._-]*episode[ ._-]*(\d{1,4})(?!\d)/i;
const CROSS =
  /(?<![a-z0-9])(\d{1,2})x(\d{1,3})(?!\d)((?:[ ._]*-[ ._]*\d{1,2}x\d{1,3}(?!\d)|-\d{1,3}(?![\dpix])|[xe]\d{1,3}(?!\d))*)/i;
const CONTINUATION_NUMBER = /(?:e|x|-)(\d{1,4})(?![\dex])/gi;
const YEAR_FIRST_DATE = /(?<!\d)((?:19|20)\d{2})([._ -])(\d{2})\2(\d{2})(?!\d)/;
const DAY_FIRST_DATE = /(?<!\d)(\d{2})([._ -])(\d{2})\2((?:19|20)\d{2})(?!\d)/;
const EPISODE_ONLY =
  /(?<![a-z0-9])(?:e|ep|episode)\.?[ ._]?(\d{1,4})(?!\d)(?:-(?:e|ep)?(\d{1,4})(?![\dpi])|[ ._]*-[ ._]*(?:e|ep)(\d{1,4})(?!\d))?/i;
const ABSOLUTE = /^(.*?[^\s_-])[ _]+-[ _]+(\d{1,4})(?:v\d)?(?:-(\d{1,4}))?(?=$|[ ._\-[(])/;
const LEADING_NUMBER = /^(\d{1,3})(?:-(\d{1,3}))?(?=$|[ ._-])/;

/** Tries the episode patterns in order of reliability and returns the first that matches, or null. */
export function matchEpisode(base: string): EpisodeMatch | null {
  for (const matcher of MATCHERS) {
    const match = matcher(base);
    if (match) return match;
  }
  return null;
}

const MATCHERS: Matcher[] = [
  matchSeasonEpisode,
  matchSeasonEpisodeWords,
  matchCross,
  matchAirDate,
  matchEpisodeOnly,
  matchAbsolute,
  matchLeadingNumber,
];

export function around(base: string, match: RegExpExecArray): { before: string; after: string } {
  return { before: base.slice(0, match.index), after: base.slice(match.index + match[0].length) };
}

export function ending(episode: number, candidates: (string | undefined)[]): number | undefined {
  const last = candidates.filter((value): value is string => value !== undefined).pop();
  const number = last === undefined ? undefined : Number(last);
  return number !== undefined && number > episode ? number : undefined;
}

function continuationNumbers(text: string): string[] {
  if (text === '') return [];
  return [...text.matchAll(CONTINUATION_NUMBER)].map((m) => m[1]);
}

export function matchSeasonEpisode(base: string): EpisodeMatch | null {
  const m = SEASON_EPISODE.exec(base);
  if (!m) return null;
  const episode = Number(m[2]);
  const endingEpisode = m[3] === '' ? undefined : ending(episode, continuationNumbers(m[3]));
  // Built in place (not from `around`): this runs for nearly every episode.
  return {
    style: 'season-episode',
    season: Number(m[1]),
    episode,
    endingEpisode,
    before: base.slice(0, m.index),
    after: base.slice(m.index + m[0].length),
  };
}

function matchSeasonEpisodeWords(base: string): EpisodeMatch | null {
  const m = SEASON_EPISODE_WORDS.exec(base);
  if (!m) return null;
  return { style: 'season-episode', season: Number(m[1]), episode: Number(m[2]), ...around(base, m) };
}

function matchCross(base: string): EpisodeMatch | null {
  const m = CROSS.exec(base);
  if (!m) return null;
  const episode = Number(m[2]);
  const endingEpisode = ending(episode, continuationNumbers(m[3]));
  return { style: 'season-episode', season: Number(m[1]), episode, endingEpisode, ...around(base, m) };
}

function matchAirDate(base: string): EpisodeMatch | null {
  const yearFirst = YEAR_FIRST_DATE.exec(base);
  if (yearFirst) {
    const airDate = isoDate(yearFirst[1], yearFirst[3], yearFirst[4]);
    if (airDate) return { style: 'date', airDate, ...around(base, yearFirst) };
  }
  const dayFirst = DAY_FIRST_DATE.exec(base);
  if (dayFirst) {
    const airDate = isoDate(dayFirst[4], dayFirst[3], dayFirst[1]);
    if (airDate) return { style: 'date', airDate, ...around(base, dayFirst) };
  }
  return null;
}

function isoDate(year: string, month: string, day: string): string | undefined {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const valid = date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
  return valid ? `${year}-${month}-${day}` : undefined;
}

function matchEpisodeOnly(base: string): EpisodeMatch | null {
  const m = EPISODE_ONLY.exec(base);
  if (!m) return null;
  const episode = Number(m[1]);
  return { style: 'episode', episode, endingEpisode: ending(episode, [m[2], m[3]]), ...around(base, m) };
}

// Anime style `[Group] Show - 12 [1080p]`: only the text before release noise is considered.
function matchAbsolute(base: string): EpisodeMatch | null {
  const text = stripLeadingTags(base);
  const noiseAt = findNoiseStart(text);
  const region = noiseAt >= 0 ? text.slice(0, noiseAt) : text;
  const m = ABSOLUTE.exec(region);
  if (!m || /^(?:19|20)\d{2}$/.test(m[2])) return null;
  const absoluteEpisode = Number(m[2]);
  return {
    style: 'absolute',
    absoluteEpisode,
    endingEpisode: ending(absoluteEpisode, [m[3]]),
    before: m[1],
    after: text.slice(m[0].length),
  };
}

function matchLeadingNumber(base: string): EpisodeMatch | null {
  const text = stripLeadingTags(base);
  const m = LEADING_NUMBER.exec(text);
  if (!m) return null;
  const episode = Number(m[1]);
  return { style: 'episode', episode, endingEpisode: ending(episode, [m[2]]), ...around(text, m) };
}
