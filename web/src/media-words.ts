// Codecs and containers as people say them (pure): "H.264", "HEVC (H.265)", "Dolby Digital", "SRT", "MKV" for the
// ffprobe names the API reports ("h264", "hevc", "ac3", "subrip", "matroska"…); unknown names shown upper-cased.

const VIDEO: Record<string, string> = {
  h264: 'H.264',
  hevc: 'HEVC (H.265)',
  av1: 'AV1',
  vp8: 'VP8',
  vp9: 'VP9',
  mpeg2video: 'MPEG-2',
  mpeg4: 'MPEG-4',
  vc1: 'VC-1',
};

const AUDIO: Record<string, string> = {
  aac: 'AAC',
  ac3: 'Dolby Digital',
  eac3: 'Dolby Digital Plus',
  truehd: 'Dolby TrueHD',
  dts: 'DTS',
  flac: 'FLAC',
  mp3: 'MP3',
  mp2: 'MP2',
  opus: 'Opus',
  vorbis: 'Vorbis',
  alac: 'ALAC',
};

const SUBTITLE: Record<string, string> = {
  subrip: 'SRT',
  srt: 'SRT',
  ass: 'ASS',
  ssa: 'SSA',
  webvtt: 'WebVTT',
  vtt: 'WebVTT',
  mov_text: 'MP4 text',
  hdmv_pgs_subtitle: 'PGS',
  pgs: 'PGS',
  dvd_subtitle: 'VobSub',
  dvb_subtitle: 'DVB',
};

const CONTAINER: Record<string, string> = { matroska: 'MKV', mpegts: 'MPEG-TS', mov: 'MOV' };

const BY_KIND: Record<string, Record<string, string>> = {
  video: VIDEO,
  audio: AUDIO,
  subtitle: SUBTITLE,
  container: CONTAINER,
};

export type MediaKind = 'video' | 'audio' | 'subtitle' | 'container';

/** A codec or container name in words: `h264` → `H.264`, `ac3` → `Dolby Digital`, `mkv` → `MKV`. */
export function mediaName(kind: MediaKind, name: string): string {
  const key = name.toLowerCase();
  if (BY_KIND[kind][key]) return BY_KIND[kind][key];
  if (key.startsWith('pcm_')) return 'PCM';
  return name.toUpperCase();
}
