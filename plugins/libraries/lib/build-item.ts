// Pure mapping from what a path and its NFO say to catalog fields, with how the match was made. NFO wins.

import { sortTitleOf } from './identity.ts';
import type { ParsedEpisode, ParsedMovie } from './naming/index.ts';
import type { ContentRating, EpisodeNfo, MovieNfo, NfoCommon, NfoRating, ShowNfo } from './nfo/index.ts';

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
  for (const [k, v] of Object.entries(ids)) if (v) out[k] = v;
  return out;
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
  const out: PersonCredit[] = nfo.actors.map((a, i) => ({
    name: a.name,
    role: 'actor' as const,
    character: a.role,
    ord: a.order ?? i,
    thumb: a.thumb,
  }));
  for (const [i, name] of nfo.directors.entries()) out.push({ name, role: 'director', ord: i });
  for (const [i, name] of nfo.writers.entries()) out.push({ name, role: 'writer', ord: i });
  return out;
}

function fromNfo(nfo: NfoCommon) {
  return {
    originalTitle: nfo.originalTitle,
    overview: nfo.plot ?? nfo.outline,
    tagline: nfo.tagline,
    runtimeMinutes: nfo.runtimeMinutes,
    rating: pickRating(nfo.ratings),
    contentRating: ratingText(nfo.contentRating),
    genres: nfo.genres,
    studios: nfo.studios,
    tags: nfo.tags,
  };
}

function match(nfo: NfoCommon | null, nameIds: Record<string, string | undefined>, hasYear: boolean) {
  if (nfo?.title || (nfo && Object.keys(cleanIds(nfo.ids)).length))
    return { matchMethod: 'nfo' as const, matchConfidence: 1 };
  if (Object.keys(cleanIds(nameIds)).length)
    return { matchMethod: 'provider-id' as const, matchConfidence: 0.9 };
  return { matchMethod: 'filename' as const, matchConfidence: hasYear ? 0.7 : 0.5 };
}

/** Fields of a movie or show: NFO values over what the name says, and how the match was made. */
function titleFields(
  name: { title: string; year?: number; ids: Record<string, string | undefined> },
  nfo: MovieNfo | ShowNfo | null,
  title: string,
): ItemFields {
  const year = nfo?.year ?? name.year;
  return {
    title,
    sortTitle: nfo?.sortTitle ? sortTitleOf(nfo.sortTitle) : sortTitleOf(title),
    year,
    genres: [],
    studios: [],
    tags: [],
    ...(nfo ? fromNfo(nfo) : {}),
    providerIds: cleanIds({ ...name.ids, ...(nfo?.ids ?? {}) }),
    airDate: nfo?.premiered,
    ...match(nfo, name.ids, year !== undefined),
    people: credits(nfo),
  };
}

export function movieFields(p: ParsedMovie, nfo: MovieNfo | null): ItemFields {
  const name = { title: p.title, year: p.year, ids: p.providerIds as Record<string, string | undefined> };
  return { ...titleFields(name, nfo, nfo?.title ?? p.title), setName: nfo?.set?.name };
}

export function showFields(
  series: { title: string; year?: number; ids: Record<string, string | undefined> },
  nfo: ShowNfo | null,
): ItemFields {
  return titleFields(series, nfo, nfo?.title ?? nfo?.showTitle ?? series.title);
}

export function episodeFields(p: ParsedEpisode, nfo: EpisodeNfo | null, fallbackTitle: string): ItemFields {
  const label = p.episode !== undefined ? `Episode ${p.episode}` : (p.airDate ?? fallbackTitle);
  const title = nfo?.title ?? p.title ?? label;
  return {
    title,
    sortTitle: sortTitleOf(title),
    year: nfo?.year,
    genres: [],
    studios: [],
    tags: [],
    ...(nfo ? fromNfo(nfo) : {}),
    providerIds: cleanIds(nfo?.ids ?? {}),
    airDate: nfo?.aired ?? p.airDate,
    ...(nfo?.title || (nfo && nfo.episode !== undefined)
      ? { matchMethod: 'nfo' as const, matchConfidence: 1 }
      : { matchMethod: 'filename' as const, matchConfidence: p.episode !== undefined ? 0.8 : 0.6 }),
    people: credits(nfo),
  };
}
