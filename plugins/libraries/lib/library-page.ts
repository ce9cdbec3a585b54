// One cursor page of the library list, by name then id. Every library is loaded to list them (a server has a
// handful), so the page is cut in memory; the cursor is the name and id of the last library shown.
import { decodeCursor, toPage } from '@bijou/sdk';

type Key = [string, string];

// Code-unit order, the same for sorting and for finding the rows after a cursor.
function compare(a: Key, b: Key): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  return 0;
}

/** The `limit` libraries after `cursor` (first page without one), mapped by `view`, and the next cursor. */
export function libraryPage<R extends { id: string; name: string }, I>(
  rows: readonly R[],
  cursor: string | undefined,
  limit: number,
  view: (row: R) => I,
): { items: I[]; nextCursor: string | null } {
  const after = decodeCursor(cursor, 2)?.map(String) as Key | undefined;
  const key = (r: R): Key => [r.name, r.id];
  const sorted = rows.toSorted((a, b) => compare(key(a), key(b)));
  const rest = after ? sorted.filter((r) => compare(key(r), after) > 0) : sorted;
  return toPage(rest, limit, key, view);
}
