// Test media for playback: tiny real files made once per test process with ffmpeg (lavfi sources, fast presets),
// and ffprobe helpers to read what a stream actually delivered.

import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { mediaToolPath } from '@bijou/sdk';
import { makeMedia } from '@bijou/sdk/testing';

const DIR = join(tmpdir(), `bijou-playback-media-${process.pid}`);
process.on('exit', () => rmSync(DIR, { recursive: true, force: true }));
const made = new Map<string, Promise<string>>();

const ffmpeg = makeMedia;

function once(name: string, make: (out: string) => Promise<string>): Promise<string> {
  let p = made.get(name);
  if (!p) {
    p = make(join(DIR, name));
    made.set(name, p);
  }
  return p;
}

const SECONDS = 10;
const video = (size = '160x90') => ['-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=24:duration=${SECONDS}`];
const tone = (hz: number) => ['-f', 'lavfi', '-i', `sine=frequency=${hz}:duration=${SECONDS}`];
const X264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'];
const AAC = ['-c:a', 'aac', '-b:a', '48k'];

/** Ten seconds of 160×90 H.264 with AAC in MP4 (direct play). */
export const h264Mp4 = () =>
  once('direct.mp4', (out) => ffmpeg([...video(), ...tone(440), ...X264, ...AAC], out));

/** The same in Matroska with a keyframe every second (remux). */
export const h264Mkv = () =>
  once('remux.mkv', (out) => ffmpeg([...video(), ...tone(440), ...X264, '-g', '24', ...AAC], out));

export const SRT =
  '1\n00:00:01,000 --> 00:00:02,500\nHello from the sidecar\n\n2\n00:00:04,000 --> 00:00:05,000\nBye\n';

/**
 * Ten seconds of HEVC in Matroska with English (default) and French AAC tracks and an embedded English SubRip
 * track (transcode).
 */
export const hevcMkv = () =>
  once('hevc.mkv', async (out) => {
    const srt = join(DIR, 'embedded.srt');
    mkdirSync(DIR, { recursive: true });
    writeFileSync(srt, SRT.replace('sidecar', 'embedded track'));
    return ffmpeg(
      [
        ...video(),
        ...tone(440),
        ...tone(660),
        ...['-i', srt, '-map', '0:v', '-map', '1:a', '-map', '2:a', '-map', '3:s'],
        ...[
          '-c:v',
          'libx265',
          '-preset',
          'ultrafast',
          '-x265-params',
          'log-level=error',
          '-pix_fmt',
          'yuv420p',
        ],
        ...AAC,
        ...['-c:s', 'subrip', '-metadata:s:a:0', 'language=eng', '-metadata:s:a:1', 'language=fre'],
        ...['-disposition:a:0', 'default', '-disposition:a:1', '0', '-metadata:s:s:0', 'language=eng'],
      ],
      out,
    );
  });

/** Copies a medium into `root/rel` (folders created); returns the path. */
export async function place(root: string, rel: string, make: () => Promise<string>): Promise<string> {
  const to = join(root, rel);
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(await make(), to);
  return to;
}

export interface ProbedStream {
  codec_name: string;
  codec_type: string;
  width?: number;
  height?: number;
  start_time?: string;
  duration?: string;
}

/** ffprobe of a file or bytes: format duration/start and streams. */
export async function probe(input: string | ArrayBuffer): Promise<{
  format: { duration: string; start_time: string; format_name: string };
  streams: ProbedStream[];
}> {
  let path = input as string;
  if (typeof input !== 'string') {
    mkdirSync(DIR, { recursive: true });
    path = join(DIR, `probe-${crypto.randomUUID()}`);
    writeFileSync(path, new Uint8Array(input));
  }
  const proc = Bun.spawn(
    [mediaToolPath('ffprobe'), '-v', 'error', '-show_format', '-show_streams', '-of', 'json', path],
    {
      stdout: 'pipe',
      stderr: 'pipe',
    },
  );
  const [out, code] = await Promise.all([new Response(proc.stdout).text(), proc.exited]);
  if (typeof input !== 'string') rmSync(path, { force: true });
  if (code !== 0) throw new Error(`ffprobe failed on ${path}`);
  return JSON.parse(out);
}
