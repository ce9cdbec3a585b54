// Table tests of the ffmpeg commands: test encodes per candidate, HLS segment encodes (seek, timestamps,
// keyframes per encoder family, segment list) and the optimization MP4.
import { describe, expect, test } from 'bun:test';
import type { EncoderChoice, HlsStreamSpec } from '../api.ts';
import { hlsArgs, optimizeArgs, progressSeconds, testEncodeArgs } from './ffmpeg-args.ts';

const devices = { vaapi: '/dev/dri/renderD129' };
/** The value after a flag, or undefined. */
const after = (args: string[], flag: string) => {
  const i = args.indexOf(flag);
  return i < 0 ? undefined : args[i + 1];
};

describe('test encodes', () => {
  test.each([
    ['software', 'h264', ['-c:v', 'libx264'], undefined],
    [
      'vaapi',
      'h264',
      ['-vaapi_device', '/dev/dri/renderD129', '-vf', 'format=nv12,hwupload'],
      '-vaapi_device',
    ],
    ['qsv', 'hevc', ['-init_hw_device', 'qsv=hw', '-c:v', 'hevc_qsv'], '-init_hw_device'],
    ['nvenc', 'h264', ['-c:v', 'h264_nvenc'], undefined],
  ] as const)(
    '%s %s opens its device before the input and encodes one second',
    (accel, codec, parts, device) => {
      const args = testEncodeArgs(accel, codec, devices);
      const joined = args.join(' ');
      for (let i = 0; i < parts.length; i += 2) expect(joined).toContain(`${parts[i]} ${parts[i + 1]}`);
      if (device) expect(args.indexOf(device)).toBeLessThan(args.indexOf('-i'));
      expect(after(args, '-t')).toBe('1');
      expect(args.slice(-3)).toEqual(['-f', 'null', '-']);
    },
  );
});

const encode: HlsStreamSpec = {
  input: '/media/a.mkv',
  boundaries: [0, 3, 6, 9, 10.5],
  video: {
    mode: 'encode',
    codec: 'h264',
    width: 1280,
    height: 720,
    bitrate: 4_000_000,
    profile: 'high',
    level: '3.1',
  },
  audio: { mode: 'encode', streamIndex: 2, bitrate: 128_000, channels: 2 },
  frameRate: 23.976,
};
const copy: HlsStreamSpec = {
  ...encode,
  boundaries: [0, 6.023, 12.023, 14],
  video: { mode: 'copy' },
  audio: { mode: 'copy', streamIndex: 1 },
};
const software: EncoderChoice = { accel: 'software', encoder: 'libx264' };
const args = (spec: HlsStreamSpec, startSegment: number, encoder = software) =>
  hlsArgs({ spec, startSegment, outDir: '/cache/hls/s/720p/run1', encoder, devices, preset: 'veryfast' });

