// libraryPage: libraries by name then id, cut into cursor pages that together hold each library once.
import { describe, expect, test } from 'bun:test';
import { encodeCursor } from '@bijou/sdk';
import { libraryPage } from './library-page.ts';

const libs = [
  { id: 'c', name: 'Movies' },
  { id: 'a', name: 'Shows' },
  { id: 'b', name: 'Movies' },
  { id: 'd', name: 'Kids' },
];
const ids = (page: { items: { id: string }[] }) => page.items.map((l) => l.id);
const same = <T>(r: T) => r;

describe('libraryPage', () => {
  test.each([
    ['everything on one page', undefined, 20, ['d', 'b', 'c', 'a'], null],
    ['the first page', undefined, 2, ['d', 'b'], ['Movies', 'b']],
    ['after a cursor', encodeCursor(['Movies', 'b']), 2, ['c', 'a'], null],
    ['after the last library', encodeCursor(['Shows', 'a']), 2, [], null],
    ['after a name no library has any more', encodeCursor(['Lost', 'z']), 1, ['b'], ['Movies', 'b']],
  ])('%s', (_name, cursor, limit, expected, next) => {
    const page = libraryPage(libs, cursor, limit, same);
    expect(ids(page)).toEqual(expected);
    expect(page.nextCursor).toBe(next ? encodeCursor(next) : null);
  });

  test('following the cursors gives every library once, in order', () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = libraryPage(libs, cursor, 1, same);
      seen.push(...ids(page));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(['d', 'b', 'c', 'a']);
  });

  test('a malformed cursor is a 400', () => {
    expect(() => libraryPage(libs, 'zzz', 2, same)).toThrow('Invalid cursor');
  });

  test('rows are mapped and the input is left in its order', () => {
    const page = libraryPage(libs, undefined, 1, (l) => l.name);
    expect(page.items).toEqual(['Kids']);
    expect(libs.map((l) => l.id)).toEqual(['c', 'a', 'b', 'd']);
  });
});
