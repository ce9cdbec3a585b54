// Test media for the libraries plugin: tiny real files made once per test run with ffmpeg (lavfi sources),
// and builders for folder trees of such files, placeholders and text (NFO, subtitles).

import {
  accessSync,
  constants,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { makeMedia } from '@bijou/sdk/testing';

/** The kinds of generated media a tree entry can copy. */
export type MediaKind = 'h264' | 'hevc' | 'hdr';

// One folder per process: every test file of a `bun test` run shares it, so each medium is made once. `bun test`
// runs no exit hooks, so each run removes the folders of runs whose process is gone.
const MEDIA_PREFIX = 'bijou-libraries-media-';
const MEDIA_DIR = join(tmpdir(), `${MEDIA_PREFIX}${process.pid}`);
const made = new Map<MediaKind | 'srt', Promise<string>>();
const temps: string[] = [];
removeMediaOfFinishedRuns();

function removeMediaOfFinishedRuns(): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(MEDIA_PREFIX)) continue;
    const pid = Number(name.slice(MEDIA_PREFIX.length));
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ESRCH')
        rmSync(join(tmpdir(), name), { recursive: true, force: true });
    }
  }
}

const VIDEO = ['-f', 'lavfi', '-i', 'testsrc2=size=64x48:rate=10:duration=1'];
const TONE = (hz: number) => ['-f', 'lavfi', '-i', `sine=frequency=${hz}:duration=1`];
const X265 = ['-c:v', 'libx265', '-preset', 'ultrafast'];
const HDR10_PARAMS =
  'log-level=error:colorprim=bt2020:transfer=smpte2084:colormatrix=bt2020nc:hdr10=1:' +
  'master-display=G(13250,34500)B(7500,3000)R(34000,16000)WP(15635,16450)L(10000000,1):max-cll=1000,400';

const ffmpeg = makeMedia;

const SRT = '1\n00:00:00,000 --> 00:00:00,900\nHello there\n\n2\n00:00:00,900 --> 00:00:01,000\nBye\n';

function once(kind: MediaKind | 'srt', make: () => Promise<string>): Promise<string> {
  let p = made.get(kind);
  if (!p) {
    p = make();
    made.set(kind, p);
  }
  return p;
}

/** A two-cue SubRip file (also what the HEVC file embeds). */
export function srtFile(): Promise<string> {
  return once('srt', async () => {
    mkdirSync(MEDIA_DIR, { recursive: true });
    const path = join(MEDIA_DIR, 'cues.srt');
    writeFileSync(path, SRT);
    return path;
  });
}

/** 1 s of 64×48 H.264 video with one AAC track, in MP4. */
export function h264Mp4(): Promise<string> {
  return once('h264', () =>
    ffmpeg(
      [
        ...VIDEO,
        ...TONE(440),
        '-c:v',
        'libx264',
        '-preset',
        'ultrafast',
        '-pix_fmt',
        'yuv420p',
        '-c:a',
        'aac',
        '-b:a',
        '32k',
        '-shortest',
      ],
      join(MEDIA_DIR, 'tiny-h264.mp4'),
    ),
  );
}

/**
 * 1 s of HEVC in Matroska with two AAC tracks — English (default) and French — and an embedded English
 * SubRip track flagged forced.
 */
export function hevcMkv(): Promise<string> {
  return once('hevc', async () => {
    const srt = await srtFile();
    return ffmpeg(
      [
        ...VIDEO,
        ...TONE(440),
        ...TONE(660),
        '-i',
        srt,
        ...['-map', '0:v', '-map', '1:a', '-map', '2:a', '-map', '3:s'],
        ...X265,
        '-x265-params',
        'log-level=error',
        '-pix_fmt',
        'yuv420p',
        ...['-c:a', 'aac', '-b:a', '32k', '-c:s', 'subrip'],
        ...['-metadata:s:a:0', 'language=eng', '-metadata:s:a:1', 'language=fre'],
        ...['-disposition:a:0', 'default', '-disposition:a:1', '0'],
        ...['-metadata:s:s:0', 'language=eng', '-disposition:s:0', 'forced'],
      ],
      join(MEDIA_DIR, 'two-audio.mkv'),
    );
  });
}

