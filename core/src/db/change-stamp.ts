// A cheap "has anything been written?" value for in-memory caches of database reads.
import type { Database } from 'bun:sqlite';

const stamps = new WeakMap<Database, () => string>();

/**
 * Returns a function (one per connection) whose value changes whenever anything is written to the database: rows
 * changed through this connection (`total_changes()` counts every INSERT, UPDATE and DELETE, triggers included, and
 * is read every time) or a commit by any other connection or process (`PRAGMA data_version`, e.g. the `bijou` CLI).
 * A cache that keeps the value it was filled under and empties itself when the value differs never serves a result
 * that a write made stale.
 *
 * `data_version` opens a read transaction, which costs more than everything else on a cached request, so it is read
 * once per event-loop turn: another process's commit is seen from the next turn on. That is as soon as anything can
 * depend on it — whoever learns the commit happened (the CLI's output, a client told so) reaches this process in a
 * later turn — and requests handled in the same turn were concurrent with the commit anyway.
 */
export function changeStamp(db: Database): () => string {
  const known = stamps.get(db);
  if (known) return known;
  const changes = db.query<unknown, []>('SELECT total_changes()');
  const version = db.query<unknown, []>('PRAGMA data_version');
  let other: unknown = null;
  const forget = () => {
    other = null;
  };
  const stamp = () => {
    if (other === null) {
      other = version.values()[0][0];
      setImmediate(forget);
    }
    return `${changes.values()[0][0]}:${other}`;
  };
  stamps.set(db, stamp);
  return stamp;
}
