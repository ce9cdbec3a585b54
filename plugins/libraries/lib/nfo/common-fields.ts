// Fields every NFO kind shares (titles, plot, ratings, genres, people, ids, artwork, stream details).
// Single-valued tags use the first non-empty occurrence; list tags collect every occurrence.

import { readArtwork } from './artwork.ts';
import { pickContentRating } from './content-rating.ts';
import { type NfoFailure, readNfoDocument } from './document.ts';
import { readActors, readDirectors, readWriters } from './people.ts';
import { addProviderId, readProviderIds } from './provider-ids.ts';
import type { NfoKind } from './provider-urls.ts';
import { readRatings, readUserRating } from './ratings.ts';
import { readStreamDetails } from './stream-details.ts';
import type { NfoCommon, ProviderIds } from './types.ts';
import { parseBoolean, parseRuntimeMinutes, parseYear, SLASH, SPACED_SLASH, splitValues } from './values.ts';
import { firstText, textsOf, type XmlNode } from './xml-tree.ts';

const YOUTUBE_PLUGIN =
  /^plugin:\/\/plugin\.video\.youtube\/(?:\?action=play_video&videoid=|play\/\?video_id=)([\w-]+)/i;

/** Rewrites Kodi's YouTube add-on URLs (old and new form) to a watch URL; other values stay as written. */
export function normaliseTrailer(text: string | undefined): string | undefined {
  const videoId = text === undefined ? undefined : YOUTUBE_PLUGIN.exec(text)?.[1];
  return videoId ? `https://www.youtube.com/watch?v=${videoId}` : text;
}

/** Returns a copy without keys whose value is undefined (so results compare and serialise cleanly). */
export function withoutUndefined<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const k in value) {
    const field = value[k];
    if (field !== undefined) out[k] = field;
  }
  return out as T;
}

/**
 * A kind's result: the defined common fields in their order with `year` replaced, then the defined `extra` fields
 * (which the common fields do not have) in theirs — `withoutUndefined({ ...fields, year, ...extra })`.
 */
export function definedResult<T extends object>(
  fields: NfoCommon,
  year: number | undefined,
  extra: object,
): T {
  // Written out field by field (each assignment site sees one shape): same keys, same order as readCommonFields.
  const out: Partial<NfoCommon> = { ids: fields.ids };
  if (fields.defaultIdType !== undefined) out.defaultIdType = fields.defaultIdType;
  if (fields.title !== undefined) out.title = fields.title;
  if (fields.originalTitle !== undefined) out.originalTitle = fields.originalTitle;
  if (fields.sortTitle !== undefined) out.sortTitle = fields.sortTitle;
  if (year !== undefined) out.year = year;
  if (fields.plot !== undefined) out.plot = fields.plot;
  if (fields.outline !== undefined) out.outline = fields.outline;
  if (fields.tagline !== undefined) out.tagline = fields.tagline;
  if (fields.runtimeMinutes !== undefined) out.runtimeMinutes = fields.runtimeMinutes;
  out.ratings = fields.ratings;
  if (fields.userRating !== undefined) out.userRating = fields.userRating;
  if (fields.contentRating !== undefined) out.contentRating = fields.contentRating;
  out.genres = fields.genres;
  out.studios = fields.studios;
  out.tags = fields.tags;
  out.countries = fields.countries;
  out.actors = fields.actors;
  out.directors = fields.directors;
  out.writers = fields.writers;
  out.locked = fields.locked;
  if (fields.trailer !== undefined) out.trailer = fields.trailer;
  out.artwork = fields.artwork;
  if (fields.fileInfo !== undefined) out.fileInfo = fields.fileInfo;
  const more = extra as Record<string, unknown>;
  const result = out as Record<string, unknown>;
  for (const k in more) {
    const field = more[k];
    if (field !== undefined) result[k] = field;
  }
  return out as T;
}

/** Adds ids found outside the XML (scraper URLs) where the XML did not already provide one. */
export function mergeIds(ids: ProviderIds, extra: ProviderIds): void {
  for (const provider in extra) addProviderId(ids, provider, extra[provider]);
}

/** The common fields of one root element, plus notes about ignored values. */
export function readCommonFields(node: XmlNode, kind: NfoKind): { fields: NfoCommon; warnings: string[] } {
  const { ids, defaultIdType, warnings } = readProviderIds(node, kind);
  const fields: NfoCommon = {
    ids,
    defaultIdType,
    title: firstText(node, 'title', 'localtitle'),
    originalTitle: firstText(node, 'originaltitle'),
    sortTitle: firstText(node, 'sorttitle'),
    year: parseYear(firstText(node, 'year')),
    plot: firstText(node, 'plot', 'review', 'biography'),
    outline: firstText(node, 'outline'),
    tagline: firstText(node, 'tagline'),
    runtimeMinutes: parseRuntimeMinutes(firstText(node, 'runtime')),
    ratings: readRatings(node),
    userRating: readUserRating(node),
    contentRating: pickContentRating(textsOf(node, 'mpaa', 'certification')),
    genres: splitValues(textsOf(node, 'genre'), SLASH),
    studios: splitValues(textsOf(node, 'studio'), SPACED_SLASH),
    tags: splitValues(textsOf(node, 'tag'), SPACED_SLASH),
    countries: splitValues(textsOf(node, 'country'), SLASH),
    actors: readActors(node),
    directors: readDirectors(node),
    writers: readWriters(node),
    locked: parseBoolean(firstText(node, 'lockdata')) ?? false,
    trailer: normaliseTrailer(firstText(node, 'trailer')),
    artwork: readArtwork(node),
    fileInfo: readStreamDetails(node),
  };
  return { fields, warnings };
}

/**
 * The first `<root>` element of an NFO (a note when there are several) with its common fields, ids found in scraper
 * URLs outside the XML added, and every note; or why the NFO is unusable. `fieldsKind` reads the fields as that kind's.
 */
export function readFirstRoot(
  xml: string,
  root: string,
  kind: NfoKind,
  fieldsKind: NfoKind = kind,
): { ok: true; node: XmlNode; fields: NfoCommon; warnings: string[] } | NfoFailure {
  const read = readNfoDocument(xml, root, kind);
  if (!read.ok) return read;
  const { nodes, urlIds, warnings } = read.doc;
  if (nodes.length > 1) warnings.push(`found ${nodes.length} <${root}> elements; used the first`);
  const node = nodes[0] ?? {};
  const { fields, warnings: fieldWarnings } = readCommonFields(node, fieldsKind);
  mergeIds(fields.ids, urlIds);
  for (const warning of fieldWarnings) warnings.push(warning);
  return { ok: true, node, fields, warnings };
}

/** The year from `<year>` or, failing that, from a `YYYY-MM-DD` date. */
export function yearOr(year: number | undefined, date: string | undefined): number | undefined {
  return year ?? (date === undefined ? undefined : Number(date.slice(0, 4)));
}
