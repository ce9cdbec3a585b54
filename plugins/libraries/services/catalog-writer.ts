// Writes scan results: items by identity (manual edits kept), files by path, credits, sidecar tracks, missing marks.
// Prepared statements over the shared connection; callers wrap batches in short transactions.
import type { Database } from 'bun:sqlite';
import type { ItemFields, PersonCredit } from '../lib/build-item.ts';
import { normaliseKey } from '../lib/identity.ts';
import { sortableId } from '../lib/sortable-id.ts';
import type { ItemKind } from '../schema.ts';

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

export interface FileRecord {
  libraryId: string;
  itemId: string | null;
  path: string;
  relPath: string;
  size: number;
  mtimeMs: number;
  container: string | null;
  role: 'main' | 'extra';
  extraKind?: string | null;
  extraTitle?: string | null;
  part?: number | null;
  versionLabel?: string | null;
}

export interface ExternalTrack {
  kind: 'audio' | 'subtitle';
  codec: string;
  language?: string;
  title?: string;
  isDefault: boolean;
  forced: boolean;
  sdh: boolean;
  externalPath: string;
}

const ITEM_FIELDS = [
  'title',
  'sort_title',
  'original_title',
  'year',
  'overview',
  'tagline',
  'runtime_minutes',
  'rating',
  'content_rating',
  'genres',
  'studios',
  'tags',
  'provider_ids',
  'set_name',
  'air_date',
] as const;
const FIELD_OF: Record<(typeof ITEM_FIELDS)[number], string> = {
  title: 'title',
  sort_title: 'sortTitle',
  original_title: 'originalTitle',
  year: 'year',
  overview: 'overview',
  tagline: 'tagline',
  runtime_minutes: 'runtimeMinutes',
  rating: 'rating',
  content_rating: 'contentRating',
  genres: 'genres',
  studios: 'studios',
  tags: 'tags',
  provider_ids: 'providerIds',
  set_name: 'setName',
  air_date: 'airDate',
};

/** parent_id, show_id, season_number, episode_number, ending_episode_number, absolute_number, edition, folder. */
function placementValues(p: ItemPlacement): (string | number | null)[] {
  return [
    p.parentId ?? null,
    p.showId ?? null,
    p.seasonNumber ?? null,
    p.episodeNumber ?? null,
    p.endingEpisodeNumber ?? null,
    p.absoluteNumber ?? null,
    p.edition ?? null,
    p.folder ?? null,
  ];
}

function columnValue(fields: ItemFields, col: (typeof ITEM_FIELDS)[number]): unknown {
  const v = (fields as unknown as Record<string, unknown>)[FIELD_OF[col]];
  if (v === undefined) return null;
  if (Array.isArray(v) && v.length === 0) return '[]';
  return typeof v === 'object' ? JSON.stringify(v) : v;
}

