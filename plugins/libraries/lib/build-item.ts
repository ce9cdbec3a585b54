// Pure mapping from what a path and its NFO say to catalog fields, with how the match was made. NFO wins.

import { sortTitleOf } from './identity.ts';
import type { ParsedEpisode, ParsedMovie } from './naming/index.ts';
import type {
  ContentRating,
  EpisodeNfo,
  MovieNfo,
  NfoCommon,
  NfoRating,
  SeasonNfo,
  ShowNfo,
} from './nfo/index.ts';

export type MatchMethod = 'nfo' | 'provider-id' | 'filename' | 'manual';

export interface PersonCredit {
  name: string;
  role: 'actor' | 'director' | 'writer';
  character?: string;
  ord: number;
  thumb?: string;
}

/** Catalog fields of one item, ready to store. Absent optional fields are unknown. */
export interface ItemFields {
  title: string;
  sortTitle: string;
  originalTitle?: string;
  year?: number;
  overview?: string;
  tagline?: string;
  runtimeMinutes?: number;
  rating?: number;
  contentRating?: string;
  genres: string[];
  studios: string[];
  tags: string[];
  providerIds: Record<string, string>;
  setName?: string;
  airDate?: string;
  matchMethod: MatchMethod;
  matchConfidence: number;
  people: PersonCredit[];
}

function cleanIds(ids: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k in ids) {
    const v = ids[k];
    if (v) out[k] = v;
  }
  return out;
}

/** `cleanIds({ ...base, ...over })` without the intermediate object. */
function mergedIds(
  base: Record<string, string | undefined>,
  over: Record<string, string | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k in base) {
    const v = Object.hasOwn(over, k) ? over[k] : base[k];
    if (v) out[k] = v;
  }
  for (const k in over) {
    const v = over[k];
    if (v && !Object.hasOwn(base, k)) out[k] = v;
  }
  return out;
}

function hasIds(ids: Record<string, string | undefined>): boolean {
  for (const k in ids) if (ids[k]) return true;
  return false;
}

/** The default rating on a 0–10 scale. */
export function pickRating(ratings: NfoRating[]): number | undefined {
  const r = ratings.find((x) => x.isDefault) ?? ratings[0];
  if (!r?.max) return undefined;
  return Math.round((r.value / r.max) * 100) / 10;
}

/** A content rating as users read it: `PG-13`, or `DE:12` when only a foreign rating is known. */
export function ratingText(c: ContentRating | undefined): string | undefined {
  if (!c) return undefined;
  return !c.country || c.country === 'US' ? c.rating : `${c.country}:${c.rating}`;
}

function credits(nfo: NfoCommon | null): PersonCredit[] {
  if (!nfo) return [];
  const out: PersonCredit[] = [];
  for (let i = 0; i < nfo.actors.length; i++) {
    const a = nfo.actors[i];
    out.push({ name: a.name, role: 'actor', character: a.role, ord: a.order ?? i, thumb: a.thumb });
  }
  for (let i = 0; i < nfo.directors.length; i++)
    out.push({ name: nfo.directors[i], role: 'director', ord: i });
  for (let i = 0; i < nfo.writers.length; i++) out.push({ name: nfo.writers[i], role: 'writer', ord: i });
  return out;
}

/**
 * The fields object: what the name says, NFO values over it when there is one. Keys (and keys holding
 * `undefined`) come in one fixed order per case, as they always have.
 */
function fieldsOf(
  head: { title: string; sortTitle: string; year: number | undefined },
  nfo: NfoCommon | null,
  providerIds: Record<string, string>,
  airDate: string | undefined,
  matchMethod: MatchMethod,
  matchConfidence: number,
): ItemFields {
  const { title, sortTitle, year } = head;
  if (!nfo) {
    return {
      title,
      sortTitle,
      year,
      genres: [],
      studios: [],
      tags: [],
      providerIds,
      airDate,
      matchMethod,
      matchConfidence,
      people: [],
    };
  }
  return {
    title,
    sortTitle,
    year,
    genres: nfo.genres,
    studios: nfo.studios,
    tags: nfo.tags,
    originalTitle: nfo.originalTitle,
    overview: nfo.plot ?? nfo.outline,
    tagline: nfo.tagline,
    runtimeMinutes: nfo.runtimeMinutes,
    rating: pickRating(nfo.ratings),
    contentRating: ratingText(nfo.contentRating),
    providerIds,
    airDate,
    matchMethod,
    matchConfidence,
    people: credits(nfo),
  };
}

/** Fields of a movie or show: NFO values over what the name says, and how the match was made. */
function titleFields(
  name: { title: string; year?: number; ids: Record<string, string | undefined> },
  nfo: MovieNfo | ShowNfo | null,
  title: string,
): ItemFields {
  const year = nfo?.year ?? name.year;
  const sortTitle = nfo?.sortTitle ? sortTitleOf(nfo.sortTitle) : sortTitleOf(title);
  const providerIds = nfo ? mergedIds(name.ids, nfo.ids) : cleanIds(name.ids);
  const fromNfo = nfo !== null && (!!nfo.title || hasIds(nfo.ids));
  const fromIds = !fromNfo && hasIds(name.ids);
  return fieldsOf(
    { title, sortTitle, year },
    nfo,
    providerIds,
    nfo?.premiered,
    fromNfo ? 'nfo' : fromIds ? 'provider-id' : 'filename',
    fromNfo ? 1 : fromIds ? 0.9 : year !== undefined ? 0.7 : 0.5,
  );
}

export function movieFields(p: ParsedMovie, nfo: MovieNfo | null): ItemFields {
  const name = { title: p.title, year: p.year, ids: p.providerIds as Record<string, string | undefined> };
  const fields = titleFields(name, nfo, nfo?.title ?? p.title);
  fields.setName = nfo?.set?.name;
  return fields;
}

export function showFields(
  series: { title: string; year?: number; ids: Record<string, string | undefined> },
  nfo: ShowNfo | null,
): ItemFields {
  return titleFields(series, nfo, nfo?.title ?? nfo?.showTitle ?? series.title);
}

/**
 * Fields of a season: its season.nfo's (Jellyfin) over the name tvshow.nfo gives it (`<namedseason>`), over
 * `Season N` (`Specials` for 0). Seasons sort by number.
 */
export function seasonFields(season: number, nfo: SeasonNfo | null, named: string | undefined): ItemFields {
  const title = nfo?.title ?? named ?? (season === 0 ? 'Specials' : `Season ${season}`);
  const head = { title, sortTitle: String(season).padStart(4, '0'), year: nfo?.year };
  const fromNfo = nfo !== null;
  return fieldsOf(head, nfo, nfo ? cleanIds(nfo.ids) : {}, nfo?.premiered, fromNfo ? 'nfo' : 'filename', 1);
}

export function episodeFields(p: ParsedEpisode, nfo: EpisodeNfo | null, fallbackTitle: string): ItemFields {
  const number = p.episode ?? p.absoluteEpisode;
  const label = number !== undefined ? `Episode ${number}` : (p.airDate ?? fallbackTitle);
  const title = nfo?.title ?? p.title ?? label;
  const fromNfo = nfo !== null && (!!nfo.title || nfo.episode !== undefined);
  return fieldsOf(
    { title, sortTitle: sortTitleOf(title), year: nfo?.year },
    nfo,
    nfo ? cleanIds(nfo.ids) : {},
    nfo?.aired ?? p.airDate,
    fromNfo ? 'nfo' : 'filename',
    fromNfo ? 1 : p.episode !== undefined ? 0.8 : 0.6,
  );
}
