// SQL of one relevance tier of the SQLite engine: the tier's match (title keys or FTS5), type and visibility
// conditions inside the WHERE, keyset continuation, in document-id order — the FTS5 index's own order, so
// SQLite reads matches only until the page is full.
import type { SearchCursor } from '../lib/cursor.ts';
import type { Tier } from '../lib/tiers.ts';
import type { SqlPart } from './sql.ts';

/** Row of a tier query. */
export interface TierRow {
  id: number;
  type: string;
  ref: string;
  title: string;
  subtitle: string | null;
  year: number | null;
  alt: string;
  people: string;
  body: string;
  len: number;
}

export interface TierInput {
  /** The folded query. */
  key: string;
  types: string[] | null;
  visibility: SqlPart;
  after: Extract<SearchCursor, { kind: 'tier' }> | null;
  limit: number;
}

const COLUMNS = `d.id AS id, d.type AS type, d.ref_id AS ref, d.title AS title, d.subtitle AS subtitle, d.year AS year,
  d.alt_titles AS alt, d.people AS people, d.body AS body, length(d.title_key) AS len`;

/** The statement text and params of a tier. */
export function tierQuery(t: Tier, o: TierInput): SqlPart {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (text: string, ...p: unknown[]) => {
    where.push(text);
    params.push(...p);
  };
  let from = 'search_docs d';
  let order = 'd.id';
  if (t.kind === 'exact') add('(d.title_key = ? OR d.sort_key = ?)', o.key, o.key);
  else {
    from = 'search_fts JOIN search_docs d ON d.id = search_fts.rowid';
    order = 'search_fts.rowid';
    add('search_fts MATCH ?', t.match);
    // What the exact tier found (an exact title also starts with the query, which tier 1's match covers).
    if (t.tier === 1) add('d.title_key <> ? AND d.sort_key <> ?', o.key, o.key);
  }
  if (o.after && o.after.tier === t.tier) add(`${order} > ?`, o.after.id);
  // `+` keeps SQLite from choosing an index on these columns over the title key index or the FTS5 scan.
  if (o.types) add('+d.type IN (SELECT value FROM json_each(?))', JSON.stringify(o.types));
  add(o.visibility.text, ...o.visibility.params);
  return {
    text: `SELECT ${COLUMNS} FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ?`,
    params: [...params, o.limit],
  };
}
