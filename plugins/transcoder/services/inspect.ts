// ffprobe and ffmpeg helpers for playback: start time, profile/level and keyframes of a file, video size of an
// output, and text subtitles converted to WebVTT.
import type { MediaInspection } from '../api.ts';
import { parseInspection } from '../lib/inspect.ts';
import { run } from './run.ts';
import type { Ctx } from './types.ts';

/** Reads the first video stream's facts and, when asked, every keyframe time; null on failure or timeout. */
export async function inspect(
  ctx: Ctx,
  path: string,
  o: { keyframes?: boolean; timeoutMs?: number } = {},
): Promise<MediaInspection | null> {
  const entries = ['format=start_time', 'stream=codec_name,profile,level,avg_frame_rate,r_frame_rate'];
  if (o.keyframes) entries.push('packet=pts_time,flags');
  const r = await run(
    ctx,
    'ffprobe',
    ['-v', 'error', '-select_streams', 'v:0', '-show_entries', entries.join(':'), '-of', 'compact=p=1', path],
    { timeoutMs: o.timeoutMs ?? 10_000, maxOutput: 64_000_000 },
  );
  if (r.code !== 0 || r.timedOut) return null;
  return parseInspection(r.stdout, !!o.keyframes);
}

/** Width and height of the first video stream. */
export async function videoSize(ctx: Ctx, path: string): Promise<{ width: number; height: number } | null> {
  const r = await run(ctx, 'ffprobe', [
    ...['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height'],
    ...['-of', 'csv=p=0', path],
  ]);
  const m = /^(\d+),(\d+)/.exec(r.stdout.trim());
  return m ? { width: Number(m[1]), height: Number(m[2]) } : null;
}

/** Converts a sidecar (streamIndex null) or an embedded text stream to WebVTT; throws with ffmpeg's error. */
export async function toWebVtt(ctx: Ctx, input: string, streamIndex: number | null): Promise<string> {
  const map = streamIndex === null ? ['-map', '0:s:0'] : ['-map', `0:${streamIndex}`];
  const r = await run(
    ctx,
    'ffmpeg',
    [
      '-hide_banner',
      '-nostdin',
      '-v',
      'error',
      '-i',
      input,
      ...map,
      '-c:s',
      'webvtt',
      '-f',
      'webvtt',
      'pipe:1',
    ],
    { timeoutMs: 60_000, maxOutput: 32_000_000 },
  );
  if (r.code !== 0 || r.timedOut || !r.stdout.startsWith('WEBVTT')) {
    throw new Error(r.timedOut ? 'subtitle conversion timed out' : r.stderr.trim() || 'not a text subtitle');
  }
  return r.stdout;
}
