// Pure reading of `ffprobe -show_entries format=start_time:stream=…:packet=pts_time,flags -of compact=p=1` output
// for the first video stream: start time, codec profile and level, frame rate, and keyframe times.
import type { MediaInspection } from '../api.ts';

function fields(line: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of line.split('|').slice(1)) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return out;
}

function rate(text: string | undefined): number | null {
  if (!text) return null;
  const [a, b] = text.split('/').map(Number);
  const r = b ? a / b : a;
  return Number.isFinite(r) && r > 0 ? Math.round(r * 1000) / 1000 : null;
}

const num = (v: string | undefined): number | null => {
  if (v === undefined || v === '' || v === 'N/A') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
};

/** Parses the compact output; keyframes are sorted, made relative to the start time, and deduplicated. */
export function parseInspection(text: string, withKeyframes: boolean): MediaInspection {
  let startTime = 0;
  let video: MediaInspection['video'] = null;
  const keys: number[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('packet|')) {
      const f = fields(line);
      const t = num(f.pts_time);
      if (t !== null && f.flags?.startsWith('K')) keys.push(t);
    } else if (line.startsWith('stream|') && !video) {
      const f = fields(line);
      video = {
        codec: f.codec_name ?? 'unknown',
        profile: f.profile && f.profile !== 'unknown' ? f.profile : null,
        // ffprobe says -99 when it does not know the level.
        level: (num(f.level) ?? 0) > 0 ? num(f.level) : null,
        frameRate: rate(f.avg_frame_rate) ?? rate(f.r_frame_rate),
      };
    } else if (line.startsWith('format|')) {
      startTime = num(fields(line).start_time) ?? 0;
    }
  }
  const rel = [...new Set(keys.map((k) => Math.round((k - startTime) * 1000) / 1000))]
    .filter((k) => k >= 0)
    .sort((a, b) => a - b);
  return { startTime, video, keyframes: withKeyframes ? rel : null };
}
