// Pure ffmpeg argument builders: the one-second test encode per candidate, the on-demand HLS segment encode
// (CONVENTIONS 6.2: input seek at a segment start, timestamps kept continuous, keyframes on segment boundaries)
// and the ahead-of-time MP4 of an optimization profile.
import type { Accel, EncoderChoice, HlsStreamSpec, VideoCodec } from '../api.ts';
import { encoderName } from './encoders.ts';

/** Where hardware devices are opened. */
export interface Devices {
  vaapi: string;
}

const SECONDS = (n: number) => (Math.round(n * 1000) / 1000).toString();

/** Global options that open the hardware device, before `-i`. */
function deviceArgs(accel: Accel, devices: Devices): string[] {
  if (accel === 'vaapi') return ['-vaapi_device', devices.vaapi];
  if (accel === 'qsv') return ['-init_hw_device', 'qsv=hw', '-filter_hw_device', 'hw'];
  return [];
}

/** The video filter chain: optional scale, then upload to the device for VAAPI/QSV. */
function videoFilter(accel: Accel, size: { width: number; height: number } | null): string[] {
  const parts = size ? [`scale=${size.width}:${size.height}`] : [];
  if (accel === 'vaapi') parts.push('format=nv12', 'hwupload');
  else if (accel === 'qsv') parts.push('hwupload=extra_hw_frames=64', 'format=qsv');
  else parts.push('format=yuv420p');
  return parts.length ? ['-vf', parts.join(',')] : [];
}

/** Test encode of one candidate: one second of a 640×360 test pattern to the null muxer. */
export function testEncodeArgs(accel: Accel, codec: VideoCodec, devices: Devices): string[] {
  const encoder = encoderName(accel, codec);
  const quiet = accel === 'software' && codec === 'hevc' ? ['-x265-params', 'log-level=error'] : [];
  return [
    '-hide_banner',
    '-nostdin',
    '-v',
    'error',
    ...deviceArgs(accel, devices),
    ...['-f', 'lavfi', '-i', 'testsrc2=s=640x360:r=10', '-t', '1'],
    ...videoFilter(accel, null),
    ...['-c:v', encoder, ...quiet, ...(accel === 'software' ? ['-preset', 'ultrafast'] : [])],
    ...['-f', 'null', '-'],
  ];
}

/**
 * Keyframes on segment boundaries. Software and VAAPI encoders honour `-force_key_frames` (timestamps restart at
 * zero at the seek point, so `n_forced*len` lands on absolute boundaries); NVENC and QSV do not reliably, so
 * their GOP is pinned to the segment length instead (Jellyfin does the same).
 */
function keyframeArgs(accel: Accel, segmentSeconds: number, frameRate: number): string[] {
  const len = SECONDS(segmentSeconds);
  if (accel === 'software' || accel === 'vaapi') {
    const force = ['-force_key_frames:0', `expr:gte(t,n_forced*${len})`];
    return accel === 'software' ? [...force, '-sc_threshold:v:0', '0'] : force;
  }
  const gop = String(Math.ceil(segmentSeconds * frameRate));
  return ['-g:v:0', gop, '-keyint_min:v:0', gop];
}

function encoderOptions(choice: EncoderChoice, preset: string): string[] {
  if (choice.accel === 'software') return ['-preset', preset];
  if (choice.accel === 'nvenc') return ['-preset', 'p4'];
  if (choice.accel === 'qsv') return ['-preset', 'veryfast'];
  return [];
}

export interface HlsArgsInput {
  spec: HlsStreamSpec;
  startSegment: number;
  /** Folder the segments and the csv segment list go to. */
  outDir: string;
  encoder: EncoderChoice;
  devices: Devices;
  /** libx264/libx265 preset. */
  preset: string;
}

/**
 * The ffmpeg command producing segments `startSegment…` as `seg<N>.ts` with a csv list of finished ones.
 * Encodes seek with `-ss` before `-i` and shift timestamps back with `-output_ts_offset`; stream copies keep
 * the source's (`-copyts -start_at_zero`), so cuts land on the keyframes the boundaries were made from.
 */
