// Renders drizzle SQL fragments (visibility filters and source hooks) to text + positional params, so they can
// be placed inside the hand-written search SQL run through bun:sqlite's cached statements.
import type { SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';

const dialect = new SQLiteSyncDialect();

export interface SqlPart {
  text: string;
  params: unknown[];
}

/** An SQL condition as text and params; `1` (true) when there is none. */
export function render(fragment: SQL | undefined): SqlPart {
  if (!fragment) return { text: '1', params: [] };
  const q = dialect.sqlToQuery(fragment);
  return { text: `(${q.sql})`, params: q.params };
}

/** Joins parts with a separator, concatenating their params in order. */
export function joinParts(parts: SqlPart[], sep: string): SqlPart {
  return { text: parts.map((p) => p.text).join(sep), params: parts.flatMap((p) => p.params) };
}
