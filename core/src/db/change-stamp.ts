// A cheap "has anything been written?" value for in-memory caches of database reads.
import type { Database } from 'bun:sqlite';

/**
 * Returns a function whose value changes whenever anything is written to the database: rows changed through this
 * connection (`total_changes()` counts every INSERT, UPDATE and DELETE, triggers included) or a commit by any other
 * connection (`PRAGMA data_version`, e.g. the `bijou` CLI). A cache that keeps the value it was filled under and
 * empties itself when the value differs can never serve a result a write has made stale.
 */
export function changeStamp(db: Database): () => string {
  const changes = db.query<unknown, []>('SELECT total_changes()');
  const version = db.query<unknown, []>('PRAGMA data_version');
  return () => `${changes.values()[0][0]}:${version.values()[0][0]}`;
}
