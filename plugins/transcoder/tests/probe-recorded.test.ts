// The boot probe's pure parsing against outputs recorded from real ffmpeg runs (see fixtures/probe/README.md):
// encoder and hwaccel lists, what each failed test encode means, and the encoder chosen per codec.
import { describe, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CandidateResult } from '../api.ts';
import {
  candidatesFor,
  chooseEncoders,
  explainFailure,
  parseEncoderList,
  parseHwaccels,
} from '../lib/encoders.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dir, 'fixtures/probe', name), 'utf8');

describe('ffmpeg -encoders (recorded on a CPU-only box)', () => {
  const list = parseEncoderList(fixture('encoders.txt'));
  const names = new Set(list.map((e) => e.name));

  test('lists software and hardware H.264/HEVC encoders alike: compiled in, not proven', () => {
    for (const n of [
      'libx264',
      'libx265',
      'h264_nvenc',
      'hevc_nvenc',
      'h264_vaapi',
      'hevc_vaapi',
      'h264_qsv',
    ])
      expect(names.has(n)).toBe(true);
  });

  test('reads kinds and descriptions, and skips the legend above the rule', () => {
    expect(list.find((e) => e.name === 'aac')).toEqual({
      kind: 'audio',
      name: 'aac',
      description: 'AAC (Advanced Audio Coding)',
    });
    expect(names.has('=')).toBe(false);
    expect(list.every((e) => ['video', 'audio', 'subtitle'].includes(e.kind))).toBe(true);
  });

  test('every listed candidate of the default order is found', () => {
    const order = ['vaapi', 'qsv', 'nvenc', 'software'] as const;
    expect(candidatesFor('hevc', order, names).map((c) => [c.encoder, c.listed])).toEqual([
      ['hevc_vaapi', true],
      ['hevc_qsv', true],
      ['hevc_nvenc', true],
      ['libx265', true],
    ]);
  });
});

test('ffmpeg -hwaccels (recorded) lists the methods after the heading', () => {
  expect(parseHwaccels(fixture('hwaccels.txt'))).toEqual([
    'vdpau',
    'cuda',
    'vaapi',
    'qsv',
    'drm',
    'opencl',
    'vulkan',
  ]);
});

describe('failed test encodes', () => {
  test.each([
    [
      'nvenc-no-driver.txt',
      'NVIDIA driver not loaded (libcuda.so.1 missing)',
      '[h264_nvenc] Cannot load libcuda.so.1',
    ],
    [
      'nvenc-unsupported-device.txt',
      'GPU without NVENC (datacenter parts such as the H100 have none)',
      '[h264_nvenc] OpenEncodeSessionEx failed: unsupported device (2): (no details)',
    ],
    [
      'vaapi-no-device.txt',
      'no working VA-API device (no /dev/dri render node, or no driver for it)',
      '[AVHWDeviceContext] No VA display found for device /dev/dri/renderD128.',
    ],
    [
      'vaapi-no-profile.txt',
      'the VA-API driver cannot encode this codec',
      '[h264_vaapi] No usable encoding profile found.',
    ],
    [
      'qsv-no-device.txt',
      'no working Intel Quick Sync device (driver or /dev/dri missing)',
      'Device creation failed: -542398533.',
    ],
    ['unknown-encoder.txt', 'encoder not compiled into this ffmpeg', "Unknown encoder 'nosuch_enc'"],
  ])('%s is explained as "%s" and keeps ffmpeg’s own first line', (file, hint, firstLine) => {
    const r = explainFailure(fixture(file), 1);
    expect(r.hint).toBe(hint);
    expect(r.error.split('\n')[0]).toBe(firstLine);
    expect(r.error).not.toMatch(/0x[0-9a-f]{6,}/);
    expect(r.error).not.toContain('Error parsing global options');
  });

  test('an unknown failure keeps the text with no hint, and an empty one says the exit code', () => {
    expect(explainFailure('something odd happened\n', 1)).toEqual({
      error: 'something odd happened',
      hint: null,
    });
    expect(explainFailure('', 187)).toEqual({ error: 'ffmpeg exited with code 187', hint: null });
  });

  test('a timed-out test encode says so', () => {
    expect(explainFailure('', null, true).error).toBe('test encode timed out');
  });
});

describe('choosing encoders', () => {
  const r = (
    accel: CandidateResult['accel'],
    codec: CandidateResult['codec'],
    ok: boolean,
  ): CandidateResult => ({
    accel,
    codec,
    encoder: `${codec}_${accel}`,
    listed: true,
    ok,
    error: ok ? null : 'failed',
    hint: null,
    ms: 1,
  });

  test.each<[string, CandidateResult['accel'], CandidateResult[]]>([
    ['only software works', 'software', [r('nvenc', 'h264', false), r('software', 'h264', true)]],
    ['NVENC and QSV work, default order', 'qsv', [r('nvenc', 'h264', true), r('qsv', 'h264', true)]],
    ['VAAPI works', 'vaapi', [r('vaapi', 'h264', true), r('software', 'h264', true)]],
  ])('%s → %s', (_what, accel, results) => {
    expect(chooseEncoders(results, ['vaapi', 'qsv', 'nvenc', 'software']).h264?.accel).toBe(accel);
  });

  test('the configured order decides; software is the last resort even when not listed', () => {
    const results = [r('qsv', 'h264', true), r('nvenc', 'h264', true), r('software', 'hevc', true)];
    expect(chooseEncoders(results, ['nvenc', 'qsv'])).toEqual({
      h264: { accel: 'nvenc', encoder: 'h264_nvenc' },
      hevc: { accel: 'software', encoder: 'hevc_software' },
    });
  });

  test('nothing working means no encoder for that codec', () => {
    expect(chooseEncoders([r('software', 'h264', false)], ['software']).h264).toBeNull();
  });
});
