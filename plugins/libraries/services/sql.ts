// Renders drizzle SQL fragments (visibility filters) to text + params for bun:sqlite's cached prepared statements.
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