export function hlsArgs(o: HlsArgsInput): string[] {
  const { spec, startSegment } = o;
  const b = spec.boundaries;
  if (!Number.isInteger(startSegment) || startSegment < 0 || startSegment >= b.length - 1)
    throw new RangeError(`segment ${startSegment} out of range`);
  const start = b[startSegment];
  const copy = spec.video.mode === 'copy';
  const seek = start > 0 ? ['-ss', SECONDS(copy ? start + 0.01 : start)] : [];
  const times = b.slice(startSegment + 1, -1).map(SECONDS);
  const encoder = spec.video.mode === 'encode' ? o.encoder : { accel: 'software' as const, encoder: 'copy' };
  const args = ['-hide_banner', '-nostdin', '-v', 'error', '-y'];
  if (spec.video.mode === 'encode') args.push(...deviceArgs(encoder.accel, o.devices));
  args.push(...seek, '-i', spec.input);
  if (copy) args.push('-copyts', '-start_at_zero', '-avoid_negative_ts', 'disabled');
  else if (start > 0) args.push('-output_ts_offset', SECONDS(start));
  args.push('-map', '0:v:0');
  if (spec.audio) args.push('-map', `0:${spec.audio.streamIndex}`);
  args.push('-sn', '-dn', '-map_metadata', '-1', '-map_chapters', '-1');
  if (spec.video.mode === 'copy') args.push('-c:v', 'copy');
  else {
    const v = spec.video;
    // Encodes use equal segments (the last one shorter), so the first length is every length.
    const len = b.length > 2 ? b[1] - b[0] : b[b.length - 1] - b[0];
    args.push(
      ...videoFilter(encoder.accel, { width: v.width, height: v.height }),
      ...['-c:v', encoder.encoder, ...encoderOptions(encoder, o.preset)],
      ...(v.codec === 'h264' ? ['-profile:v', v.profile, '-level:v', v.level] : []),
      ...['-b:v', String(v.bitrate), '-maxrate', String(Math.round(v.bitrate * 1.5))],
      ...['-bufsize', String(v.bitrate * 2)],
      ...keyframeArgs(encoder.accel, len, spec.frameRate ?? 25),
    );
  }
  if (spec.audio?.mode === 'copy') args.push('-c:a', 'copy');
  else if (spec.audio) {
    args.push('-c:a', 'aac', '-b:a', String(spec.audio.bitrate), '-ac', String(spec.audio.channels));
  }
  args.push('-f', 'segment', '-segment_format', 'mpegts');
  if (times.length) args.push('-segment_times', times.join(','));
  else args.push('-segment_time', '86400');
  args.push(
    ...['-segment_start_number', String(startSegment)],
    ...['-segment_list', `${o.outDir}/segments.csv`, '-segment_list_type', 'csv'],
    `${o.outDir}/seg%d.ts`,
  );
  return args;
}

export interface OptimizeArgsInput {
  input: string;
  output: string;
  encoder: EncoderChoice;
  devices: Devices;
  preset: string;
  codec: VideoCodec;
  /** Target size (even numbers); null keeps the source size. */
  size: { width: number; height: number } | null;
  videoBitrate: number;
  audioBitrate: number;
  audioChannels: number;
}

/** An ahead-of-time MP4 (fast start) of the first video and audio stream, with progress on stdout. */
export function optimizeArgs(o: OptimizeArgsInput): string[] {
  return [
    ...['-hide_banner', '-nostdin', '-v', 'error', '-y', '-progress', 'pipe:1', '-nostats'],
    ...deviceArgs(o.encoder.accel, o.devices),
    ...['-i', o.input, '-map', '0:v:0', '-map', '0:a:0?', '-sn', '-dn'],
    ...videoFilter(o.encoder.accel, o.size),
    ...['-c:v', o.encoder.encoder, ...encoderOptions(o.encoder, o.preset)],
    ...(o.codec === 'hevc' ? ['-tag:v', 'hvc1'] : []),
    ...['-b:v', String(o.videoBitrate), '-maxrate', String(Math.round(o.videoBitrate * 1.5))],
    ...['-bufsize', String(o.videoBitrate * 2)],
    ...['-c:a', 'aac', '-b:a', String(o.audioBitrate), '-ac', String(o.audioChannels)],
    ...['-movflags', '+faststart', '-f', 'mp4', o.output],
  ];
}

/** Seconds of media done, from ffmpeg's `-progress` key=value blocks (the last `out_time_us`). */
export function progressSeconds(chunk: string): number | null {
  let last: number | null = null;
  for (const m of chunk.matchAll(/^out_time_(?:us|ms)=(\d+)$/gm)) last = Number(m[1]) / 1e6;
  return last;
}
