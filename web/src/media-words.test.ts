// Table tests of codec and container names in words.
import { expect, test } from 'bun:test';
import { mediaName } from './media-words.ts';

test.each([
  ['video', 'h264', 'H.264'],
  ['video', 'hevc', 'HEVC (H.265)'],
  ['video', 'prores', 'PRORES'],
  ['audio', 'aac', 'AAC'],
  ['audio', 'ac3', 'Dolby Digital'],
  ['audio', 'eac3', 'Dolby Digital Plus'],
  ['audio', 'pcm_s16le', 'PCM'],
  ['subtitle', 'subrip', 'SRT'],
  ['subtitle', 'srt', 'SRT'],
  ['subtitle', 'hdmv_pgs_subtitle', 'PGS'],
  ['container', 'mkv', 'MKV'],
  ['container', 'matroska', 'MKV'],
  ['container', 'mp4', 'MP4'],
] as const)('%s %s → %s', (kind, name, words) => {
  expect(mediaName(kind, name)).toBe(words);
});
