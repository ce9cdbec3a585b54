// Table tests of VOD segment boundaries and the segment holding a position.
import { expect, test } from 'bun:test';
import { equalBoundaries, keyframeBoundaries, segmentAt } from './segments.ts';

test.each([
  ['whole segments', 9, 3, [0, 3, 6, 9]],
  ['a shorter last segment', 10, 3, [0, 3, 6, 9, 10]],
  ['a sliver at the end joins the last segment', 9.05, 3, [0, 3, 6, 9.05]],
  ['shorter than one segment', 2, 3, [0, 2]],
  ['no duration', 0, 3, [0, 0]],
])('equalBoundaries: %s', (_what, duration, len, expected) => {
  expect(equalBoundaries(duration, len)).toEqual(expected);
});

test.each([
  [
    'cuts on the first keyframe at least the target after the last cut',
    20,
    [0, 1, 2.5, 4, 6.2, 8, 13, 19.95],
    6,
    [0, 6.2, 13, 20],
  ],
  [
    'keyframes every second, target 2',
    10,
    [0.023, 1.023, 2.023, 3.023, 4.023, 5.023, 6.023, 7.023, 8.023, 9.023],
    2,
    [0, 2.023, 4.023, 6.023, 8.023, 10],
  ],
  ['unsorted keyframes are sorted', 10, [6, 3], 3, [0, 3, 6, 10]],
  ['no keyframes falls back to equal lengths', 10, [], 4, [0, 4, 8, 10]],
  ['unknown keyframes fall back too', 10, null, 5, [0, 5, 10]],
])('keyframeBoundaries: %s', (_what, duration, keys, target, expected) => {
  expect(keyframeBoundaries(duration, keys, target)).toEqual(expected);
});

test.each([
  [0, 0],
  [2.99, 0],
  [3, 1],
  [9.5, 3],
  [10, 3],
  [99, 3],
  [-1, 0],
])('position %p is in segment %p of [0, 3, 6, 9, 10]', (position, index) => {
  expect(segmentAt([0, 3, 6, 9, 10], position)).toBe(index);
});
