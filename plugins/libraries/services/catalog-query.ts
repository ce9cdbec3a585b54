// Catalog lists: filters, sorts and keyset pagination in one SQL query, with visibility filters inside the WHERE.
import type { Database } from 'bun:sqlite';
import { decodeCursor, encodeCursor, HttpError } from '@bijou/sdk';
import { sortTitleOf } from '../lib/identity.ts';

export type SortKey = 'title' | 'year' | 'added' | 'rating' | 'runtime';
export interface ListFilters {
  kind: 'movie' | 'show';
  profileId: string;
  /** The viewer's visibility filters, rendered (`renderCondition`). */
  visibility: { text: string; params: unknown[] };
  libraryId?: string;
  /** Any of these genres (matched trimmed, ignoring case). */
  genre?: string[];
  yearFrom?: number;
  yearTo?: number;
  contentRating?: string[];
  resolution?: '2160p' | '1080p' | '720p' | 'sd';
  codec?: string;
  hdr?: string;
  watched?: boolean;
  text?: string;
  sort: SortKey;
  order: 'asc' | 'desc';
  cursor?: string;
  limit: number;
}

// What each sort orders by, before the id. Titles sort by sort_key, the sort title with its numbers padded ("film 2"
// before "film 10", lib/sort-key.ts); a sort by year, rating or runtime breaks ties by it too, so equal ratings come
// in title order, not in the order the scan wrote them (added keeps the id: ids sort by creation time). Each sort's
// partial index (schema.ts) holds these columns after the kind, in this order, then the id; every column takes the
// list's order, so descending is the exact reverse of ascending and one index serves both.
interface SortColumn {
  sql: string;
  /**
   * A number (else text), as a cursor must hold it. The numeric ones are COALESCE expressions, and SQLite seeks in an
   * index to a row value only over plain columns: a cursor's keyset also bounds such a first column on its own.
   */
  numeric: boolean;
}
const TITLE: SortColumn = { sql: 'libraries_items.sort_key', numeric: false };
const number = (sql: string): SortColumn => ({ sql, numeric: true });
const SORT_COLUMNS: Record<SortKey, readonly SortColumn[]> = {
  title: [TITLE],
  year: [number('COALESCE(libraries_items.year, 0)'), TITLE],
  added: [{ sql: 'libraries_items.added_at', numeric: false }],
  rating: [number('COALESCE(libraries_items.rating, -1)'), TITLE],
  runtime: [number('COALESCE(libraries_items.runtime_minutes, 0)'), TITLE],
};
const RES: Record<NonNullable<ListFilters['resolution']>, string> = {
  '2160p': 'f.height >= 2000 OR f.width >= 3200',
  '1080p': '(f.height >= 1000 OR f.width >= 1800) AND f.height < 2000 AND f.width < 3200',
  '720p': '(f.height >= 700 OR f.width >= 1200) AND f.height < 1000 AND f.width < 1800',
  sd: 'f.height < 700 AND f.width < 1200',
};
const WATCHED = `EXISTS (SELECT 1 FROM libraries_watch_state w WHERE w.item_id = libraries_items.id AND w.profile_id = ? AND w.watched = 1)`;
const SHOW_WATCHED = `NOT EXISTS (SELECT 1 FROM libraries_items e WHERE e.show_id = libraries_items.id AND e.kind = 'episode' AND e.missing = 0
  AND NOT EXISTS (SELECT 1 FROM libraries_watch_state w WHERE w.item_id = e.id AND w.profile_id = ? AND w.watched = 1))`;

// The file filters (resolution, codec, HDR) ask for one present main file meeting them all — of the movie, or of a
// present episode of the show — so `codec=hevc&hdr=hdr10` does not list a title whose HEVC file is SDR and whose
// HDR file is H.264, and a file gone from disk (a missing episode's) does not count.
function fileCondition(kind: 'movie' | 'show', conds: string[]): string {
  const cond = conds.map((c) => `(${c})`).join(' AND ');
  return kind === 'movie'
    ? `EXISTS (SELECT 1 FROM libraries_files f WHERE f.item_id = libraries_items.id AND f.role = 'main' AND f.missing_since IS NULL AND ${cond})`
    : `EXISTS (SELECT 1 FROM libraries_items e JOIN libraries_files f ON f.item_id = e.id WHERE e.show_id = libraries_items.id AND e.missing = 0 AND f.role = 'main' AND f.missing_since IS NULL AND ${cond})`;
}

