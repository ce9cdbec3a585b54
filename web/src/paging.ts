// Cursor paging of the API's list routes: the URL of a page, and following `nextCursor` to the end. The fetching is
// handed in, so this holds no IO.
import type { Page } from './api.ts';

/** `path` (which may carry a query already) asking for the page after `cursor`; the first page for null. */
export function withCursor(path: string, cursor: string | null): string {
  if (cursor === null) return path;
  return `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`;
}

/**
 * Every item of a paged list: asks `fetchPage` for the first page, then for the page after each `nextCursor` until
 * it is null. A cursor handed back twice throws, so a misbehaving server cannot keep the client looping.
 */
export async function allPages<T>(fetchPage: (cursor: string | null) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  const asked = new Set<string>();
  let cursor: string | null = null;
  do {
    const page: Page<T> = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor;
    if (cursor !== null) {
      if (asked.has(cursor)) throw new Error(`the server repeated the page cursor ${cursor}`);
      asked.add(cursor);
    }
  } while (cursor !== null);
  return items;
}
