// Provider ids from NFO tags: `<uniqueid type=… default=…>`, Jellyfin's `<tmdbid>`/`<imdbid>`/`<imdb_id>`/
// `<tvdbid>`/`<tmdbcolid>`, the legacy `<id>` and tvshow `<episodeguide>` JSON. Values are validated.

import type { NfoKind } from './provider-urls.ts';
import type { ProviderIds } from './types.ts';
import { isDigits } from './values.ts';
import { attribute, elements, firstText, textOf, type XmlNode } from './xml-tree.ts';

const ALIASES: Record<string, string> = {
  themoviedb: 'tmdb',
  thetvdb: 'tvdb',
  imdb_id: 'imdb',
  tmdbcol: 'tmdbCollection',
  tmdbcolid: 'tmdbCollection',
  tmdbcollection: 'tmdbCollection',
  collectionnumber: 'tmdbCollection',
};

// Jellyfin-style `<xxxid>` tags and the provider each one names (same positions).
const ID_TAGS = [
  'tmdbid',
  'imdbid',
  'imdb_id',
  'tvdbid',
  'tvmazeid',
  'tvrageid',
  'zap2itid',
  'tmdbcolid',
  'collectionnumber',
];
const ID_TAG_PROVIDERS = [
  'tmdb',
  'imdb',
  'imdb',
  'tvdb',
  'tvmaze',
  'tvrage',
  'zap2it',
  'tmdbCollection',
  'tmdbCollection',
];

const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const NUMERIC = new Set(['tmdb', 'tvdb', 'tmdbCollection', 'tvmaze', 'tvrage']);

/** Provider ids found in tags, the `default="true"` uniqueid type, and notes about rejected values. */
export interface ReadIds {
  ids: ProviderIds;
  defaultIdType?: string;
  warnings: string[];
}

/** Canonical provider key for a `type`/tag name (`TheMovieDB` → `tmdb`). */
export function providerKey(type: string): string {
  const lower = type.trim().toLowerCase();
  if (lower === 'tmdb' || lower === 'imdb' || lower === 'tvdb') return lower; // no alias
  return Object.hasOwn(ALIASES, lower) ? ALIASES[lower] : lower;
}

/** True for `tt` (any case) and 7–8 digits (`/^tt\d{7,8}$/i`). */
export function isImdbId(text: string): boolean {
  return (
    (text.length === 9 || text.length === 10) &&
    (text.charCodeAt(0) | 0x20) === 116 &&
    (text.charCodeAt(1) | 0x20) === 116 &&
    isDigits(text.slice(2))
  );
}

/** A validated id for `provider`, or undefined (`tt0133093`; bare 7–8 digit IMDb ids get `tt`). */
export function normaliseProviderId(provider: string, value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (provider === 'imdb') {
    if (isImdbId(trimmed)) return trimmed.toLowerCase();
    return (trimmed.length === 7 || trimmed.length === 8) && isDigits(trimmed) ? `tt${trimmed}` : undefined;
  }
  if (NUMERIC.has(provider)) {
    if (trimmed.length > 12 || !isDigits(trimmed)) return undefined;
    // Without leading zeros the digits are already the number as written back.
    return trimmed.charCodeAt(0) !== 48 ? trimmed : String(Number(trimmed));
  }
  return trimmed.length <= 200 ? trimmed : undefined;
}

/** Adds `value` under `provider` unless an id is already known (earlier sources win); false if invalid. */
export function addProviderId(ids: ProviderIds, provider: string, value: string | undefined): boolean {
  const key = providerKey(provider);
  const id = normaliseProviderId(key, value);
  if (id === undefined || RESERVED_KEYS.has(key)) return false;
  if (!Object.hasOwn(ids, key)) ids[key] = id;
  return true;
}

function readUniqueIds(node: XmlNode, read: ReadIds): void {
  for (const uniqueId of elements(node, 'uniqueid')) {
    const type = attribute(uniqueId, 'type') ?? 'unknown';
    const value = textOf(uniqueId);
    if (value === undefined) continue;
    if (!addProviderId(read.ids, type, value)) {
      read.warnings.push(`ignored <uniqueid type="${type}"> value "${value}": not a valid ${type} id`);
      continue;
    }
    if (attribute(uniqueId, 'default')?.toLowerCase() === 'true') read.defaultIdType ??= providerKey(type);
  }
}

function readLegacyId(node: XmlNode, kind: NfoKind, read: ReadIds): void {
  for (const id of elements(node, 'id')) {
    for (const provider of ['imdb', 'tmdb', 'tvdb'])
      addProviderId(read.ids, provider, attribute(id, provider));
    const value = textOf(id);
    if (value === undefined) continue;
    const provider = /^tt\d/i.test(value)
      ? 'imdb'
      : (read.defaultIdType ?? (kind === 'movie' ? 'tmdb' : 'tvdb'));
    if (!addProviderId(read.ids, provider, value)) {
      read.warnings.push(`ignored <id> value "${value}": not a valid ${provider} id`);
    }
  }
}

function readEpisodeGuide(node: XmlNode, read: ReadIds): void {
  const guide = firstText(node, 'episodeguide');
  if (!guide?.startsWith('{')) return;
  try {
    const parsed: unknown = JSON.parse(guide);
    if (typeof parsed !== 'object' || parsed === null) return;
    for (const [type, value] of Object.entries(parsed)) {
      if (typeof value === 'string' || typeof value === 'number')
        addProviderId(read.ids, type, String(value));
    }
  } catch {
    read.warnings.push('ignored <episodeguide>: not valid JSON');
  }
}

/**
 * Reads every id tag. Precedence: `<uniqueid>` → `<tmdbid>`-style tags → `<id>` → `<episodeguide>`.
 * `<id>` is IMDb when it starts with `tt`, otherwise it belongs to the default uniqueid's provider
 * (Kodi derives `<id>` from it) or, failing that, TMDb for movies and TheTVDB for shows/episodes.
 */
export function readProviderIds(node: XmlNode, kind: NfoKind): ReadIds {
  const read: ReadIds = { ids: {}, warnings: [] };
  readUniqueIds(node, read);
  for (let k = 0; k < ID_TAGS.length; k++) {
    const tag = ID_TAGS[k];
    const provider = ID_TAG_PROVIDERS[k];
    const value = firstText(node, tag);
    if (value !== undefined && !addProviderId(read.ids, provider, value)) {
      read.warnings.push(`ignored <${tag}> value "${value}": not a valid ${provider} id`);
    }
  }
  readLegacyId(node, kind, read);
  if (kind === 'show') readEpisodeGuide(node, read);
  return read;
}
