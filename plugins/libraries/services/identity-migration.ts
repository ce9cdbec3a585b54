// Moves an item row to a new identity, and the rows below it with it: a show's seasons and episodes have identities
// that start with the show's and a `/` (lib/identity.ts), so a show found under an older identity keeps them.
import type { Database } from 'bun:sqlite';

/** Gives row `id` (now `from`) the identity `to`, and every row of the library below `from/` the same start. */
export function migrateIdentity(db: Database, libraryId: string, id: string, from: string, to: string): void {
  db.query('UPDATE libraries_items SET identity = ? WHERE id = ?').run(to, id);
  // Every identity starting with `from/` sorts from `from/` to before `from0` ('0' follows '/'); one that would
  // collide with a row already there stays as it is.
  db.query(
    `UPDATE OR IGNORE libraries_items SET identity = ? || substr(identity, ?)
     WHERE library_id = ? AND identity >= ? AND identity < ?`,
  ).run(to, from.length + 1, libraryId, `${from}/`, `${from}0`);
}
