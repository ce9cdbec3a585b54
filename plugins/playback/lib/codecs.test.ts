// Table tests of codec names, H.264 levels and CODECS strings.
import { expect, test } from 'bun:test';
import {
  audioCodecString,
  avcCodecString,
  h264Level,
  hevcCodecString,
  isTextSubtitle,
  levelText,
  normCodec,
  normContainer,
} from './codecs.ts';

test.each([
  ['M4V', 'mp4'],
  ['.mkv', 'mkv'],
  ['matroska', 'mkv'],
  ['m2ts', 'ts'],
  ['constructor', 'constructor'],
  [null, null],
])('container %p is %p', (c, expected) => {
  expect(normContainer(c)).toBe(expected);
});

test.each([
  ['AVC1', 'h264'],
  ['h265', 'hevc'],
  ['hev1', 'hevc'],
  ['E-AC-3', 'eac3'],
  ['subrip', 'srt'],
  ['opus', 'opus'],
  ['__proto__', '__proto__'],
])('codec %p is %p', (c, expected) => {
  expect(normCodec(c)).toBe(expected);
});

test.each([
  [640, 360, 30, 30],
  [720, 480, 30, 30],
  [854, 480, 30, 31],
  [854, 480, 24, 30],
  [1280, 720, 30, 31],
  [1280, 720, 60, 32],
  [1920, 1080, 24, 40],
  [1920, 1080, 60, 42],
  [2560, 1440, 30, 50],
  [3840, 2160, 30, 51],
  [3840, 2160, 60, 52],
  [7680, 4320, 60, 52],
  [1280, 720, null, 31],
])('%dx%d at %p fps needs level %p', (w, h, fps, level) => {
  expect(h264Level(w, h, fps)).toBe(level);
});

test.each([
  [30, '3.0'],
  [31, '3.1'],
  [52, '5.2'],
])('level %p is written %p', (level, text) => {
  expect(levelText(level)).toBe(text);
});

test.each([
  ['High', 40, 'avc1.640028'],
  ['High', 41, 'avc1.640029'],
  ['high', 30, 'avc1.64001e'],
  ['Main', 31, 'avc1.4d401f'],
  ['Constrained Baseline', 30, 'avc1.42e01e'],
  ['Baseline', 30, 'avc1.42001e'],
  ['High 10', 51, 'avc1.6e0033'],
  [null, null, 'avc1.640028'],
])('H.264 %p level %p is %p', (profile, level, codec) => {
  expect(avcCodecString(profile, level)).toBe(codec);
});

test.each([
  ['Main', 120, 'hvc1.1.6.L120.B0'],
  ['Main 10', 150, 'hvc1.2.4.L150.B0'],
  [null, null, 'hvc1.1.6.L120.B0'],
])('HEVC %p level %p is %p', (profile, level, codec) => {
  expect(hevcCodecString(profile, level)).toBe(codec);
});

test.each([
  ['aac', null, 'mp4a.40.2'],
  ['aac', 'HE-AAC', 'mp4a.40.5'],
  ['mp3', null, 'mp4a.40.34'],
  ['ac3', null, 'ac-3'],
  ['eac3', null, 'ec-3'],
  ['flac', null, 'fLaC'],
  ['opus', null, 'Opus'],
  ['dts', null, null],
])('audio %p (%p) is %p', (codec, profile, expected) => {
  expect(audioCodecString(codec, profile)).toBe(expected);
});

test.each([
  ['srt', true, true],
  ['ass', true, true],
  ['sub', true, false],
  ['subrip', false, true],
  ['mov_text', false, true],
  ['hdmv_pgs_subtitle', false, false],
  ['dvd_subtitle', false, false],
  [null, false, false],
])('subtitle %p (external %p) is text: %p', (codec, external, text) => {
  expect(isTextSubtitle(codec, external)).toBe(text);
});
