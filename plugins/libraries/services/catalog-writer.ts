// Writes scan results: items by identity (manual edits kept) from rows built ahead (`lib/item-row.ts`), files by
// path, genres, credits, sidecar tracks. Prepared statements over the shared connection; callers wrap batches in
// short transactions.
import type { Database } from 'bun:sqlite';
import type { ItemFields, PersonCredit } from '../lib/build-item.ts';
import { normaliseKey } from '../lib/identity.ts';
import {
  COL,
  FIELD_COLUMNS,
  ITEM_COLUMNS,
  type ItemPlacement,
  type ItemRow,
  itemRow,
  PLACEMENT_COLUMNS,
  updateSql,
} from '../lib/item-row.ts';
import { sortableId } from '../lib/sortable-id.ts';
import { migrateIdentity } from './identity-migration.ts';

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
  /** Signature of the files beside a main video (see WorkCollector.visit). */
  sidecarSig?: number | null;
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

type ExistingItem = { id: string; locked_fields: string; missing: number };
type WrittenItem = { id: string; created: boolean; restored: boolean };
/** Names the identity of an existing row an item takes over when none has its own (scan-show-row.ts). */
type Claim = () => string | null;

export class CatalogWriter {
  private readonly q;
  /** Person ids by name key seen in this writer's scan (people rows are never deleted while it runs). */
  private readonly people = new Map<string, string>();
  /** Set by {@link startFresh}: identities written so far into a library that had no items when the scan began. */
  private fresh: { libraryId: string; identities: Set<string> } | null = null;
  constructor(readonly db: Database) {
    this.q = {
      itemByIdentity: db.query<ExistingItem, [string, string]>(
        'SELECT id, locked_fields, missing FROM libraries_items WHERE library_id = ? AND identity = ?',
      ),
      insertItem: db.query(
        `INSERT INTO libraries_items (${ITEM_COLUMNS.join(', ')}) VALUES (${ITEM_COLUMNS.map(() => '?').join(', ')})`,
      ),
      // One statement for insert-or-update by path; an existing row keeps its id, library and added_at.
      upsertFile: db.query<{ id: string }, never[]>(
        `INSERT INTO libraries_files (id, library_id, item_id, path, rel_path, size, mtime_ms, container, role, extra_kind,
          extra_title, part, version_label, sidecar_sig, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (path) DO UPDATE SET item_id = excluded.item_id, rel_path = excluded.rel_path, size = excluded.size,
          mtime_ms = excluded.mtime_ms, container = excluded.container, role = excluded.role,
          extra_kind = excluded.extra_kind, extra_title = excluded.extra_title, part = excluded.part,
          version_label = excluded.version_label, sidecar_sig = excluded.sidecar_sig, missing_since = NULL
         RETURNING id`,
      ),
      insertFile: db.query(
        `INSERT INTO libraries_files (id, library_id, item_id, path, rel_path, size, mtime_ms, container, role, extra_kind,
          extra_title, part, version_label, sidecar_sig, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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

  private surelyNew(libraryId: string, identity: string, alts: string[]): boolean {
    const f = this.fresh;
    if (!f || f.libraryId !== libraryId || f.identities.has(identity)) return false;
    for (const alt of alts) if (f.identities.has(alt)) return false;
    return true;
  }

  /**
   * The row of `row`'s identity, else of one of its alternatives, else the one `claim` names (asked only when the
   * library may hold it); a row found so takes `row`'s identity, and so do the rows below it (identity-migration.ts).
   */
  private findExisting(row: ItemRow, claim?: Claim): ExistingItem | null {
    const libraryId = row.values[COL.library_id] as string;
    const identity = row.values[COL.identity] as string;
    if (this.surelyNew(libraryId, identity, row.altIdentities)) return null;
    const existing = this.q.itemByIdentity.get(libraryId, identity);
    if (existing) return existing;
    const claimed = row.altIdentities.find((alt) => this.q.itemByIdentity.get(libraryId, alt)) ?? claim?.();
    const found = claimed ? this.q.itemByIdentity.get(libraryId, claimed) : null;
    if (found) migrateIdentity(this.db, libraryId, found.id, claimed as string, identity);
    return found;
  }

  /** Inserts or updates the item with this identity (fields an admin locked kept; `claim`: see findExisting). */
  upsertItem(p: ItemPlacement, fields: ItemFields, now: string, claim?: Claim): WrittenItem {
    return this.writeItem(itemRow(p, fields), now, claim);
  }

  /** {@link upsertItem} for a row built beforehand (in the scan worker); the row's values are filled in place. */
  writeItem(row: ItemRow, now: string, claim?: Claim): WrittenItem {
    const existing = this.findExisting(row, claim);
    const v = row.values;
    this.fresh?.identities.add(v[COL.identity] as string);
    if (!existing) {
      const id = sortableId();
      v[COL.id] = id;
      v[COL.added_at] = now;
      v[COL.updated_at] = now;
      this.q.insertItem.run(v as never);
      if (row.people.length) this.replaceCredits(id, row.people, false);
      if (row.genres.length) this.replaceGenres(id, row.genres, false);
      return { id, created: true, restored: false };
    }
    const locked = new Set<string>(JSON.parse(existing.locked_fields));
    const cols = locked.size ? FIELD_COLUMNS.filter(([, key]) => !locked.has(key)) : FIELD_COLUMNS;
    const matchLocked = locked.size > 0;
    const params = cols.map(([c]) => v[COL[c]]);
    for (const c of PLACEMENT_COLUMNS) params.push(v[COL[c]]);
    params.push(v[COL.artwork], now);
    if (!matchLocked) params.push(v[COL.match_method], v[COL.match_confidence]);
    params.push(existing.id);
    this.db
      .query(
        updateSql(
          cols.map(([c]) => c),
          matchLocked,
        ),
      )
      .run(params as never);
    if (!locked.has('people')) this.replaceCredits(existing.id, row.people, true);
    if (!locked.has('genres')) this.replaceGenres(existing.id, row.genres, true);
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
      f.sidecarSig ?? null,
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
}
