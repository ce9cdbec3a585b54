// Pure reading of `ffprobe -show_format -show_streams -of json` output: file facts, HDR type, and tracks.
import { normaliseLanguage } from './naming/index.ts';

export interface ProbedTrack {
  kind: 'video' | 'audio' | 'subtitle';
  streamIndex: number;
  codec: string | null;
  language: string | null;
  title: string | null;
  channels: number | null;
  isDefault: boolean;
  forced: boolean;
  sdh: boolean;
}

export interface ProbeResult {
  formatName: string | null;
  durationSeconds: number | null;
  bitrate: number | null;
  videoCodec: string | null;
  videoProfile: string | null;
  width: number | null;
  height: number | null;
  frameRate: number | null;
  hdr: 'HDR10' | 'HDR10+' | 'HLG' | 'Dolby Vision' | null;
  tracks: ProbedTrack[];
}

interface Stream {
  index?: number;
  codec_type?: string;
  codec_name?: string;
  codec_tag_string?: string;
  profile?: string;
  width?: number;
  height?: number;
  r_frame_rate?: string;
  avg_frame_rate?: string;
  channels?: number;
  color_transfer?: string;
  side_data_list?: { side_data_type?: string }[];
  disposition?: Record<string, number>;
  tags?: Record<string, string>;
}

const num = (v: unknown): number | null => {
  const n = typeof v === 'string' ? Number.parseFloat(v) : typeof v === 'number' ? v : Number.NaN;
  return Number.isFinite(n) ? n : null;
};

/** "24000/1001" → 23.976; "0/0" → null. */
export function frameRate(text: string | undefined): number | null {
  if (!text) return null;
  const [a, b] = text.split('/').map(Number);
  if (!b) return num(a) || null;
  const r = a / b;
  return Number.isFinite(r) && r > 0 ? Math.round(r * 1000) / 1000 : null;
}

/** HDR type from a video stream: Dolby Vision (config record or dvh1/dvhe), HDR10+ (dynamic metadata), HDR10, HLG. */
export function hdrType(s: Stream): ProbeResult['hdr'] {
  const side = (s.side_data_list ?? []).map((d) => (d.side_data_type ?? '').toLowerCase());
  const tag = (s.codec_tag_string ?? '').toLowerCase();
  if (
    side.some((d) => d.includes('dovi')) ||
    tag === 'dvh1' ||
    tag === 'dvhe' ||
    tag === 'dva1' ||
    tag === 'dvav'
  )
    return 'Dolby Vision';
  if (s.color_transfer === 'smpte2084')
    return side.some((d) => d.includes('hdr dynamic metadata smpte2094-40')) ? 'HDR10+' : 'HDR10';
  if (s.color_transfer === 'arib-std-b67') return 'HLG';
  return null;
}

function language(tags: Record<string, string> | undefined): string | null {
  const raw = tags?.language;
  if (!raw || raw === 'und') return null;
  return normaliseLanguage(raw) ?? raw.toLowerCase();
}

/** Parses ffprobe JSON text; returns null when it is not ffprobe output. */
export function parseProbe(json: string): ProbeResult | null {
  let data: { format?: Record<string, unknown>; streams?: Stream[] };
  try {
    data = JSON.parse(json);
  } catch {
    return null;
  }
  if (!data || typeof data !== 'object' || (!data.format && !data.streams)) return null;
  const streams = Array.isArray(data.streams) ? data.streams : [];
  const video = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  const tracks: ProbedTrack[] = [];
  for (const s of streams) {
    if (s.codec_type !== 'video' && s.codec_type !== 'audio' && s.codec_type !== 'subtitle') continue;
    if (s.codec_type === 'video' && s.disposition?.attached_pic) continue;
    tracks.push({
      kind: s.codec_type,
      streamIndex: s.index ?? tracks.length,
      codec: s.codec_name ?? null,
      language: language(s.tags),
      title: s.tags?.title ?? null,
      channels: s.codec_type === 'audio' ? (s.channels ?? null) : null,
      isDefault: s.disposition?.default === 1,
      forced: s.disposition?.forced === 1,
      sdh: s.disposition?.hearing_impaired === 1,
    });
  }
  const f = data.format ?? {};
  return {
    formatName: typeof f.format_name === 'string' ? f.format_name : null,
    durationSeconds: num(f.duration),
    bitrate: num(f.bit_rate) === null ? null : Math.round(num(f.bit_rate)!),
    videoCodec: video?.codec_name ?? null,
    videoProfile: video?.profile ?? null,
    width: video?.width ?? null,
    height: video?.height ?? null,
    frameRate: video ? (frameRate(video.avg_frame_rate) ?? frameRate(video.r_frame_rate)) : null,
    hdr: video ? hdrType(video) : null,
    tracks,
  };
}
