// Table tests for the pure ffprobe reader over a recorded Blu-ray remux (`ffprobe -show_format -show_streams -of
// json`): format facts, the main video stream, and every track with its language, title, channels and flags.
import { describe, expect, test } from 'bun:test';
import { parseProbe } from './probe.ts';

const DISPOSITION = {
  default: 0,
  dub: 0,
  original: 0,
  comment: 0,
  lyrics: 0,
  karaoke: 0,
  forced: 0,
  hearing_impaired: 0,
  visual_impaired: 0,
  clean_effects: 0,
  attached_pic: 0,
  timed_thumbnails: 0,
};

/** A Blu-ray remux: H.264 1080p, 5.1 AC-3 + commentary, forced German and English SDH PGS subs, cover. */
const REMUX = {
  streams: [
    {
      index: 0,
      codec_name: 'h264',
      codec_long_name: 'H.264 / AVC / MPEG-4 AVC / MPEG-4 part 10',
      profile: 'High',
      codec_type: 'video',
      codec_tag_string: '[0][0][0][0]',
      width: 1920,
      height: 1080,
      pix_fmt: 'yuv420p',
      color_range: 'tv',
      color_space: 'bt709',
      color_transfer: 'bt709',
      color_primaries: 'bt709',
      r_frame_rate: '24000/1001',
      avg_frame_rate: '24000/1001',
      disposition: { ...DISPOSITION, default: 1 },
      tags: { language: 'eng', BPS: '25000000', DURATION: '01:30:00.123000000' },
    },
    {
      index: 1,
      codec_name: 'ac3',
      codec_type: 'audio',
      sample_rate: '48000',
      channels: 6,
      channel_layout: '5.1(side)',
      disposition: { ...DISPOSITION, default: 1 },
      tags: { language: 'eng', title: 'Surround 5.1' },
    },
    {
      index: 2,
      codec_name: 'aac',
      codec_type: 'audio',
      channels: 2,
      disposition: { ...DISPOSITION, comment: 1 },
      tags: { language: 'fra', title: 'Commentaire' },
    },
    {
      index: 3,
      codec_name: 'hdmv_pgs_subtitle',
      codec_type: 'subtitle',
      disposition: { ...DISPOSITION, forced: 1 },
      tags: { language: 'ger' },
    },
    {
      index: 4,
      codec_name: 'hdmv_pgs_subtitle',
      codec_type: 'subtitle',
      disposition: { ...DISPOSITION, hearing_impaired: 1 },
      tags: { language: 'eng', title: 'SDH' },
    },
    {
      index: 5,
      codec_name: 'mjpeg',
      codec_type: 'video',
      width: 600,
      height: 900,
      r_frame_rate: '90000/1',
      avg_frame_rate: '0/0',
      disposition: { ...DISPOSITION, attached_pic: 1 },
      tags: { filename: 'cover.jpg', mimetype: 'image/jpeg' },
    },
    { index: 6, codec_type: 'attachment', codec_name: 'ttf', tags: { filename: 'font.ttf' } },
  ],
  format: {
    filename: '/media/Movies/Heat (1995)/Heat (1995).mkv',
    nb_streams: 7,
    format_name: 'matroska,webm',
    format_long_name: 'Matroska / WebM',
    start_time: '0.000000',
    duration: '5400.123000',
    size: '17000000000',
    bit_rate: '25185185',
    probe_score: 100,
  },
};

describe('parseProbe: a Blu-ray remux', () => {
  const remux = parseProbe(JSON.stringify(REMUX))!;

  test('reads container, duration and bit rate from the format section', () => {
    expect(remux).toMatchObject({
      formatName: 'matroska,webm',
      durationSeconds: 5400.123,
      bitrate: 25185185,
    });
  });

  test('the first video stream that is not cover art gives codec, profile, size, frame rate and HDR', () => {
    expect(remux).toMatchObject({
      videoCodec: 'h264',
      videoProfile: 'High',
      width: 1920,
      height: 1080,
      frameRate: 23.976,
      hdr: null,
    });
  });

  test('tracks keep stream order and skip cover art and attachments', () => {
    expect(remux.tracks.map((t) => [t.streamIndex, t.kind, t.codec])).toEqual([
      [0, 'video', 'h264'],
      [1, 'audio', 'ac3'],
      [2, 'audio', 'aac'],
      [3, 'subtitle', 'hdmv_pgs_subtitle'],
      [4, 'subtitle', 'hdmv_pgs_subtitle'],
    ]);
  });

  test('tracks carry language (ISO 639-2/B), title, channels and default/forced/SDH flags', () => {
    expect(
      remux.tracks.slice(1).map((t) => [t.language, t.title, t.channels, t.isDefault, t.forced, t.sdh]),
    ).toEqual([
      ['eng', 'Surround 5.1', 6, true, false, false],
      ['fre', 'Commentaire', 2, false, false, false],
      ['ger', null, null, false, true, false],
      ['eng', 'SDH', null, false, false, true],
    ]);
  });

  test.each<[string, string | undefined, string | null]>([
    ['undetermined', 'und', null],
    ['missing', undefined, null],
    ['two-letter', 'en', 'eng'],
    ['terminology code', 'deu', 'ger'],
    ['unknown code kept lower-cased', 'XYZ', 'xyz'],
  ])('a %s language tag gives %p', (_name, language, expected) => {
    const json = {
      streams: [{ index: 0, codec_type: 'audio', codec_name: 'aac', tags: language ? { language } : {} }],
    };
    expect(parseProbe(JSON.stringify(json))!.tracks[0].language).toBe(expected);
  });
});
