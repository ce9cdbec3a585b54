// Table tests of reading ffprobe's compact output of the first video stream.
import { expect, test } from 'bun:test';
import { parseInspection } from './inspect.ts';

const OUT = [
  'packet|pts_time=10.023000|flags=K_',
  'packet|pts_time=10.065000|flags=__',
  'packet|pts_time=12.023000|flags=K_',
  'packet|pts_time=N/A|flags=K_',
  'packet|pts_time=11.000000|flags=K_',
  'stream|codec_name=h264|profile=High|level=40|r_frame_rate=24000/1001|avg_frame_rate=24000/1001',
  'format|start_time=10.000000',
].join('\n');

test('keyframes are made relative to the start time and sorted; other packets are ignored', () => {
  expect(parseInspection(OUT, true).keyframes).toEqual([0.023, 1, 2.023]);
});

test('the video facts and the start time are read', () => {
  const r = parseInspection(OUT, false);
  expect(r).toEqual({
    startTime: 10,
    video: { codec: 'h264', profile: 'High', level: 40, frameRate: 23.976 },
    keyframes: null,
  });
});

test.each([
  ['no output', '', { startTime: 0, video: null, keyframes: [] }],
  [
    'an unknown profile and level',
    'stream|codec_name=mpeg4|profile=unknown|level=-99|r_frame_rate=0/0|avg_frame_rate=0/0',
    { startTime: 0, video: { codec: 'mpeg4', profile: null, level: null, frameRate: null }, keyframes: [] },
  ],
])('%s', (_what, text, expected) => {
  expect(parseInspection(text, true)).toEqual(expected as never);
});
