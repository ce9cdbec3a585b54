// The libraries_items row of an item as ready bind values, built from where it sits (placement) and what it says
// (fields). Scanned files get their rows in the scan worker, so the main thread only binds them; the column order
// here is the writer's INSERT order (`ITEM_COLUMNS`).
import type { ItemKind } from '../schema.ts';
import type { ItemFields, PersonCredit } from './build-item.ts';
import { sortKeyOf } from './sort-key.ts';

export interface ItemPlacement {
  libraryId: string;
  kind: ItemKind;
  /** Preferred identity; `altIdentities` are tried too so a title that gains a provider id keeps its row. */
  identity: string;
  altIdentities?: string[];
  parentId?: string | null;
  showId?: string | null;
  seasonNumber?: number | null;
  episodeNumber?: number | null;
  endingEpisodeNumber?: number | null;
  absoluteNumber?: number | null;
  edition?: string | null;
  folder?: string | null;
  artwork?: Record<string, string>;
}

/**
 * Item columns an NFO or a name fills, with the ItemFields key each comes from (locks name the key). sort_key is
 * the sort title's list key (`sortKeyOf`, set by {@link itemRow}): it is written, and locked, with the sort title.
 */
export const FIELD_COLUMNS = [
  ['title', 'title'],
  ['sort_title', 'sortTitle'],
  ['sort_key', 'sortTitle'],
  ['original_title', 'originalTitle'],
  ['year', 'year'],
  ['overview', 'overview'],
  ['tagline', 'tagline'],
  ['runtime_minutes', 'runtimeMinutes'],
  ['rating', 'rating'],
  ['content_rating', 'contentRating'],
  ['genres', 'genres'],
  ['studios', 'studios'],
  ['tags', 'tags'],
  ['provider_ids', 'providerIds'],
  ['set_name', 'setName'],
  ['air_date', 'airDate'],
] as const satisfies readonly (readonly [string, keyof ItemFields])[];

/** Where an item sits: parent_id … folder (a rescan rewrites these for an existing row too). */
export const PLACEMENT_COLUMNS = [
  'parent_id',
  'show_id',
  'season_number',
  'episode_number',
  'ending_episode_number',
  'absolute_number',
  'edition',
  'folder',
] as const;

/** Every column of the INSERT, in bind order. */
export const ITEM_COLUMNS = [
  'id',
  'library_id',
  'kind',
  'identity',
  ...PLACEMENT_COLUMNS,
  ...FIELD_COLUMNS.map(([c]) => c),
  'artwork',
  'match_method',
  'match_confidence',
  'added_at',
  'updated_at',
] as const;

/** Index of each column in a row's `values`. */
export const COL = Object.fromEntries(ITEM_COLUMNS.map((c, i) => [c, i])) as Record<
  (typeof ITEM_COLUMNS)[number],
  number
>;

export type BindValue = string | number | null;

/** An item ready to write: bind values (id, added_at, updated_at left for the writer) and what goes in side tables. */
export interface ItemRow {
  values: BindValue[];
  altIdentities: string[];
  genres: string[];
  people: PersonCredit[];
}

export function fieldValue(v: unknown): BindValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (Array.isArray(v) && v.length === 0) return '[]';
  return JSON.stringify(v);
}

/** The row of an item placed at `p` with `fields`. */
export function itemRow(p: ItemPlacement, fields: ItemFields): ItemRow {
  const values: BindValue[] = [
    null,
    p.libraryId,
    p.kind,
    p.identity,
    p.parentId ?? null,
    p.showId ?? null,
    p.seasonNumber ?? null,
    p.episodeNumber ?? null,
    p.endingEpisodeNumber ?? null,
    p.absoluteNumber ?? null,
    p.edition ?? null,
    p.folder ?? null,
  ];
  for (const [, key] of FIELD_COLUMNS) values.push(fieldValue(fields[key]));
  values[COL.sort_key] = sortKeyOf(fields.sortTitle);
  values.push(JSON.stringify(p.artwork ?? {}), fields.matchMethod, fields.matchConfidence, null, null);
  return { values, altIdentities: p.altIdentities ?? [], genres: fields.genres, people: fields.people };
}

/** The UPDATE of an existing item, per set of locked field columns (a lock set is rare, so few variants). */
export function updateSql(cols: readonly string[], matchLocked: boolean): string {
  const sets = [
    ...cols.map((c) => `${c} = ?`),
    ...PLACEMENT_COLUMNS.map((c) => `${c} = ?`),
    'artwork = ?',
    'missing = 0',
    'updated_at = ?',
    ...(matchLocked ? [] : ['match_method = ?', 'match_confidence = ?']),
  ];
  return `UPDATE libraries_items SET ${sets.join(', ')} WHERE id = ?`;
}
