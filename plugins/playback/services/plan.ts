// Builds the HLS side of a session: segment boundaries (equal for encodes, keyframe cuts for copies), the
// variants with their ffmpeg specs, and what the master playlist says about each (CODECS, RESOLUTION, BANDWIDTH).
import type { HlsAudio, HlsStreamSpec, TranscoderApi } from '../../transcoder/api.ts';
import { audioCodecString, avcCodecString } from '../lib/codecs.ts';
import type { ClientCapabilities, Decision } from '../lib/decision.ts';
import { ladder } from '../lib/ladder.ts';
import { equalBoundaries, keyframeBoundaries } from '../lib/segments.ts';
import type { TrackRow } from './media.ts';

/** One quality of the master playlist. */
export interface Variant {
  name: string;
  spec: HlsStreamSpec;
  bandwidth: number;
  averageBandwidth: number;
  codecs: string;
  width: number | null;
  height: number | null;
  frameRate: number | null;
  videoBitrate: number;
}

export interface HlsPlan {
  boundaries: number[];
  variants: Variant[];
}

/** The source of a stream: a library file or an optimized version. */
export interface StreamSource {
  path: string;
  size: number;
  durationSeconds: number;
  bitrate: number | null;
  videoCodec: string | null;
  videoProfile: string | null;
  width: number | null;
  height: number | null;
  frameRate: number | null;
}

const AAC_STEREO = 128_000;

function audioOf(
  decision: Decision,
  track: TrackRow | null,
): { spec: HlsAudio | null; codec: string; bps: number } {
  if (!track || track.streamIndex === null || decision.audio === 'none')
    return { spec: null, codec: '', bps: 0 };
  // Audio is copied only beside copied video. Next to an encode, an input seek on a long-GOP source lets copied
  // audio packets from before the seek point through, and the muxer then shifts both streams out of sync;
  // decoded audio is trimmed exactly at the seek point.
  if (decision.audio === 'copy' && decision.video === 'copy') {
    const codec = audioCodecString(track.codec) ?? 'mp4a.40.2';
    return { spec: { mode: 'copy', streamIndex: track.streamIndex }, codec, bps: 192_000 };
  }
  const channels = Math.min(2, track.channels ?? 2);
  return {
    spec: { mode: 'encode', streamIndex: track.streamIndex, bitrate: AAC_STEREO, channels },
    codec: 'mp4a.40.2',
    bps: AAC_STEREO,
  };
}

const join = (...codecs: string[]) => codecs.filter(Boolean).join(',');

/** Plans the HLS variants of a remux or transcode. */
export async function planHls(
  tc: TranscoderApi,
  o: {
    source: StreamSource;
    decision: Decision;
    audio: TrackRow | null;
    caps: ClientCapabilities;
    segmentSeconds: number;
    remuxSegmentSeconds: number;
    keyframeTimeoutMs: number;
  },
): Promise<HlsPlan> {
  const { source: src, decision } = o;
  const audio = audioOf(decision, o.audio);
  if (decision.video === 'copy') {
    const info = await tc.inspect(src.path, { keyframes: true, timeoutMs: o.keyframeTimeoutMs });
    const boundaries = keyframeBoundaries(
      src.durationSeconds,
      info?.keyframes ?? null,
      o.remuxSegmentSeconds,
    );
    const profile = info?.video?.profile ?? src.videoProfile;
    // Only H.264 is copied into TS segments (the decision makes sure of it).
    const video = avcCodecString(profile, info?.video?.level ?? null);
    const avg = src.bitrate ?? Math.round((src.size * 8) / Math.max(1, src.durationSeconds));
    const variant: Variant = {
      name: 'original',
      spec: {
        input: src.path,
        boundaries,
        video: { mode: 'copy' },
        audio: audio.spec,
        frameRate: src.frameRate,
      },
      bandwidth: Math.round(avg * 1.5),
      averageBandwidth: avg,
      codecs: join(video, audio.codec),
      width: src.width,
      height: src.height,
      frameRate: src.frameRate,
      videoBitrate: avg,
    };
    return { boundaries, variants: [variant] };
  }
  const boundaries = equalBoundaries(src.durationSeconds, o.segmentSeconds);
  const rungs = ladder({
    width: src.width,
    height: src.height,
    sourceBitrate: src.bitrate,
    frameRate: src.frameRate,
    maxWidth: o.caps.maxWidth,
    maxHeight: o.caps.maxHeight,
    maxBitrate: o.caps.maxBitrate,
    audioBitrate: audio.bps,
  });
  const variants = rungs.map<Variant>((r) => ({
    name: r.name,
    spec: {
      input: src.path,
      boundaries,
      video: {
        mode: 'encode',
        codec: 'h264',
        width: r.width,
        height: r.height,
        bitrate: r.videoBitrate,
        profile: 'high',
        level: r.levelText,
      },
      audio: audio.spec,
      frameRate: src.frameRate,
    },
    bandwidth: Math.round(r.videoBitrate * 1.5 + audio.bps),
    averageBandwidth: r.videoBitrate + audio.bps,
    codecs: join(avcCodecString('high', r.level), audio.codec),
    width: r.width,
    height: r.height,
    frameRate: src.frameRate,
    videoBitrate: r.videoBitrate,
  }));
  return { boundaries, variants };
}
