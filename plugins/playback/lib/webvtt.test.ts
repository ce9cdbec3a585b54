// Tests of the HLS WebVTT timestamp map.
import { expect, test } from 'bun:test';
import { mpegTsTicks, withTimestampMap } from './webvtt.ts';

test.each([
  [1.4, 126_000],
  [0, 0],
  [10, 900_000],
])('%p s is %p ticks of 90 kHz', (s, ticks) => {
  expect(mpegTsTicks(s)).toBe(ticks);
});

test.each([
  [
    'a bare header',
    'WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n',
    'WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:126000,LOCAL:00:00:00.000\n\n00:01.000 --> 00:02.000\nHi\n',
  ],
  [
    'a header with metadata',
    'WEBVTT - title\nKind: captions\n\nx',
    'WEBVTT - title\nX-TIMESTAMP-MAP=MPEGTS:126000,LOCAL:00:00:00.000\nKind: captions\n\nx',
  ],
  [
    'an old map and CRLF',
    'WEBVTT\r\nX-TIMESTAMP-MAP=MPEGTS:0,LOCAL:00:00:00.000\r\n\r\nx',
    'WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:126000,LOCAL:00:00:00.000\n\nx',
  ],
  ['a BOM', '\uFEFFWEBVTT\n\nx', 'WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:126000,LOCAL:00:00:00.000\n\nx'],
])('the map goes right after the WEBVTT line: %s', (_what, input, output) => {
  expect(withTimestampMap(input, 126_000)).toBe(output);
});

test('text that is not WebVTT is refused', () => {
  expect(() => withTimestampMap('1\n00:00:01,000 --> 00:00:02,000\nHi', 0)).toThrow('not WebVTT');
});
