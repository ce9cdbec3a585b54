// Pure codec vocabulary: normalised names of containers and codecs, which codecs HLS TS segments can carry, the
// H.264 level an encode needs, and RFC 6381 `CODECS` strings for master playlists (CONVENTIONS 6.1).

const CONTAINER_ALIASES: Record<string, string> = {
  m4v: 'mp4',
  matroska: 'mkv',
  mk3d: 'mkv',
  mpegts: 'ts',
  m2ts: 'ts',
  mts: 'ts',
  quicktime: 'mov',
};
const CODEC_ALIASES: Record<string, string> = {
  avc: 'h264',
  avc1: 'h264',
  h265: 'hevc',
  hvc1: 'hevc',
  hev1: 'hevc',
  mp4a: 'aac',
  'ac-3': 'ac3',
  'e-ac-3': 'eac3',
  ec3: 'eac3',
  mpeg4: 'mpeg4',
  webvtt: 'vtt',
  subrip: 'srt',
};

/** Lower-cased canonical container name (`m4v` → `mp4`, `matroska` → `mkv`). */
export function normContainer(c: string | null | undefined): string | null {
  if (!c) return null;
  const k = c.trim().toLowerCase().replace(/^\./, '');
  return Object.hasOwn(CONTAINER_ALIASES, k) ? CONTAINER_ALIASES[k] : k;
}

/** Lower-cased canonical codec name (`avc1` → `h264`, `h265` → `hevc`, `subrip` → `srt`). */
export function normCodec(c: string | null | undefined): string | null {
  if (!c) return null;
  const k = c.trim().toLowerCase();
  return Object.hasOwn(CODEC_ALIASES, k) ? CODEC_ALIASES[k] : k;
}

/** Video codecs MPEG-TS HLS segments carry everywhere (HEVC needs fMP4 on Apple players and hls.js). */
export const TS_VIDEO = new Set(['h264']);
/** Audio codecs MPEG-TS HLS segments can carry. */
export const TS_AUDIO = new Set(['aac', 'mp3', 'ac3', 'eac3']);

// [level, max macroblocks per frame, max macroblocks per second] from H.264 Table A-1.
const H264_LEVELS: [number, number, number][] = [
  [30, 1620, 40500],
  [31, 3600, 108000],
  [32, 5120, 216000],
  [40, 8192, 245760],
  [41, 8192, 245760],
  [42, 8704, 522240],
  [50, 22080, 589824],
  [51, 36864, 983040],
  [52, 36864, 2073600],
];

/** The lowest H.264 level (×10, e.g. 31) that fits a frame size and rate; at least 3.0, at most 5.2. */
export function h264Level(width: number, height: number, fps: number | null): number {
  const mbs = Math.ceil(width / 16) * Math.ceil(height / 16);
  const rate = mbs * (fps && fps > 0 ? fps : 30);
  for (const [level, maxFs, maxMbps] of H264_LEVELS) if (mbs <= maxFs && rate <= maxMbps) return level;
  return 52;
}

/** `31` → `3.1` for ffmpeg's `-level:v`. */
export function levelText(level: number): string {
  return (level / 10).toFixed(1);
}

const hex2 = (n: number) =>
  Math.max(0, Math.min(255, Math.round(n)))
    .toString(16)
    .padStart(2, '0');

/** `avc1.PPCCLL` from an ffprobe profile name and level (×10): High@4.0 → `avc1.640028`. */
export function avcCodecString(profile: string | null, level: number | null): string {
  const p = (profile ?? 'high').toLowerCase();
  const lvl = hex2(level && level > 0 ? level : 40);
  if (p.includes('constrained baseline')) return `avc1.42e0${lvl}`;
  if (p.includes('baseline')) return `avc1.4200${lvl}`;
  if (p.includes('main')) return `avc1.4d40${lvl}`;
  if (p.includes('high 10')) return `avc1.6e00${lvl}`;
  if (p.includes('high 4:2:2')) return `avc1.7a00${lvl}`;
  return `avc1.6400${lvl}`;
}

/** `hvc1.<profile>.<compat>.L<level>.B0` (level as ffprobe reports it, already ×30): Main@4.0 → `hvc1.1.6.L120.B0`. */
export function hevcCodecString(profile: string | null, level: number | null): string {
  const main10 = (profile ?? '').toLowerCase().includes('10');
  return `${main10 ? 'hvc1.2.4' : 'hvc1.1.6'}.L${level && level > 0 ? level : 120}.B0`;
}

/** The CODECS entry of an audio codec (AAC assumed LC unless the profile says HE). */
export function audioCodecString(codec: string | null, profile: string | null = null): string | null {
  switch (normCodec(codec)) {
    case 'aac':
      return (profile ?? '').toLowerCase().includes('he') ? 'mp4a.40.5' : 'mp4a.40.2';
    case 'mp3':
      return 'mp4a.40.34';
    case 'ac3':
      return 'ac-3';
    case 'eac3':
      return 'ec-3';
    case 'flac':
      return 'fLaC';
    case 'opus':
      return 'Opus';
    default:
      return null;
  }
}

/** Subtitle codecs that can be converted to WebVTT (text); image subtitles (PGS, VobSub) cannot. */
export function isTextSubtitle(codec: string | null, external: boolean): boolean {
  const c = normCodec(codec);
  if (!c) return false;
  if (external) return ['srt', 'ass', 'ssa', 'vtt'].includes(c);
  return ['srt', 'ass', 'ssa', 'mov_text', 'vtt', 'text'].includes(c);
}
