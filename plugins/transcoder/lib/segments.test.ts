// Table tests of the csv segment list and the serve / wait / restart decision.
import { expect, test } from 'bun:test';
import { decideSegment, parseSegmentList, type RunState } from './segments.ts';

test.each([
  ['nothing yet', '', []],
  ['two finished segments', 'seg3.ts,6.000000,9.000000\nseg4.ts,9.000000,12.000000\n', [3, 4]],
  ['a half-written last line', 'seg0.ts,0.000000,3.000000\nseg1.ts,3.00', [0]],
  ['other files', 'init.mp4,0,0\nseg2.ts,4.0,6.0\n', [2]],
])('parseSegmentList reads %s', (_what, text, indexes) => {
  expect(parseSegmentList(text).map((s) => s.index)).toEqual(indexes);
});

test('parseSegmentList keeps file, start and end', () => {
  expect(parseSegmentList('seg12.ts,36.000000,39.000000')).toEqual([
    { index: 12, file: 'seg12.ts', start: 36, end: 39 },
  ]);
});

const run = (o: Partial<RunState> = {}): RunState => ({
  stream: '720p',
  startSegment: 10,
  produced: 14,
  running: true,
  ...o,
});

test.each<[string, { index: number; done?: boolean; run: RunState | null; stream?: string }, string]>([
  ['a finished segment', { index: 3, done: true, run: null }, 'serve'],
  ['no encode at all', { index: 0, run: null }, 'restart'],
  ['the next segment of the running encode', { index: 15, run: run() }, 'wait'],
  ['a segment inside the window', { index: 22, run: run() }, 'wait'],
  ['a segment just past the window', { index: 23, run: run() }, 'restart'],
  ['a segment behind where the encode started', { index: 9, run: run() }, 'restart'],
  ['the first segment of a just-started encode', { index: 10, run: run({ produced: 9 }) }, 'wait'],
  ['a segment of another quality', { index: 15, run: run(), stream: '480p' }, 'restart'],
  ['a segment after the encode stopped', { index: 15, run: run({ running: false }) }, 'restart'],
])('%s: %s', (_what, o, action) => {
  expect(
    decideSegment({
      index: o.index,
      stream: o.stream ?? '720p',
      done: !!o.done,
      run: o.run,
      windowSegments: 8,
    }),
  ).toBe(action as never);
});
