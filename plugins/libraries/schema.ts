// Tables of the libraries plugin: libraries, catalog items (movie/show/season/episode), files, tracks, people,
// credits, per-profile watch state and where moved main files came from.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const libraries = sqliteTable('libraries_libraries', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['movies', 'shows'] }).notNull(),
  paths: text('paths', { mode: 'json' }).$type<string[]>().notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  lastScanAt: text('last_scan_at'),
  lastScan: text('last_scan', { mode: 'json' }).$type<Record<string, unknown>>(),
});

export type ItemKind = 'movie' | 'show' | 'season' | 'episode';

export const items = sqliteTable(
  'libraries_items',
  {
    id: text('id').primaryKey(),
    libraryId: text('library_id')
      .notNull()
      .references(() => libraries.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['movie', 'show', 'season', 'episode'] }).notNull(),
    parentId: text('parent_id'),
    showId: text('show_id'),
    /** Stable identity within a library (provider id, title+year, show+season+episode) so renames keep state. */
    identity: text('identity').notNull(),
    title: text('title').notNull(),
    sortTitle: text('sort_title').notNull(),
    /**
     * What title lists sort by: the sort title with its numbers padded (lib/sort-key.ts), written with it. The empty
     * default is for rows written by hand (benchmarks, tests); every writer of sort_title writes this too.
     */
    sortKey: text('sort_key').notNull().default(''),
    originalTitle: text('original_title'),
    year: integer('year'),
    overview: text('overview'),
    tagline: text('tagline'),
    runtimeMinutes: integer('runtime_minutes'),
    rating: real('rating'),
    contentRating: text('content_rating'),
    genres: text('genres', { mode: 'json' }).$type<string[]>().notNull().default([]),
    studios: text('studios', { mode: 'json' }).$type<string[]>().notNull().default([]),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default([]),
    providerIds: text('provider_ids', { mode: 'json' }).$type<Record<string, string>>().notNull().default({}),
    seasonNumber: integer('season_number'),
    episodeNumber: integer('episode_number'),
    endingEpisodeNumber: integer('ending_episode_number'),
    absoluteNumber: integer('absolute_number'),
    airDate: text('air_date'),
    edition: text('edition'),
    setName: text('set_name'),
    folder: text('folder'),
    artwork: text('artwork', { mode: 'json' }).$type<Record<string, string>>().notNull().default({}),
    matchMethod: text('match_method', { enum: ['nfo', 'provider-id', 'filename', 'manual'] }).notNull(),
    matchConfidence: real('match_confidence').notNull(),
    /** Fields an admin edited by hand; rescans leave them alone. */
    lockedFields: text('locked_fields', { mode: 'json' }).$type<string[]>().notNull().default([]),
    missing: integer('missing', { mode: 'boolean' }).notNull().default(false),
    addedAt: text('added_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('libraries_items_identity_idx').on(t.libraryId, t.identity),
    // One index per list sort, on the exact expressions the catalog query orders by (keyset pagination walks it;
    // year, rating and runtime break ties by title, services/catalog-query.ts), and one partial index per kind:
    // episodes and seasons (most rows) are never listed in these orders, so inserting them touches none of these
    // indexes. The kind stays the first column so the planner sees equality and order in one index even before
    // ANALYZE has run.
    ...(['movie', 'show'] as const).flatMap((kind) => {
      const only = sql.raw(`kind = '${kind}'`);
      return [
        index(`libraries_${kind}s_sort_idx`).on(t.kind, t.sortKey, t.id).where(only),
        index(`libraries_${kind}s_added_idx`).on(t.kind, t.addedAt, t.id).where(only),
        index(`libraries_${kind}s_year_idx`)
          .on(t.kind, sql`COALESCE(${t.year}, 0)`, t.sortKey, t.id)
          .where(only),
        index(`libraries_${kind}s_rating_idx`)
          .on(t.kind, sql`COALESCE(${t.rating}, -1)`, t.sortKey, t.id)
          .where(only),
        index(`libraries_${kind}s_runtime_idx`)
          .on(t.kind, sql`COALESCE(${t.runtimeMinutes}, 0)`, t.sortKey, t.id)
          .where(only),
      ];
    }),
    // Only seasons and episodes have a parent and a show: movies and shows take no entry in these two.
    index('libraries_items_parent_idx').on(t.parentId).where(sql`parent_id IS NOT NULL`),
    index('libraries_items_show_idx').on(t.showId).where(sql`show_id IS NOT NULL`),
  ],
);