/** `%text%` for LIKE … ESCAPE '\\', with LIKE's own wildcards in the text taken literally. */
function likePattern(text: string): string {
  return `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}

/** Builds WHERE text and params for the filters (without the cursor). */
export function whereOf(f: Omit<ListFilters, 'sort' | 'order' | 'cursor' | 'limit'>): {
  text: string;
  params: unknown[];
} {
  // The kind is written into the SQL (it is one of two constants) so SQLite can use the per-kind partial sort
  // indexes, which apply only when the query itself says `kind = 'movie'` (or 'show').
  if (f.kind !== 'movie' && f.kind !== 'show') throw new Error(`unknown list kind ${String(f.kind)}`);
  const parts = [`libraries_items.kind = '${f.kind}'`, 'libraries_items.missing = 0'];
  const params: unknown[] = [];
  const add = (text: string, ...p: unknown[]) => {
    parts.push(text);
    params.push(...p);
  };
  // Text filters count without the spaces around them (a search box's stray space); only spaces is no filter.
  const genres = [...new Set((f.genre ?? []).map((g) => g.trim().toLowerCase()).filter(Boolean))];
  const codec = f.codec?.trim();
  const hdr = f.hdr?.trim();
  const text = f.text?.trim();
  if (f.libraryId) add('libraries_items.library_id = ?', f.libraryId);
  if (genres.length)
    add(
      `EXISTS (SELECT 1 FROM libraries_item_genres g WHERE g.item_id = libraries_items.id AND g.genre IN (${genres.map(() => '?').join(', ')}))`,
      ...genres,
    );
  if (f.yearFrom !== undefined) add('libraries_items.year >= ?', f.yearFrom);
  if (f.yearTo !== undefined) add('libraries_items.year <= ?', f.yearTo);
  if (f.contentRating?.length)
    add(
      `libraries_items.content_rating COLLATE NOCASE IN (${f.contentRating.map(() => '?').join(', ')})`,
      ...f.contentRating,
    );
  const file: string[] = [];
  const fileParams: unknown[] = [];
  if (f.resolution) file.push(RES[f.resolution]);
  if (codec) {
    file.push('lower(f.video_codec) = lower(?)');
    fileParams.push(codec);
  }
  if (hdr?.toLowerCase() === 'sdr') file.push('f.hdr IS NULL AND f.video_codec IS NOT NULL');
  else if (hdr) {
    file.push('lower(f.hdr) = lower(?)');
    fileParams.push(hdr);
  }
  if (file.length) add(fileCondition(f.kind, file), ...fileParams);
  if (f.watched !== undefined) {
    const w = f.kind === 'movie' ? WATCHED : SHOW_WATCHED;
    add(f.watched ? w : `NOT ${w}`, f.profileId);
  }
  if (text) {
    // sort_title is the title folded (lower case, accents and Unicode form gone, punctuation to spaces), so the
    // query folded the same way finds "Amélie" by "amelie" and an NFD-named folder by an NFC query; the raw
    // title and original title still match text that folding loses (a leading article, punctuation).
    const like = likePattern(text);
    const folded = sortTitleOf(text);
    const matches = ['title', 'original_title', ...(folded ? ['sort_title'] : [])]
      .map((c) => `libraries_items.${c} LIKE ? ESCAPE '\\'`)
      .join(' OR ');
    add(`(${matches})`, like, like, ...(folded ? [likePattern(folded)] : []));
  }
  add(f.visibility.text, ...f.visibility.params);
  return { text: parts.join(' AND '), params };
}

// A cursor names the sort and order it was made for: its keys mean nothing under another sort (a title compared
// with years gives an empty or wrong page), so a cursor used with another is refused, as a tampered one is.
const CURSOR_SIZES = [...new Set(Object.values(SORT_COLUMNS).map((c) => c.length + 3))];

/** The cursor of the page after the row with sort keys `keys` (one per sort column) and id `id`. */
export function listCursor(
  f: Pick<ListFilters, 'sort' | 'order'>,
  keys: readonly (string | number)[],
  id: string,
): string {
  return encodeCursor([f.sort, f.order, ...keys, id]);
}

/** The sort keys and id a cursor continues after; a 400 for a cursor of another sort or order, or a tampered one. */
function cursorOf(f: ListFilters): unknown[] | null {
  const c = decodeCursor(f.cursor, CURSOR_SIZES);
  if (!c) return null;
  const [sort, order, ...after] = c;
  if (sort !== f.sort || order !== f.order)
    throw new HttpError(
      400,
      'Invalid cursor: it was made for another sort or order; start again without one',
    );
  const columns = SORT_COLUMNS[f.sort];
  const keysOk =
    after.length === columns.length + 1 &&
    columns.every((col, i) => (col.numeric ? Number.isFinite(after[i]) : typeof after[i] === 'string'));
  if (!keysOk || typeof after[columns.length] !== 'string') throw new HttpError(400, 'Invalid cursor');
  return after;
}

/**
 * The SQL of one page (one row more than the limit tells whether there is a next page): statements to run in turn
 * until the page is full. After a cursor a sort whose first column is an expression (year, rating, runtime) takes two:
 * the rest of the cursor's tie group (that value, then title and id past the cursor's), then the values past it. One
 * row value over all columns would read the tie group from its start on every page (SQLite seeks with a row value
 * over plain index columns only), and a deep page of 40,000 unrated movies cost 12 ms instead of under one.
 */
export function listSql(f: ListFilters): { text: string; params: unknown[] }[] {
  const where = whereOf(f);
  const [first] = SORT_COLUMNS[f.sort];
  const columns = [...SORT_COLUMNS[f.sort].map((col) => col.sql), 'libraries_items.id'];
  const cmp = f.order === 'asc' ? '>' : '<';
  const dir = f.order === 'asc' ? 'ASC' : 'DESC';
  const keys = columns
    .slice(0, -1)
    .map((col, i) => `, ${col} AS k${i}`)
    .join('');
  // Within one value of the first column the order is that of the others (an expression fixed by equality is not
  // recognised as such, and ordering by it too would sort in a temp b-tree).
  const page = (keyset: string, after: unknown[], order = columns) => ({
    text: `SELECT libraries_items.id AS id${keys} FROM libraries_items WHERE ${where.text}${keyset}
    ORDER BY ${order.map((col) => `${col} ${dir}`).join(', ')} LIMIT ?`,
    params: [...where.params, ...after, f.limit + 1],
  });
  const c = cursorOf(f);
  if (!c) return [page('', [])];
  const row = (cols: string[]) => `(${cols.join(', ')}) ${cmp} (${cols.map(() => '?').join(', ')})`;
  if (!first.numeric) return [page(` AND ${row(columns)}`, c)];
  const [value, ...tail] = c;
  const others = columns.slice(1);
  return [
    page(` AND ${first.sql} = ? AND ${row(others)}`, [value, ...tail], others),
    page(` AND ${first.sql} ${cmp} ?`, [value]),
  ];
}

/** One page of item ids in order, and the cursor of the next page. */
export function listIds(db: Database, f: ListFilters): { ids: string[]; nextCursor: string | null } {
  const rows: (Record<string, string | number> & { id: string })[] = [];
  for (const sql of listSql(f)) {
    if (rows.length > f.limit) break;
    rows.push(
      ...db.query<Record<string, string | number> & { id: string }, any[]>(sql.text).all(...sql.params),
    );
  }
  const more = rows.length > f.limit;
  const page = more ? rows.slice(0, f.limit) : rows;
  const last = page[page.length - 1];
  const keys = last ? SORT_COLUMNS[f.sort].map((_, i) => last[`k${i}`]) : [];
  return { ids: page.map((r) => r.id), nextCursor: more && last ? listCursor(f, keys, last.id) : null };
}
