// Table tests of the encoder-list parsing, candidate naming and ordering.
import { expect, test } from 'bun:test';
import {
  candidatesFor,
  encoderName,
  parseEncoderList,
  parseFfmpegVersion,
  parseHwaccels,
} from './encoders.ts';

test.each([
  ['software', 'h264', 'libx264'],
  ['software', 'hevc', 'libx265'],
  ['vaapi', 'h264', 'h264_vaapi'],
  ['qsv', 'hevc', 'hevc_qsv'],
  ['nvenc', 'h264', 'h264_nvenc'],
] as const)('the %s encoder for %s is %s', (accel, codec, name) => {
  expect(encoderName(accel, codec)).toBe(name);
});

test.each([
  ['an empty text', '', []],
  [
    'a list after the rule',
    'Encoders:\n V..... = Video\n ------\n V....D libx264   libx264 H.264\n A..... aac  AAC\n S..... ass  ASS\n',
    ['video libx264', 'audio aac', 'subtitle ass'],
  ],
  ['lines that are not encoders', ' ------\nfoo\n  V..... \n', []],
])('parseEncoderList reads %s', (_what, text, expected) => {
  expect(parseEncoderList(text).map((e) => `${e.kind} ${e.name}`)).toEqual(expected);
});

test.each([
  ['the usual heading', 'Hardware acceleration methods:\nvdpau\ncuda\n\n', ['vdpau', 'cuda']],
  ['no methods', 'Hardware acceleration methods:\n', []],
  ['noise around', 'junk line\nHardware acceleration methods:\nvaapi\nnot a method!\n', ['vaapi']],
])('parseHwaccels reads %s', (_what, text, expected) => {
  expect(parseHwaccels(text)).toEqual(expected);
});

test.each([
  ['ffmpeg version 5.1.9-0+deb12u1 Copyright (c) 2000-2026', '5.1.9-0+deb12u1'],
  ['ffmpeg version n7.1 Copyright', 'n7.1'],
  ['not ffmpeg', null],
])('parseFfmpegVersion(%p) is %p', (text, version) => {
  expect(parseFfmpegVersion(text)).toBe(version);
});

test('candidates follow the configured order, add software last, and mark what ffmpeg does not list', () => {
  const listed = new Set(['h264_nvenc', 'libx264']);
  expect(candidatesFor('h264', ['nvenc', 'vaapi'], listed)).toEqual([
    { accel: 'nvenc', encoder: 'h264_nvenc', listed: true },
    { accel: 'vaapi', encoder: 'h264_vaapi', listed: false },
    { accel: 'software', encoder: 'libx264', listed: true },
  ]);
});
