// Tests for the page cache: hits, staleness by stamp, LRU eviction by bytes.
import { describe, expect, test } from 'bun:test';
import { PageCache } from './page-cache.ts';

function counter() {
  const calls: string[] = [];
  const build = (body: string) => () => {
    calls.push(body);
    return body;
  };
  return { calls, build };
}

describe('PageCache', () => {
  test('a second request for the same key under the same stamp is served without building', () => {
    const c = new PageCache(() => 1);
    const { calls, build } = counter();
    expect(c.get('a', build('A1'))).toBe('A1');
    expect(c.get('a', build('A2'))).toBe('A1');
    expect(calls).toEqual(['A1']);
  });

  test('different keys never share a page', () => {
    const c = new PageCache(() => 1);
    const { build } = counter();
    expect(c.get('a', build('A'))).toBe('A');
    expect(c.get('b', build('B'))).toBe('B');
  });

  test('a changed stamp empties the cache and the page is built again', () => {
    let stamp = 1;
    const c = new PageCache(() => stamp);
    const { calls, build } = counter();
    c.get('a', build('A1'));
    c.get('b', build('B1'));
    stamp = 2;
    expect(c.keys()).toEqual(['a', 'b']);
    expect(c.get('a', build('A2'))).toBe('A2');
    expect(c.keys()).toEqual(['a']);
    expect(calls).toEqual(['A1', 'B1', 'A2']);
  });

  test('a page whose build changed the stamp is returned but not kept', () => {
    let stamp = 1;
    const c = new PageCache(() => stamp);
    const { calls, build } = counter();
    c.get('a', () => {
      stamp += 1;
      return 'A1';
    });
    expect(c.get('a', build('A2'))).toBe('A2');
    expect(calls).toEqual(['A2']);
  });

  test.each([
    // [budget, pages written in order, keys still held afterwards]
    [10, ['a', 'b'], ['a', 'b']],
    [10, ['a', 'b', 'c'], ['b', 'c']],
    [4, ['a', 'b', 'c'], ['c']],
    [3, ['a'], []],
  ])('budget %p bytes after writing %p of 4 bytes holds %p', (budget, keys, held) => {
    const c = new PageCache(() => 1, budget);
    for (const k of keys) c.get(k, () => k.repeat(4));
    expect(c.keys()).toEqual(held);
  });

  test('reading a page makes it the most recently used, so the least recent one is evicted', () => {
    const c = new PageCache(() => 1, 8);
    c.get('a', () => 'aaaa');
    c.get('b', () => 'bbbb');
    c.get('a', () => 'x');
    c.get('c', () => 'cccc');
    expect(c.get('a', () => 'rebuilt')).toBe('aaaa');
    expect(c.get('b', () => 'rebuilt')).toBe('rebuilt');
  });
});

test('Blob pages are budgeted by their size in bytes', () => {
  const c = new PageCache<Blob>(() => 1, 10);
  c.get('a', () => new Blob(['éééé'])); // 8 bytes in UTF-8
  c.get('b', () => new Blob(['bb']));
  expect(c.keys()).toEqual(['a', 'b']);
  c.get('c', () => new Blob(['c']));
  expect(c.keys()).toEqual(['b', 'c']);
});
