// Table tests of cursor paging: the URL of each page, and collecting every page of a list until nextCursor is null.
import { describe, expect, test } from 'bun:test';
import type { Page } from './api.ts';
import { allPages, withCursor } from './paging.ts';

describe('withCursor', () => {
  test.each([
    ['/v1/libraries?limit=100', null, '/v1/libraries?limit=100'],
    ['/v1/libraries?limit=100', 'eyJu=', '/v1/libraries?limit=100&cursor=eyJu%3D'],
    ['/v1/libraries', 'a b&c', '/v1/libraries?cursor=a%20b%26c'],
  ] as const)('%s with cursor %p → %s', (path, cursor, url) => {
    expect(withCursor(path, cursor)).toBe(url);
  });
});

/** A fake list route: `pages` in order, each page's nextCursor naming the next one. */
function fakeRoute(pages: number[][]) {
  const asked: (string | null)[] = [];
  const fetchPage = async (cursor: string | null): Promise<Page<number>> => {
    asked.push(cursor);
    const i = cursor === null ? 0 : Number(cursor.slice(1));
    return { items: pages[i], nextCursor: i + 1 < pages.length ? `p${i + 1}` : null };
  };
  return { asked, fetchPage };
}

describe('allPages', () => {
  test.each([
    ['one page', [[1, 2]], [1, 2], [null]],
    ['an empty list', [[]], [], [null]],
    ['three pages', [[1, 2], [3, 4], [5]], [1, 2, 3, 4, 5], [null, 'p1', 'p2']],
  ] as const)('%s: every item, each page asked once in order', async (_what, pages, items, asked) => {
    const route = fakeRoute(pages.map((p) => [...p]));
    expect(await allPages(route.fetchPage)).toEqual([...items]);
    expect(route.asked).toEqual([...asked]);
  });

  test('a server that hands back a cursor it gave before is an error, not an endless loop', async () => {
    const looping = async (): Promise<Page<number>> => ({ items: [1], nextCursor: 'same' });
    await expect(allPages(looping)).rejects.toThrow('repeated');
  });
});