/** 1 s of 10-bit HEVC tagged BT.2020 / PQ (SMPTE 2084) with HDR10 mastering metadata, in Matroska. */
export function hdrMkv(): Promise<string> {
  return once('hdr', () =>
    ffmpeg(
      [
        ...VIDEO,
        ...X265,
        '-pix_fmt',
        'yuv420p10le',
        ...['-color_primaries', 'bt2020', '-color_trc', 'smpte2084', '-colorspace', 'bt2020nc'],
        '-x265-params',
        HDR10_PARAMS,
      ],
      join(MEDIA_DIR, 'hdr10.mkv'),
    ),
  );
}

const MAKERS: Record<MediaKind, () => Promise<string>> = { h264: h264Mp4, hevc: hevcMkv, hdr: hdrMkv };

/** A tree entry: text (NFO, subtitles, placeholders; '' for an empty file) or a generated medium. */
export type Entry = string | Uint8Array | { media: MediaKind };

// Library trees go to RAM when the machine has it: a tree of thousands of files costs seconds on a slow disk.
const TREE_BASE = (() => {
  try {
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return tmpdir();
  }
})();

/** A fresh temp folder for a library tree, removed by {@link removeTemps}. */
export function tempDir(prefix = 'bijou-lib-'): string {
  // Real path: libraries store resolved paths, and tests compare against them.
  const dir = realpathSync(mkdtempSync(join(TREE_BASE, prefix)));
  temps.push(dir);
  return dir;
}

/** Removes every folder {@link tempDir} made. */
export function removeTemps(): void {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Writes `files` (`/`-separated paths relative to `root`) under `root`, creating folders; returns `root`. */
export async function writeTree(root: string, files: Record<string, Entry>): Promise<string> {
  for (const [rel, entry] of Object.entries(files)) {
    const path = join(root, rel);
    mkdirSync(dirname(path), { recursive: true });
    if (typeof entry === 'string' || entry instanceof Uint8Array) writeFileSync(path, entry);
    else copyFileSync(await MAKERS[entry.media](), path);
  }
  return root;
}

/** Makes an empty folder (for trees where a folder must exist without files). */
export function mkdir(root: string, rel: string): string {
  const path = join(root, rel);
  mkdirSync(path, { recursive: true });
  return path;
}

/** Sets a file's modification time (seconds since the epoch) so a rescan sees it as changed. */
export function setMtime(path: string, seconds: number): void {
  utimesSync(path, seconds, seconds);
}

/** A Kodi movie NFO with the given fields; actors are `[name, role]` in order. */
export function movieNfo(o: {
  title?: string;
  year?: number;
  tmdb?: string;
  imdb?: string;
  genres?: string[];
  mpaa?: string;
  actors?: [string, string][];
}): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', '<movie>'];
  if (o.title) lines.push(`  <title>${o.title}</title>`);
  if (o.year) lines.push(`  <year>${o.year}</year>`);
  if (o.mpaa) lines.push(`  <mpaa>${o.mpaa}</mpaa>`);
  if (o.tmdb) lines.push(`  <uniqueid type="tmdb" default="true">${o.tmdb}</uniqueid>`);
  if (o.imdb) lines.push(`  <uniqueid type="imdb">${o.imdb}</uniqueid>`);
  for (const g of o.genres ?? []) lines.push(`  <genre>${g}</genre>`);
  (o.actors ?? []).forEach(([name, role], i) => {
    lines.push(`  <actor><name>${name}</name><role>${role}</role><order>${i}</order></actor>`);
  });
  lines.push('</movie>');
  return `${lines.join('\n')}\n`;
}

/** `count` movie folders with a release-named video each, every other one with a movie.nfo (title, tmdb id, Drama). */
export function numberedMovieTree(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const dir = `Film Number ${i} (${1950 + (i % 70)})`;
    files[`${dir}/Film.Number.${i}.${1950 + (i % 70)}.1080p.BluRay.x264-GRP.mkv`] = '';
    if (i % 2 === 0)
      files[`${dir}/movie.nfo`] = movieNfo({
        title: `NFO Title ${i}`,
        tmdb: String(5000 + i),
        genres: ['Drama'],
      });
  }
  return files;
}
