// Provider ids from NFO tags: `<uniqueid type=… default=…>`, Jellyfin's `<tmdbid>`/`<imdbid>`/`<imdb_id>`/
// `<tvdbid>`/`<tmdbcolid>`, the legacy `<id>` and tvshow `<episodeguide>` JSON. Values are validated.

import type { NfoKind } from './provider-urls.ts';
import type { ProviderIds } from './types.ts';
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

// Jellyfin-style `<xxxid>` tags and the provider each one names.
const ID_TAGS: [string, string][] = [
  ['tmdbid', 'tmdb'],
  ['imdbid', 'imdb'],
  ['imdb_id', 'imdb'],
  ['tvdbid', 'tvdb'],
  ['tvmazeid', 'tvmaze'],
  ['tvrageid', 'tvrage'],
  ['zap2itid', 'zap2it'],
  ['tmdbcolid', 'tmdbCollection'],
  ['collectionnumber', 'tmdbCollection'],
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
  return ALIASES[lower] ?? lower;
}

/** A validated id for `provider`, or undefined (`tt0133093`; bare 7–8 digit IMDb ids get `tt`). */
export function normaliseProviderId(provider: string, value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (provider === 'imdb') {
    if (/^tt\d{7,8}$/i.test(trimmed)) return trimmed.toLowerCase();
    return /^\d{7,8}$/.test(trimmed) ? `tt${trimmed}` : undefined;
  }
  if (NUMERIC.has(provider)) return /^\d{1,12}$/.test(trimmed) ? String(Number(trimmed)) : undefined;
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
  for (const [tag, provider] of ID_TAGS) {
    const value = firstText(node, tag);
    if (value !== undefined && !addProviderId(read.ids, provider, value)) {
      read.warnings.push(`ignored <${tag}> value "${value}": not a valid ${provider} id`);
    }
  }
  readLegacyId(node, kind, read);
  if (kind === 'show') readEpisodeGuide(node, read);
  return read;
}
