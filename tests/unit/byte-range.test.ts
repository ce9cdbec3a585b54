// Table tests of Range parsing and If-Range.
import { expect, test } from 'bun:test';
import { ifRangeMatches, parseRange } from '../../core/src/http/byte-range.ts';

test.each<[string | null, string, number | null, number | null]>([
  [null, 'full', null, null],
  ['bytes=0-1', 'partial', 0, 1],
  ['bytes=10-', 'partial', 10, 99],
  ['bytes=90-500', 'partial', 90, 99],
  ['bytes=-10', 'partial', 90, 99],
  ['bytes=-1000', 'partial', 0, 99],
  ['bytes=99-99', 'partial', 99, 99],
  ['bytes=100-', 'unsatisfiable', null, null],
  ['bytes=100-200', 'unsatisfiable', null, null],
  ['bytes=-0', 'unsatisfiable', null, null],
  ['bytes=5-1', 'full', null, null],
  ['bytes=0-1,5-6', 'full', null, null],
  ['items=0-1', 'full', null, null],
  ['bytes=-', 'full', null, null],
  ['garbage', 'full', null, null],
])('Range %p of 100 bytes is %s (%p–%p)', (header, kind, start, end) => {
  const expected = kind === 'partial' ? { kind, start, end } : { kind };
  expect(parseRange(header, 100)).toEqual(expected as never);
});

test('any range of an empty file is unsatisfiable', () => {
  expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
});

const v = { etag: '"abc-1"', lastModified: 'Mon, 23 Nov 2026 10:00:00 GMT' };
test.each([
  [null, true],
  ['"abc-1"', true],
  ['"other"', false],
  ['W/"abc-1"', false],
  ['Mon, 23 Nov 2026 10:00:00 GMT', true],
  ['Tue, 24 Nov 2026 10:00:00 GMT', false],
])('If-Range %p matches: %p', (value, ok) => {
  expect(ifRangeMatches(value, v)).toBe(ok);
});
