// Table tests for sortable ids: shape, order within and across milliseconds, clock steps back, uniqueness.
import { describe, expect, test } from 'bun:test';
import { base62, sortableId } from './sortable-id.ts';

describe('base62', () => {
  test.each([
    [0, 7, '0000000'],
    [61, 2, '0z'],
    [62, 2, '10'],
    [3843, 2, 'zz'],
    [62 ** 4, 4, '0000'],
    [62 ** 4 + 63, 4, '0011'],
    [1_700_000_000_000, 7, 'Tvcokgi'],
  ])('%p in %p digits is %p', (n, width, expected) => expect(base62(n, width)).toBe(expected));
});

describe('sortableId', () => {
  test('21 URL-safe characters', () => {
    for (let i = 0; i < 1000; i++) expect(sortableId()).toMatch(/^[0-9A-Za-z]{21}$/);
  });

  test.each([
    ['same millisecond', [1_700_000_000_000, 1_700_000_000_000, 1_700_000_000_000]],
    ['later milliseconds', [1_700_000_000_001, 1_700_000_000_002, 1_800_000_000_000]],
    ['the clock stepping back keeps the order', [1_900_000_000_000, 1_800_000_000_000, 1_700_000_000_000]],
  ] as const)('%s', (_name, times) => {
    const ids = times.map((t) => sortableId(t));
    expect([...ids].sort()).toEqual(ids);
  });

  test('ids sort in creation order and never repeat', () => {
    const ids = Array.from({ length: 50_000 }, () => sortableId());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
