// Tests of the playlist text: exact lines for the basics, and every playlist re-read by hls-parser in strict mode.
import { expect, test } from 'bun:test';
import HLS from 'hls-parser';
import { masterPlaylist, mediaPlaylist, subtitlePlaylist } from './playlists.ts';

HLS.setOptions({ strictMode: true, silent: true });

const variant = {
  uri: '720p/playlist.m3u8?st=abc',
  bandwidth: 6_128_000,
  averageBandwidth: 4_128_000,
  codecs: 'avc1.64001f,mp4a.40.2',
  width: 1280,
  height: 720,
  frameRate: 23.976,
};
const sub = {
  name: 'English "SDH"',
  language: 'eng',
  isDefault: true,
  forced: false,
  uri: 'subtitles/t1.m3u8?st=abc',
};

test('the master lists variants with CODECS, RESOLUTION, FRAME-RATE and the subtitle group', () => {
  const text = masterPlaylist([variant], [sub]);
  expect(text.split('\n')).toEqual([
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    '#EXT-X-INDEPENDENT-SEGMENTS',
    '#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="English SDH",LANGUAGE="eng",DEFAULT=YES,AUTOSELECT=YES,FORCED=NO,URI="subtitles/t1.m3u8?st=abc"',
    '#EXT-X-STREAM-INF:BANDWIDTH=6128000,AVERAGE-BANDWIDTH=4128000,CODECS="avc1.64001f,mp4a.40.2",RESOLUTION=1280x720,FRAME-RATE=23.976,SUBTITLES="subs"',
    '720p/playlist.m3u8?st=abc',
    '',
  ]);
  const p = HLS.parse(text) as HLS.types.MasterPlaylist;
  expect(p.variants[0]).toMatchObject({ bandwidth: 6_128_000, codecs: 'avc1.64001f,mp4a.40.2' });
  expect(p.variants[0].subtitles[0]).toMatchObject({ name: 'English SDH', language: 'eng', isDefault: true });
});

test('without subtitles there is no group and no SUBTITLES attribute', () => {
  const text = masterPlaylist([{ ...variant, width: null, height: null, frameRate: null }], []);
  expect(text).not.toContain('SUBTITLES');
  expect(text).not.toContain('RESOLUTION');
  expect((HLS.parse(text) as HLS.types.MasterPlaylist).variants).toHaveLength(1);
});

test.each([
  ['equal segments', [0, 3, 6, 9], ['3.000000', '3.000000', '3.000000'], 3],
  ['a shorter last one', [0, 3, 6, 7.5], ['3.000000', '3.000000', '1.500000'], 3],
  ['keyframe cuts rounding down', [0, 6.023, 12.4, 14], ['6.023000', '6.377000', '1.600000'], 6],
  ['keyframe cuts rounding up', [0, 6.6, 12], ['6.600000', '5.400000'], 7],
])('the media playlist of %s is complete, VOD and ended', (_what, boundaries, lengths, target) => {
  const text = mediaPlaylist(boundaries, (i) => `${i}.ts?st=x`);
  const lines = text.trim().split('\n');
  expect(lines.slice(0, 5)).toEqual([
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${target}`,
    '#EXT-X-MEDIA-SEQUENCE:0',
    '#EXT-X-PLAYLIST-TYPE:VOD',
  ]);
  expect(lines.filter((l) => l.startsWith('#EXTINF:'))).toEqual(lengths.map((l) => `#EXTINF:${l},`));
  expect(lines.at(-1)).toBe('#EXT-X-ENDLIST');
  const p = HLS.parse(text) as HLS.types.MediaPlaylist;
  expect(p.segments.map((s) => s.uri)).toEqual(lengths.map((_, i) => `${i}.ts?st=x`));
  expect(p.endlist).toBe(true);
});

test('the subtitle playlist has one WebVTT segment for the whole duration', () => {
  const p = HLS.parse(subtitlePlaylist(5400.5, 't1.vtt?st=x&hls=1')) as HLS.types.MediaPlaylist;
  expect(p.segments.map((s) => [s.uri, s.duration])).toEqual([['t1.vtt?st=x&hls=1', 5400.5]]);
  expect(p.targetDuration).toBe(5401);
});
