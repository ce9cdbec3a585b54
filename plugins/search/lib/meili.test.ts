// Table tests for Meilisearch filter building and reading highlighted `_formatted` values.
import { describe, expect, test } from 'bun:test';
import { parseMarked } from './marks.ts';
import { allOf, type MeiliVisibility, quote, typesFilter, visibilityFilter } from './meili-filter.ts';

describe('quote', () => {
  test.each([
    ['abc', '"abc"'],
    ['a"b', '"a\\"b"'],
    ['a\\b', '"a\\\\b"'],
    ['lib|PG-13', '"lib|PG-13"'],
  ])('%p → %p', (v, out) => expect(quote(v)).toBe(out));
});

describe('visibilityFilter', () => {
  test.each<[string, MeiliVisibility, string | null]>([
    ['everything', { library: 'all', sources: [] }, 'source = "libraries"'],
    [
      'everything plus a source',
      { library: 'all', sources: ['podcasts'] },
      '(source = "libraries") OR (source IN ["podcasts"])',
    ],
    [
      'groups and keys',
      { library: { groups: ['l1|PG', 'l1|'], keys: ['m9'] }, sources: [] },
      '(source = "libraries" AND (visGroups IN ["l1|PG", "l1|"] OR visKeys IN ["m9"]))',
    ],
    [
      'groups only',
      { library: { groups: ['l1|G'], keys: [] }, sources: [] },
      '(source = "libraries" AND (visGroups IN ["l1|G"]))',
    ],
    ['nothing', { library: { groups: [], keys: [] }, sources: [] }, null],
    ['only a source', { library: { groups: [], keys: [] }, sources: ['podcasts'] }, 'source IN ["podcasts"]'],
  ])('%s', (_name, v, out) => expect(visibilityFilter(v)).toBe(out));
});

describe('typesFilter and allOf', () => {
  test.each([
    [null, undefined],
    [['movie', 'show'], 'type IN ["movie", "show"]'],
  ] as const)('types %p → %p', (types, out) => expect(typesFilter(types as string[] | null)).toBe(out));

  test.each([
    [['a', undefined], 'a'],
    [['a', 'b'], '(a) AND (b)'],
  ] as const)('%p → %p', (parts, out) => expect(allOf([...parts])).toBe(out));
});

describe('parseMarked', () => {
  test.each([
    ['The \u0002Matrix\u0003', 'The Matrix', [[4, 10]]],
    ['\u0002Amé\u0003lie', 'Amélie', [[0, 3]]],
    ['no marks', 'no marks', []],
    [
      '\u0002a\u0003 \u0002b\u0003',
      'a b',
      [
        [0, 1],
        [2, 3],
      ],
    ],
    ['<em>x</em>', '<em>x</em>', []],
  ])('%p', (marked, text, ranges) =>
    expect(parseMarked(marked)).toEqual({ text, ranges: ranges.map(([start, end]) => ({ start, end })) }),
  );
});