describe('HLS encodes', () => {
  test.each([
    ['the first segment', 0, undefined, undefined, '3,6,9'],
    ['a later segment', 2, '6', '6', '9'],
    ['the last segment', 3, '9', '9', undefined],
  ])('%s: seek %p, output offset %p, cuts %p', (_what, start, ss, offset, times) => {
    const a = args(encode, start);
    expect(after(a, '-ss')).toBe(ss);
    if (ss) expect(a.indexOf('-ss')).toBeLessThan(a.indexOf('-i'));
    expect(after(a, '-output_ts_offset')).toBe(offset);
    expect(after(a, '-segment_times')).toBe(times);
    expect(after(a, '-segment_start_number')).toBe(String(start));
    expect(a).not.toContain('-copyts');
  });

  test('segments and their csv list go to the run folder as MPEG-TS', () => {
    const a = args(encode, 0);
    expect(after(a, '-segment_format')).toBe('mpegts');
    expect(after(a, '-segment_list')).toBe('/cache/hls/s/720p/run1/segments.csv');
    expect(after(a, '-segment_list_type')).toBe('csv');
    expect(a.at(-1)).toBe('/cache/hls/s/720p/run1/seg%d.ts');
  });

  test('video is scaled, held to its profile, level and bitrate; audio mapped by stream index and encoded', () => {
    const a = args(encode, 0);
    expect(after(a, '-vf')).toBe('scale=1280:720,format=yuv420p');
    expect([after(a, '-profile:v'), after(a, '-level:v'), after(a, '-b:v')]).toEqual([
      'high',
      '3.1',
      '4000000',
    ]);
    expect(a.join(' ')).toContain('-map 0:v:0 -map 0:2');
    expect([after(a, '-c:a'), after(a, '-b:a'), after(a, '-ac')]).toEqual(['aac', '128000', '2']);
  });

  test.each([
    ['software', software, 'expr:gte(t,n_forced*3)', undefined, '0'],
    ['vaapi', { accel: 'vaapi', encoder: 'h264_vaapi' }, 'expr:gte(t,n_forced*3)', undefined, undefined],
    ['nvenc', { accel: 'nvenc', encoder: 'h264_nvenc' }, undefined, '72', undefined],
    ['qsv', { accel: 'qsv', encoder: 'h264_qsv' }, undefined, '72', undefined],
  ] as const)('%s: keyframes on boundaries (forced %p, GOP %p, scene cuts %p)', (_a, enc, force, gop, sc) => {
    const a = args(encode, 1, enc);
    expect(after(a, '-force_key_frames:0')).toBe(force);
    expect(after(a, '-g:v:0')).toBe(gop);
    expect(after(a, '-sc_threshold:v:0')).toBe(sc);
    expect(after(a, '-c:v')).toBe(enc.encoder);
  });

  test('VAAPI opens its device before the input and uploads frames after scaling', () => {
    const a = args(encode, 0, { accel: 'vaapi', encoder: 'h264_vaapi' });
    expect(after(a, '-vaapi_device')).toBe('/dev/dri/renderD129');
    expect(a.indexOf('-vaapi_device')).toBeLessThan(a.indexOf('-i'));
    expect(after(a, '-vf')).toBe('scale=1280:720,format=nv12,hwupload');
  });

  test('stream copies keep source timestamps and seek just past the keyframe the segment starts on', () => {
    const a = args(copy, 1);
    expect(after(a, '-ss')).toBe('6.033');
    expect(a.join(' ')).toContain('-copyts -start_at_zero -avoid_negative_ts disabled');
    expect(a).not.toContain('-output_ts_offset');
    expect([after(a, '-c:v'), after(a, '-c:a')]).toEqual(['copy', 'copy']);
    expect(after(a, '-segment_times')).toBe('12.023');
    expect(a).not.toContain('-vf');
  });

  test('no audio track maps video only', () => {
    const a = args({ ...encode, audio: null }, 0);
    expect(a.filter((x) => x.startsWith('0:'))).toEqual(['0:v:0']);
    expect(a).not.toContain('-c:a');
  });

  test.each([-1, 4, 1.5])('segment %p is out of range', (n) => {
    expect(() => args(encode, n)).toThrow(RangeError);
  });
});

test('the optimization MP4 is fast-start with progress on stdout', () => {
  const a = optimizeArgs({
    input: '/m/a.mkv',
    output: '/c/v.partial.mp4',
    encoder: { accel: 'software', encoder: 'libx265' },
    devices,
    preset: 'fast',
    codec: 'hevc',
    size: { width: -2, height: 720 },
    videoBitrate: 3_000_000,
    audioBitrate: 192_000,
    audioChannels: 2,
  });
  expect(after(a, '-progress')).toBe('pipe:1');
  expect(after(a, '-movflags')).toBe('+faststart');
  expect(after(a, '-tag:v')).toBe('hvc1');
  expect(after(a, '-vf')).toBe('scale=-2:720,format=yuv420p');
  expect(a.slice(-3)).toEqual(['-f', 'mp4', '/c/v.partial.mp4']);
});

test.each([
  ['a progress block', 'frame=10\nout_time_us=1500000\nprogress=continue\n', 1.5],
  ['two blocks: the last wins', 'out_time_us=1000000\nout_time_ms=2000000\n', 2],
  ['no time yet', 'frame=0\nprogress=continue\n', null],
])('progressSeconds of %s', (_what, text, seconds) => {
  expect(progressSeconds(text)).toBe(seconds);
});
