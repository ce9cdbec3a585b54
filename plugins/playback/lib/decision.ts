// Pure playback decision: direct play when the client takes the file as it is; remux (stream copy into HLS)
// when only the container (or audio track switching) is the problem; transcode otherwise or over the bitrate cap.
import { normCodec, normContainer, TS_AUDIO, TS_VIDEO } from './codecs.ts';

/** What the client says it can play. */
export interface ClientCapabilities {
  containers: string[];
  videoCodecs: string[];
  audioCodecs: string[];
  maxWidth?: number;
  maxHeight?: number;
  /** Bits per second the client can take. */
  maxBitrate?: number;
  subtitleFormats?: string[];
  /** Whether the player can switch audio tracks inside a file (most browsers cannot). */
  audioTrackSelection?: boolean;
}

/** Facts of the file (or optimized version) and the chosen audio track. */
export interface SourceFacts {
  container: string | null;
  videoCodec: string | null;
  width: number | null;
  height: number | null;
  bitrate: number | null;
  audio: { codec: string | null; channels: number | null; isFirst: boolean } | null;
}

export type Mode = 'direct' | 'remux' | 'transcode';

/** Why a file is not played directly (Jellyfin's TranscodeReason names). */
export type Reason =
  | 'ContainerNotSupported'
  | 'VideoCodecNotSupported'
  | 'AudioCodecNotSupported'
  | 'VideoResolutionNotSupported'
  | 'ContainerBitrateExceedsLimit'
  | 'AudioTrackSelectionNotSupported'
  | 'VideoCodecNotSupportedInSegments'
  | 'AudioCodecNotSupportedInSegments';

export interface Decision {
  mode: Mode;
  reasons: Reason[];
  /** For remux and transcode: copy the video or encode it; copy or encode the audio (none without audio). */
  video: 'copy' | 'encode';
  audio: 'copy' | 'encode' | 'none';
}

const has = (list: string[], v: string | null, norm: (x: string) => string | null) =>
  v !== null && list.some((x) => norm(x) === v);

/** Decides how to play `src` on a client with `caps`. */
export function decide(src: SourceFacts, caps: ClientCapabilities): Decision {
  const container = normContainer(src.container);
  const video = normCodec(src.videoCodec);
  const audio = src.audio ? normCodec(src.audio.codec) : null;
  const reasons: Reason[] = [];
  const containerOk = has(caps.containers, container, normContainer);
  const videoOk = has(caps.videoCodecs, video, normCodec);
  const audioOk = !src.audio || has(caps.audioCodecs, audio, normCodec);
  const sizeOk =
    (!caps.maxWidth || (src.width ?? 0) <= caps.maxWidth) &&
    (!caps.maxHeight || (src.height ?? 0) <= caps.maxHeight);
  const bitrateOk = !caps.maxBitrate || !src.bitrate || src.bitrate <= caps.maxBitrate;
  const trackOk = !src.audio || src.audio.isFirst || !!caps.audioTrackSelection;
  if (!containerOk) reasons.push('ContainerNotSupported');
  if (!videoOk) reasons.push('VideoCodecNotSupported');
  if (!audioOk) reasons.push('AudioCodecNotSupported');
  if (!sizeOk) reasons.push('VideoResolutionNotSupported');
  if (!bitrateOk) reasons.push('ContainerBitrateExceedsLimit');
  if (!trackOk) reasons.push('AudioTrackSelectionNotSupported');
  const audioPlan = src.audio ? 'copy' : 'none';
  if (reasons.length === 0) return { mode: 'direct', reasons, video: 'copy', audio: audioPlan };

  const videoCopyable = videoOk && sizeOk && bitrateOk && video !== null && TS_VIDEO.has(video);
  const audioCopyable = !src.audio || (audioOk && audio !== null && TS_AUDIO.has(audio));
  if (videoOk && sizeOk && bitrateOk && !videoCopyable) reasons.push('VideoCodecNotSupportedInSegments');
  if (src.audio && audioOk && !audioCopyable) reasons.push('AudioCodecNotSupportedInSegments');
  const plan = {
    video: videoCopyable ? ('copy' as const) : ('encode' as const),
    audio: !src.audio ? ('none' as const) : audioCopyable ? ('copy' as const) : ('encode' as const),
  };
  const mode: Mode = plan.video === 'copy' && plan.audio !== 'encode' ? 'remux' : 'transcode';
  return { mode, reasons, ...plan };
}