/** Genres of an item, lower-cased, so genre filters are index lookups rather than JSON scans. */
export const itemGenres = sqliteTable(
  'libraries_item_genres',
  {
    itemId: text('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    genre: text('genre').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.genre] }),
    index('libraries_item_genres_genre_idx').on(t.genre, t.itemId),
  ],
);

export const files = sqliteTable(
  'libraries_files',
  {
    id: text('id').primaryKey(),
    libraryId: text('library_id')
      .notNull()
      .references(() => libraries.id, { onDelete: 'cascade' }),
    itemId: text('item_id').references(() => items.id, { onDelete: 'set null' }),
    path: text('path').notNull(),
    relPath: text('rel_path').notNull(),
    size: integer('size').notNull(),
    mtimeMs: integer('mtime_ms').notNull(),
    container: text('container'),
    role: text('role', { enum: ['main', 'extra'] }).notNull(),
    extraKind: text('extra_kind'),
    extraTitle: text('extra_title'),
    part: integer('part'),
    versionLabel: text('version_label'),
    /**
     * Signature of the files beside a main video, of its owner folder's listing for an extra
     * (lib/sidecar-signature.ts): a rescan reads it again when this changes.
     */
    sidecarSig: integer('sidecar_sig'),
    missingSince: text('missing_since'),
    probeKey: text('probe_key'),
    probeError: text('probe_error'),
    durationSeconds: real('duration_seconds'),
    bitrate: integer('bitrate'),
    videoCodec: text('video_codec'),
    videoProfile: text('video_profile'),
    width: integer('width'),
    height: integer('height'),
    frameRate: real('frame_rate'),
    hdr: text('hdr'),
    addedAt: text('added_at').notNull(),
  },
  (t) => [
    uniqueIndex('libraries_files_path_idx').on(t.path),
    index('libraries_files_item_idx').on(t.itemId),
    index('libraries_files_library_idx').on(t.libraryId),
  ],
);

export const tracks = sqliteTable(
  'libraries_tracks',
  {
    id: text('id').primaryKey(),
    fileId: text('file_id')
      .notNull()
      .references(() => files.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['video', 'audio', 'subtitle'] }).notNull(),
    streamIndex: integer('stream_index'),
    codec: text('codec'),
    language: text('language'),
    title: text('title'),
    channels: integer('channels'),
    isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
    forced: integer('forced', { mode: 'boolean' }).notNull().default(false),
    sdh: integer('sdh', { mode: 'boolean' }).notNull().default(false),
    externalPath: text('external_path'),
  },
  (t) => [index('libraries_tracks_file_idx').on(t.fileId)],
);

export const people = sqliteTable(
  'libraries_people',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    thumb: text('thumb'),
  },
  (t) => [uniqueIndex('libraries_people_key_idx').on(t.nameKey)],
);

export const credits = sqliteTable(
  'libraries_credits',
  {
    itemId: text('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['actor', 'director', 'writer'] }).notNull(),
    character: text('character'),
    ord: integer('ord').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.personId, t.role] }),
    index('libraries_credits_person_idx').on(t.personId),
  ],
);

export const watchState = sqliteTable(
  'libraries_watch_state',
  {
    profileId: text('profile_id').notNull(),
    itemId: text('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    watched: integer('watched', { mode: 'boolean' }).notNull().default(false),
    positionSeconds: real('position_seconds').notNull().default(0),
    /**
     * The main file (part or version) the position is in; null for the item's first file (also points recorded
     * before files were told apart). No foreign key: an id that is no longer a present main file of the item
     * counts as null, and deleting files never has to look through watch state.
     */
    fileId: text('file_id'),
    playCount: integer('play_count').notNull().default(0),
    lastPlayedAt: text('last_played_at'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.profileId, t.itemId] })],
);

/**
 * Where main files went ("moves"): a row per main file that a scan moved off an item, naming that item. Written by
 * the trigger `libraries_files_moved` (migration 0007) in the statement that moves the row, so it commits with the
 * move; a scan's reconcile reads it to find who inherits the watch state of an item it removes because its files all
 * went to other items — also when the scan that moved them died first (services/scan-ghost-watch.ts) — and forgets
 * the rows of items that still have a file. A first scan of a new library inserts its files and moves none.
 */
export const fileMoves = sqliteTable(
  'libraries_file_moves',
  {
    fileId: text('file_id')
      .notNull()
      .references(() => files.id, { onDelete: 'cascade' }),
    /** The item the file was a main file of. */
    itemId: text('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.itemId] }), index('libraries_file_moves_item_idx').on(t.itemId)],
);