export class CatalogWriter {
  private readonly q;
  /** Person ids by name key seen in this writer's scan (people rows are never deleted while it runs). */
  private readonly people = new Map<string, string>();
  /** Set by {@link startFresh}: identities written so far into a library that had no items when the scan began. */
  private fresh: { libraryId: string; identities: Set<string> } | null = null;
  constructor(private readonly db: Database) {
    this.q = {
      itemByIdentity: db.query<{ id: string; locked_fields: string; missing: number }, [string, string]>(
        'SELECT id, locked_fields, missing FROM libraries_items WHERE library_id = ? AND identity = ?',
      ),
      insertItem: db.query(
        `INSERT INTO libraries_items (id, library_id, kind, parent_id, show_id, identity, ${ITEM_FIELDS.join(', ')},
          season_number, episode_number, ending_episode_number, absolute_number, edition, folder, artwork,
          match_method, match_confidence, added_at, updated_at)
         VALUES (${Array(6 + ITEM_FIELDS.length + 11)
           .fill('?')
           .join(', ')})`,
      ),
      // One statement for insert-or-update by path; an existing row keeps its id, library and added_at.
      upsertFile: db.query<{ id: string }, never[]>(
        `INSERT INTO libraries_files (id, library_id, item_id, path, rel_path, size, mtime_ms, container, role, extra_kind,
          extra_title, part, version_label, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (path) DO UPDATE SET item_id = excluded.item_id, rel_path = excluded.rel_path, size = excluded.size,
          mtime_ms = excluded.mtime_ms, container = excluded.container, role = excluded.role,
          extra_kind = excluded.extra_kind, extra_title = excluded.extra_title, part = excluded.part,
          version_label = excluded.version_label, missing_since = NULL
         RETURNING id`,
      ),
      insertFile: db.query(
        `INSERT INTO libraries_files (id, library_id, item_id, path, rel_path, size, mtime_ms, container, role, extra_kind,
          extra_title, part, version_label, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      personByKey: db.query<{ id: string }, [string]>('SELECT id FROM libraries_people WHERE name_key = ?'),
      insertPerson: db.query('INSERT INTO libraries_people (id, name, name_key, thumb) VALUES (?, ?, ?, ?)'),
      deleteCredits: db.query('DELETE FROM libraries_credits WHERE item_id = ?'),
      insertCredit: db.query(
        'INSERT OR IGNORE INTO libraries_credits (item_id, person_id, role, character, ord) VALUES (?, ?, ?, ?, ?)',
      ),
      deleteGenres: db.query('DELETE FROM libraries_item_genres WHERE item_id = ?'),
      insertGenre: db.query('INSERT OR IGNORE INTO libraries_item_genres (item_id, genre) VALUES (?, ?)'),
      deleteExternal: db.query(
        'DELETE FROM libraries_tracks WHERE file_id = ? AND external_path IS NOT NULL',
      ),
      insertTrack: db.query(
        `INSERT INTO libraries_tracks (id, file_id, kind, stream_index, codec, language, title, channels, is_default, forced,
          sdh, external_path) VALUES (?, ?, ?, NULL, ?, ?, ?, NULL, ?, ?, ?, ?)`,
      ),
    };
  }

  /**
   * Declares that `libraryId` has no items yet (checked by the caller when the scan starts), so an identity this
   * writer has not written cannot exist and needs no lookup.
   */
  startFresh(libraryId: string): void {
    this.fresh = { libraryId, identities: new Set() };
  }

  private surelyNew(p: ItemPlacement): boolean {
    const f = this.fresh;
    if (!f || f.libraryId !== p.libraryId || f.identities.has(p.identity)) return false;
    return !p.altIdentities?.some((alt) => f.identities.has(alt));
  }

  private findExisting(p: ItemPlacement): { id: string; locked_fields: string; missing: number } | null {
    if (this.surelyNew(p)) return null;
    let existing = this.q.itemByIdentity.get(p.libraryId, p.identity);
    for (const alt of p.altIdentities ?? []) {
      if (existing) break;
      existing = this.q.itemByIdentity.get(p.libraryId, alt);
      if (existing)
        this.db.query('UPDATE libraries_items SET identity = ? WHERE id = ?').run(p.identity, existing.id);
    }
    return existing;
  }

  /** Inserts or updates the item with this identity; fields an admin locked stay as they are. Returns its id. */
  upsertItem(
    p: ItemPlacement,
    fields: ItemFields,
    now: string,
  ): { id: string; created: boolean; restored: boolean } {
    const existing = this.findExisting(p);
    this.fresh?.identities.add(p.identity);
    const artwork = JSON.stringify(p.artwork ?? {});
    if (!existing) {
      const id = sortableId();
      const values: unknown[] = [id, p.libraryId, p.kind, p.parentId ?? null, p.showId ?? null, p.identity];
      for (let i = 0; i < ITEM_FIELDS.length; i++) values.push(columnValue(fields, ITEM_FIELDS[i]));
      const placed = placementValues(p);
      for (let i = 2; i < placed.length; i++) values.push(placed[i]);
      values.push(artwork, fields.matchMethod, fields.matchConfidence, now, now);
      this.q.insertItem.run(...(values as never[]));
      if (fields.people.length) this.replaceCredits(id, fields.people, false);
      this.replaceGenres(id, fields.genres, false);
      return { id, created: true, restored: false };
    }
    const locked = new Set<string>(JSON.parse(existing.locked_fields));
    const cols = ITEM_FIELDS.filter((c) => !locked.has(FIELD_OF[c]));
    const matchLocked = locked.size > 0;
    const sets = [
      ...cols.map((c) => `${c} = ?`),
      'parent_id = ?',
      'show_id = ?',
      'season_number = ?',
      'episode_number = ?',
      'ending_episode_number = ?',
      'absolute_number = ?',
      'edition = ?',
      'folder = ?',
      'artwork = ?',
      'missing = 0',
      'updated_at = ?',
      ...(matchLocked ? [] : ['match_method = ?', 'match_confidence = ?']),
    ];
    this.db
      .query(`UPDATE libraries_items SET ${sets.join(', ')} WHERE id = ?`)
      .run(
        ...(cols.map((c) => columnValue(fields, c)) as never[]),
        ...(placementValues(p) as never[]),
        artwork,
        now,
        ...((matchLocked ? [] : [fields.matchMethod, fields.matchConfidence]) as never[]),
        existing.id,
      );
    if (!locked.has('people')) this.replaceCredits(existing.id, fields.people, true);
    if (!locked.has('genres')) this.replaceGenres(existing.id, fields.genres, true);
    return { id: existing.id, created: false, restored: existing.missing === 1 };
  }

  /** Inserts or updates a file by path (clearing any missing mark). Returns its id and whether it is new. */
  upsertFile(f: FileRecord, now: string): { id: string; created: boolean } {
    const id = sortableId();
    const values = [
      id,
      f.libraryId,
      f.itemId,
      f.path,
      f.relPath,
      f.size,
      f.mtimeMs,
      f.container,
      f.role,
      f.extraKind ?? null,
      f.extraTitle ?? null,
      f.part ?? null,
      f.versionLabel ?? null,
      now,
    ] as never[];
    // In a library scanned for the first time a path is almost surely new: a plain insert skips the conflict
    // handling and RETURNING of the upsert; a path that does exist fails with a unique error and is upserted.
    if (this.fresh?.libraryId === f.libraryId) {
      try {
        this.q.insertFile.run(...values);
        return { id, created: true };
      } catch (err) {
        if (!String((err as Error).message).includes('UNIQUE')) throw err;
      }
    }
    const row = this.q.upsertFile.get(...values)!;
    return { id: row.id, created: row.id === id };
  }

  /** Replaces a file's sidecar tracks; `fresh` (a file row just inserted) has none to delete. */
  replaceExternalTracks(fileId: string, tracks: ExternalTrack[], fresh = false): void {
    if (!fresh) this.q.deleteExternal.run(fileId);
    for (const t of tracks) {
      this.q.insertTrack.run(
        sortableId(),
        fileId,
        t.kind,
        t.codec,
        t.language ?? null,
        t.title ?? null,
        t.isDefault,
        t.forced,
        t.sdh,
        t.externalPath,
      );
    }
  }

  /** Keeps the genre lookup table in step with an item's genres. */
  replaceGenres(itemId: string, genres: string[], clear: boolean): void {
    if (clear) this.q.deleteGenres.run(itemId);
    for (const g of genres) {
      const key = g.trim().toLowerCase();
      if (key) this.q.insertGenre.run(itemId, key);
    }
  }

  /** Replaces an item's credits; `clear` is false for an item just inserted (it has none to delete). */
  private replaceCredits(itemId: string, people: PersonCredit[], clear: boolean): void {
    if (clear) this.q.deleteCredits.run(itemId);
    for (const c of people) {
      const key = normaliseKey(c.name);
      if (!key) continue;
      let personId = this.people.get(key) ?? this.q.personByKey.get(key)?.id;
      if (!personId) {
        personId = sortableId();
        this.q.insertPerson.run(personId, c.name, key, c.thumb ?? null);
      }
      this.people.set(key, personId);
      this.q.insertCredit.run(itemId, personId, c.role, c.character ?? null, c.ord);
    }
  }

  /**
   * After a complete walk: files not seen are marked missing (never deleted), and items are missing exactly when
   * none of their main files is present — so a returning file restores its item with watch state intact.
   */
  reconcileMissing(
    libraryId: string,
    seenFileIds: Set<string>,
    now: string,
  ): { missing: string[]; restored: string[] } {
    const rows = this.db
      .query<{ id: string; missing_since: string | null }, [string]>(
        'SELECT id, missing_since FROM libraries_files WHERE library_id = ?',
      )
      .all(libraryId);
    const mark = this.db.query('UPDATE libraries_files SET missing_since = ? WHERE id = ?');
    for (const r of rows) if (!seenFileIds.has(r.id) && !r.missing_since) mark.run(now, r.id);
    const missing = this.db
      .query<{ id: string }, [string, string]>(
        `UPDATE libraries_items SET missing = 1, updated_at = ? WHERE library_id = ? AND missing = 0 AND kind IN ('movie','episode')
           AND NOT EXISTS (SELECT 1 FROM libraries_files f WHERE f.item_id = libraries_items.id AND f.role = 'main' AND f.missing_since IS NULL)
         RETURNING id`,
      )
      .all(now, libraryId);
    const restored = this.db
      .query<{ id: string }, [string, string]>(
        `UPDATE libraries_items SET missing = 0, updated_at = ? WHERE library_id = ? AND missing = 1 AND kind IN ('movie','episode')
           AND EXISTS (SELECT 1 FROM libraries_files f WHERE f.item_id = libraries_items.id AND f.role = 'main' AND f.missing_since IS NULL)
         RETURNING id`,
      )
      .all(now, libraryId);
    // Seasons and shows are missing when every episode below them is.
    for (const kind of ['season', 'show'] as const) {
      const link = kind === 'season' ? 'parent_id' : 'show_id';
      this.db
        .query(
          `UPDATE libraries_items SET missing = NOT EXISTS (SELECT 1 FROM libraries_items e WHERE e.${link} = libraries_items.id
             AND e.kind = 'episode' AND e.missing = 0) WHERE library_id = ? AND kind = ?`,
        )
        .run(libraryId, kind);
    }
    return { missing: missing.map((r) => r.id), restored: restored.map((r) => r.id) };
  }
}
