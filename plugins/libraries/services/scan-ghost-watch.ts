// A scan's reconcile removes movies and episodes whose files all went to other items (scan-reconcile.ts); before it
// does, each profile's watch state of such an item goes to the item that now holds its files (lib/watch-heir.ts), so
// the watched mark, the plays and the resume point follow the file instead of going with the removed row. Which files
// an item had: those the scan found on it when it began, and those recorded as moved off it (libraries_file_moves),
// which also covers a scan that moved them and died before its reconcile.
import type { Database } from 'bun:sqlite';
import { heirOf, inheritedWatchState, type WatchRow, withMovedFiles } from '../lib/watch-heir.ts';
import { MAIN_FILE_ORDER } from './item-view.ts';
import { placeholders } from './sql.ts';

/** The main files (id and path) items had when the scan began (WorkCollector.formerMainFiles). */
export type FormerMainFiles = (itemIds: readonly string[]) => Map<string, { id: string; path: string }[]>;

type StoredRow = {
  profile_id: string;
  watched: number;
  position_seconds: number;
  file_id: string | null;
  play_count: number;
  last_played_at: string | null;
  updated_at: string;
};

const rowOf = (r: StoredRow): WatchRow => ({
  watched: r.watched === 1,
  positionSeconds: r.position_seconds,
  fileId: r.file_id,
  playCount: r.play_count,
  lastPlayedAt: r.last_played_at,
  updatedAt: r.updated_at,
});

/**
 * Gives each of `ghosts` (about to be removed, in the reconcile's transaction) watch state to its heir: the item whose
 * main files the ghost's main files are now — the one that took most of them (see heirOf). Per profile, the heir
 * takes the ghost's row as it is when it has none, else the two merged. Returns the heirs that gained any.
 */
export function bequeathWatchState(
  db: Database,
  ghosts: readonly string[],
  former: FormerMainFiles,
): string[] {
  if (ghosts.length === 0) return [];
  const stateOf = db.query<StoredRow, [string]>(
    `SELECT profile_id, watched, position_seconds, file_id, play_count, last_played_at, updated_at
       FROM libraries_watch_state WHERE item_id = ?`,
  );
  const heirState = db.query<StoredRow, [string, string]>(
    `SELECT profile_id, watched, position_seconds, file_id, play_count, last_played_at, updated_at
       FROM libraries_watch_state WHERE profile_id = ? AND item_id = ?`,
  );
  const mainOf = db.query<{ item_id: string | null }, [string]>(
    `SELECT item_id FROM libraries_files WHERE id = ? AND role = 'main'`,
  );
  const write = db.query(
    `INSERT OR REPLACE INTO libraries_watch_state (profile_id, item_id, watched, position_seconds, file_id, play_count,
       last_played_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const heirs = new Set<string>();
  for (const [ghost, files] of withMovedFiles(former(ghosts), movedFiles(db, ghosts))) {
    const states = stateOf.all(ghost);
    if (states.length === 0) continue;
    const heir = heirOf(files.map((f) => ({ path: f.path, nowOf: mainOf.get(f.id)?.item_id ?? null })));
    if (heir === null) continue;
    const first = firstFile(db, files);
    for (const s of states) {
      const had = heirState.get(s.profile_id, heir);
      const w = inheritedWatchState(rowOf(s), first, had ? rowOf(had) : undefined);
      const { watched, positionSeconds, fileId, playCount, lastPlayedAt, updatedAt } = w;
      write.run(
        s.profile_id,
        heir,
        watched ? 1 : 0,
        positionSeconds,
        fileId,
        playCount,
        lastPlayedAt,
        updatedAt,
      );
    }
    heirs.add(heir);
  }
  return [...heirs];
}

/** The main files recorded as moved off each of `itemIds` (by the trigger libraries_files_moved), by item. */
export function movedFiles(
  db: Database,
  itemIds: readonly string[],
): Map<string, { id: string; path: string }[]> {
  const out = new Map<string, { id: string; path: string }[]>();
  const moved = db.query<{ id: string; path: string }, [string]>(
    `SELECT f.id, f.path FROM libraries_file_moves m JOIN libraries_files f ON f.id = m.file_id WHERE m.item_id = ?`,
  );
  for (const item of itemIds) {
    const files = moved.all(item);
    if (files.length > 0) out.set(item, files);
  }
  return out;
}

/**
 * Forgets, once a scan's reconcile has removed the items its files all left, the recorded moves of the library's
 * items that still have a file row: they are no longer ghosts (a file stayed or came back). The moves of removed items
 * went with them; those of file-less items the reconcile kept stay for the one that removes them.
 */
export function forgetMoves(db: Database, libraryId: string): void {
  db.query(
    `DELETE FROM libraries_file_moves WHERE item_id IN (SELECT m.item_id FROM libraries_file_moves m
       JOIN libraries_items i ON i.id = m.item_id WHERE i.library_id = ?
       AND EXISTS (SELECT 1 FROM libraries_files f WHERE f.item_id = m.item_id))`,
  ).run(libraryId);
}

/** The first of a ghost's former main files in the order an item's files are shown (MAIN_FILE_ORDER), as they are now. */
function firstFile(db: Database, files: { id: string }[]): string | null {
  return (
    db
      .query<{ id: string }, string[]>(
        `SELECT id FROM libraries_files WHERE id IN (${placeholders(files.length)}) ORDER BY ${MAIN_FILE_ORDER} LIMIT 1`,
      )
      .get(...files.map((f) => f.id))?.id ?? null
  );
}
