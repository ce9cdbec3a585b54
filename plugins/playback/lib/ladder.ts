// Pure bitrate ladder for transcodes: rungs never above the source (nor the client's size and bitrate caps),
// sizes keeping the aspect ratio with even dimensions, and H.264 levels that fit each rung.
import { h264Level, levelText } from './codecs.ts';

/** One encoded quality of a transcode. */
export interface Rung {
  name: string;
  width: number;
  height: number;
  videoBitrate: number;
  /** H.264 level ×10 (e.g. 31) the encoder is held to. */
  level: number;
  levelText: string;
}

/** Standard heights and their video bitrates (bits per second). */
export const STANDARD_RUNGS: readonly { height: number; bitrate: number }[] = [
  { height: 2160, bitrate: 20_000_000 },
  { height: 1440, bitrate: 12_000_000 },
  { height: 1080, bitrate: 8_000_000 },
  { height: 720, bitrate: 4_000_000 },
  { height: 480, bitrate: 2_000_000 },
  { height: 360, bitrate: 1_000_000 },
  { height: 240, bitrate: 500_000 },
];

const MIN_VIDEO_BITRATE = 150_000;
const even = (n: number) => Math.max(2, 2 * Math.round(n / 2));

/**
 * Bitrate for a height: the standard one, interpolated between the standard rungs around it, or scaled by pixel
 * count beyond the ends of the table.
 */
export function bitrateFor(height: number): number {
  const above = [...STANDARD_RUNGS].reverse().find((r) => r.height >= height);
  const below = STANDARD_RUNGS.find((r) => r.height <= height);
  let bps: number;
  if (above && below && above.height === below.height) bps = above.bitrate;
  else if (above && below) {
    const f = (height - below.height) / (above.height - below.height);
    bps = below.bitrate + f * (above.bitrate - below.bitrate);
  } else {
    const edge = (above ?? below)!;
    bps = edge.bitrate * (height / edge.height) ** 2;
  }
  return Math.max(MIN_VIDEO_BITRATE, Math.round(bps / 1000) * 1000);
}

export interface LadderInput {
  width: number | null;
  height: number | null;
  /** Overall source bitrate; rungs are never given more than 1.5× it. */
  sourceBitrate: number | null;
  frameRate: number | null;
  maxWidth?: number;
  maxHeight?: number;
  maxBitrate?: number;
  audioBitrate: number;
  /** Most rungs to offer (default 3). */
  rungs?: number;
}

/** The rungs to encode, highest first; at least one. */
export function ladder(o: LadderInput): Rung[] {
  const srcH = o.height && o.height > 0 ? o.height : 1080;
  const srcW = o.width && o.width > 0 ? o.width : Math.round((srcH * 16) / 9);
  const aspect = srcW / srcH;
  let top = srcH;
  if (o.maxHeight) top = Math.min(top, o.maxHeight);
  if (o.maxWidth) top = Math.min(top, Math.floor(o.maxWidth / aspect));
  top = Math.max(2, top - (top % 2));
  const clientCap = o.maxBitrate ? o.maxBitrate - o.audioBitrate : Number.POSITIVE_INFINITY;
  // H.264 needs more bits than the HEVC/AV1 it often replaces, hence 1.5× the source rather than 1×.
  const cap = Math.min(clientCap, o.sourceBitrate ? o.sourceBitrate * 1.5 : Number.POSITIVE_INFINITY);
  // Under a tight client limit a smaller picture looks better than a starved big one.
  for (;;) {
    const lower = STANDARD_RUNGS.find((r) => r.height < top);
    if (!lower || bitrateFor(top) <= clientCap * 2) break;
    top = lower.height;
  }
  const heights = [top, ...STANDARD_RUNGS.map((r) => r.height).filter((h) => h < top)];
  const out: Rung[] = [];
  for (const h of heights) {
    const bitrate = Math.max(MIN_VIDEO_BITRATE, Math.min(bitrateFor(h), cap));
    // A lower rung at the same bitrate as the one above it adds nothing.
    if (out.length && bitrate >= out[out.length - 1].videoBitrate) continue;
    let w = even(h * aspect);
    if (o.maxWidth && w > o.maxWidth) w = even(o.maxWidth - 1);
    const level = h264Level(w, h, o.frameRate);
    out.push({
      name: `${h}p`,
      width: w,
      height: h,
      videoBitrate: bitrate,
      level,
      levelText: levelText(level),
    });
    if (out.length >= (o.rungs ?? 3)) break;
  }
  return out;
}
