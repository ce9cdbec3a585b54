// Table tests for the pure ffprobe reader: frame rates, HDR type (HDR10, HDR10+, HLG, Dolby Vision) and parseProbe
// over recorded single-stream snippets (a recorded remux: probe-remux.test.ts).
import { describe, expect, test } from 'bun:test';
import { frameRate, hdrType, parseProbe } from './probe.ts';

type Stream = Parameters<typeof hdrType>[0];

/** A UHD stream: 10-bit HEVC with PQ and Dolby Vision profile 8.1 configuration side data. */
const DOLBY_VISION_STREAM = {
  index: 0,
  codec_name: 'hevc',
  profile: 'Main 10',
  codec_type: 'video',
  codec_tag_string: 'hvc1',
  width: 3840,
  height: 2160,
  pix_fmt: 'yuv420p10le',
  color_space: 'bt2020nc',
  color_transfer: 'smpte2084',
  color_primaries: 'bt2020',
  r_frame_rate: '24000/1001',
  avg_frame_rate: '24000/1001',
  side_data_list: [
    {
      side_data_type: 'DOVI configuration record',
      dv_version_major: 1,
      dv_version_minor: 0,
      dv_profile: 8,
      dv_level: 6,
      rpu_present_flag: 1,
      el_present_flag: 0,
      bl_present_flag: 1,
      dv_bl_signal_compatibility_id: 1,
    },
  ],
};

describe('frameRate', () => {
  test.each<[string | undefined, number | null]>([
    ['24000/1001', 23.976],
    ['30000/1001', 29.97],
    ['60000/1001', 59.94],
    ['25/1', 25],
    ['50/1', 50],
    ['30', 30],
    ['0/0', null],
    ['0/1', null],
    ['', null],
    [undefined, null],
    ['abc', null],
  ])('%p → %p', (text, expected) => {
    expect(frameRate(text)).toBe(expected);
  });
});

describe('hdrType', () => {
  test.each<[string, Stream, ReturnType<typeof hdrType>]>([
    ['SDR BT.709', { codec_type: 'video', color_transfer: 'bt709' }, null],
    ['no colour tags', { codec_type: 'video' }, null],
    [
      'PQ (SMPTE 2084) is HDR10',
      { color_transfer: 'smpte2084', color_primaries: 'bt2020' } as Stream,
      'HDR10',
    ],
    [
      'PQ with mastering display side data is still HDR10',
      {
        color_transfer: 'smpte2084',
        side_data_list: [
          { side_data_type: 'Mastering display metadata' },
          { side_data_type: 'Content light level metadata' },
        ],
      },
      'HDR10',
    ],
    [
      'PQ with SMPTE 2094-40 dynamic metadata is HDR10+',
      {
        color_transfer: 'smpte2084',
        side_data_list: [{ side_data_type: 'HDR Dynamic Metadata SMPTE2094-40 (HDR10+)' }],
      },
      'HDR10+',
    ],
    ['ARIB STD-B67 is HLG', { color_transfer: 'arib-std-b67' }, 'HLG'],
    ['a DOVI configuration record is Dolby Vision', DOLBY_VISION_STREAM, 'Dolby Vision'],
    [
      'a DOVI record wins over HLG compatibility (profile 8.4)',
      { color_transfer: 'arib-std-b67', side_data_list: [{ side_data_type: 'DOVI configuration record' }] },
      'Dolby Vision',
    ],
    ['MP4 sample entry dvh1', { codec_tag_string: 'dvh1', color_transfer: 'smpte2084' }, 'Dolby Vision'],
    ['MP4 sample entry dvhe', { codec_tag_string: 'dvhe' }, 'Dolby Vision'],
    ['MP4 sample entry dva1 (AVC based)', { codec_tag_string: 'dva1' }, 'Dolby Vision'],
    ['hvc1 without DV data is not Dolby Vision', { codec_tag_string: 'hvc1' }, null],
  ])('%s', (_name, stream, expected) => {
    expect(hdrType(stream)).toBe(expected);
  });
});

describe('parseProbe', () => {
  test('a Dolby Vision UHD stream reads as hevc 3840×2160 Main 10 with hdr Dolby Vision', () => {
    const r = parseProbe(JSON.stringify({ streams: [DOLBY_VISION_STREAM], format: { duration: '10.0' } }))!;
    expect(r).toMatchObject({
      videoCodec: 'hevc',
      videoProfile: 'Main 10',
      width: 3840,
      height: 2160,
      hdr: 'Dolby Vision',
      durationSeconds: 10,
      bitrate: null,
    });
  });

  test('an HLG broadcast stream reads as HLG at 50 fps', () => {
    const hlg = {
      streams: [
        {
          index: 0,
          codec_type: 'video',
          codec_name: 'hevc',
          profile: 'Main 10',
          width: 1920,
          height: 1080,
          color_transfer: 'arib-std-b67',
          color_primaries: 'bt2020',
          r_frame_rate: '50/1',
          avg_frame_rate: '50/1',
        },
      ],
      format: { format_name: 'mpegts', duration: 'N/A' },
    };
    expect(parseProbe(JSON.stringify(hlg))).toMatchObject({
      hdr: 'HLG',
      frameRate: 50,
      formatName: 'mpegts',
      durationSeconds: null,
    });
  });

  test('an audio-only file has no video facts', () => {
    const r = parseProbe(
      JSON.stringify({
        streams: [{ index: 0, codec_type: 'audio', codec_name: 'flac', channels: 2 }],
        format: { format_name: 'flac', duration: '200.5', bit_rate: '900000.4' },
      }),
    )!;
    expect(r).toMatchObject({ videoCodec: null, width: null, height: null, frameRate: null, hdr: null });
    expect(r.bitrate).toBe(900000);
    expect(r.tracks).toHaveLength(1);
  });

  test('the frame rate falls back to r_frame_rate when avg_frame_rate is 0/0', () => {
    const r = parseProbe(
      JSON.stringify({
        streams: [
          { index: 0, codec_type: 'video', codec_name: 'vp9', avg_frame_rate: '0/0', r_frame_rate: '25/1' },
        ],
      }),
    )!;
    expect(r.frameRate).toBe(25);
  });

  test.each<[string, string]>([
    ['not JSON', 'ffprobe: No such file or directory'],
    ['an empty object', '{}'],
    ['JSON null', 'null'],
    ['an array', '[1, 2]'],
    ['an empty string', ''],
  ])('%s is not ffprobe output', (_name, text) => {
    expect(parseProbe(text)).toBeNull();
  });

  test('a stream list without a format section still parses', () => {
    const r = parseProbe('{"streams": []}');
    expect(r).toMatchObject({ formatName: null, durationSeconds: null, bitrate: null, tracks: [] });
  });
});
