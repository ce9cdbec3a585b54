// Table tests of library statistics in words: breakdown keys as people say them, their order, and item counts.
import { describe, expect, test } from 'bun:test';
import { breakdownText, itemCounts, statKey } from './stats-words.ts';

describe('statKey', () => {
  test.each([
    ['resolution', '2160p', '4K'],
    ['resolution', '1080p', '1080p'],
    ['resolution', 'sd', 'SD'],
    ['hdr', 'sdr', 'SDR'],
    ['hdr', 'HDR10', 'HDR10'],
    ['hdr', 'Dolby Vision', 'Dolby Vision'],
    ['codec', 'h264', 'H.264'],
    ['codec', 'hevc', 'HEVC (H.265)'],
    ['codec', 'prores', 'PRORES'],
    ['container', 'mkv', 'MKV'],
    ['codec', 'unknown', 'Not analysed yet'],
  ] as const)('%s %s → %s', (kind, key, words) => {
    expect(statKey(kind, key)).toBe(words);
  });
});

describe('breakdownText', () => {
  test.each([
    ['resolution', { sd: 22, '720p': 3, '2160p': 1, '1080p': 2 }, '4K 1 · 1080p 2 · 720p 3 · SD 22'],
    ['hdr', { HDR10: 1, sdr: 27 }, 'SDR 27 · HDR10 1'],
    ['container', { mp4: 24, mkv: 4 }, 'MP4 24 · MKV 4'],
    ['codec', { hevc: 2, h264: 2 }, 'H.264 2 · HEVC (H.265) 2'],
    ['codec', {}, '—'],
  ] as const)('%s %p → %s', (kind, counts, text) => {
    expect(breakdownText(kind, counts)).toBe(text);
  });
});

describe('itemCounts', () => {
  test.each([
    [{ movie: 26 }, '26 movies'],
    [{ movie: 1 }, '1 movie'],
    [{ episode: 5, season: 3, show: 1 }, '1 show · 3 seasons · 5 episodes'],
    [{}, 'No titles yet'],
  ])('%p → %s', (items, text) => {
    expect(itemCounts(items)).toBe(text);
  });
});
