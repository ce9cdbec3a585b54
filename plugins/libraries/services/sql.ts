// Renders drizzle SQL fragments (visibility filters) to text + params for bun:sqlite's cached prepared statements,
// and stamps the database's state for caches that must drop everything on any write.
import type { Database } from 'bun:sqlite';
import type { SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';

const dialect = new SQLiteSyncDialect();

/** An SQL condition as text and positional params; `1` when there is none. */
export function renderCondition(fragment: SQL | undefined): { text: string; params: unknown[] } {
  if (!fragment) return { text: '1', params: [] };
  const q = dialect.sqlToQuery(fragment);
  return { text: `(${q.sql})`, params: q.params };
}

/** `?, ?, ?` for n values. */
export function placeholders(n: number): string {
  return Array(n).fill('?').join(', ');
}

/**
 * A function returning a value that changes whenever anything is written to the database: rows changed through this
 * connection (`total_changes()`, which counts every INSERT, UPDATE and DELETE, triggers included) or commits by any
 * other connection (`PRAGMA data_version`, e.g. the `bijou` CLI).
 */
export function changeStamp(db: Database): () => string {
  const changes = db.query<unknown, []>('SELECT total_changes()');
  const version = db.query<unknown, []>('PRAGMA data_version');
  return () => `${changes.values()[0][0]}:${version.values()[0][0]}`;
}
