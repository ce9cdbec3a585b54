// Table tests of the transcode ladder: never above the source or the client, bitrates capped, levels fitting.
import { expect, test } from 'bun:test';
import { bitrateFor, ladder } from './ladder.ts';

const base = { frameRate: 24, audioBitrate: 128_000 };
const names = (o: Parameters<typeof ladder>[0]) =>
  ladder(o).map((r) => `${r.width}x${r.height}@${Math.round(r.videoBitrate / 1000)}k L${r.levelText}`);

test.each<[string, Parameters<typeof ladder>[0], string[]]>([
  [
    '1080p source, no limits: three rungs from the top',
    { ...base, width: 1920, height: 1080, sourceBitrate: null },
    ['1920x1080@8000k L4.0', '1280x720@4000k L3.1', '854x480@2000k L3.0'],
  ],
  [
    'a 720p client cap',
    { ...base, width: 1920, height: 1080, sourceBitrate: null, maxHeight: 720 },
    ['1280x720@4000k L3.1', '854x480@2000k L3.0', '640x360@1000k L3.0'],
  ],
  [
    'a width cap keeps the aspect ratio',
    { ...base, width: 1920, height: 800, sourceBitrate: null, maxWidth: 1280 },
    ['1276x532@2433k L3.1', '1152x480@2000k L3.1', '864x360@1000k L3.0'],
  ],
  [
    'a tiny source gets one rung at its own size',
    { ...base, width: 160, height: 90, sourceBitrate: null },
    ['160x90@150k L3.0'],
  ],
  [
    'a 3 Mbit/s client limit drops to 720p',
    { ...base, width: 1920, height: 1080, sourceBitrate: null, maxBitrate: 3_000_000 },
    ['1280x720@2872k L3.1', '854x480@2000k L3.0', '640x360@1000k L3.0'],
  ],
  [
    'a low-bitrate source caps every rung at 1.5× it',
    { ...base, width: 1280, height: 720, sourceBitrate: 1_000_000 },
    ['1280x720@1500k L3.1', '640x360@1000k L3.0', '426x240@500k L3.0'],
  ],
  [
    'unknown size is treated as 1080p',
    { ...base, width: null, height: null, sourceBitrate: null, rungs: 1 },
    ['1920x1080@8000k L4.0'],
  ],
])('%s', (_what, input, expected) => {
  expect(names(input)).toEqual(expected);
});

test('no rung is ever taller than the source or the client', () => {
  for (const height of [90, 240, 481, 720, 1080, 2160])
    for (const maxHeight of [undefined, 360, 720])
      for (const r of ladder({ ...base, width: height * 2, height, sourceBitrate: null, maxHeight }))
        expect(r.height).toBeLessThanOrEqual(Math.min(height, maxHeight ?? height));
});

test.each([
  [1080, 8_000_000],
  [720, 4_000_000],
  [600, 3_000_000],
  [3240, 45_000_000],
  [180, 281_000],
  [90, 150_000],
])('bitrate for %dp is %d', (h, bps) => {
  expect(bitrateFor(h)).toBe(bps);
});
