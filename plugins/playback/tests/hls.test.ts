// HLS with real ffmpeg: a remux of H.264 in Matroska (keyframe-aligned copies, sidecar SRT) and a transcode of
// HEVC (ladder, CODECS/RESOLUTION checked against the segments, embedded subtitles, continuity across a seek).
// Every playlist goes through hls-parser in strict mode; every segment through ffprobe.

import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { mediaToolPath } from '@bijou/sdk';
import HLS from 'hls-parser';
import { BROWSER, boot, createSession, fetchRaw, fetchText, streamUrl, type World } from './harness.ts';
import { h264Mkv, hevcMkv, place, probe, SRT } from './media.ts';

HLS.setOptions({ strictMode: true, silent: true });
const SEGMENT = 2;
let w: World;

beforeAll(async () => {
  w = await boot(
    'movies',
    async (root) => {
      await place(root, 'Remux Movie (2021)/Remux Movie (2021).mkv', h264Mkv);
      await Bun.write(`${root}/Remux Movie (2021)/Remux Movie (2021).en.srt`, SRT);
      await place(root, 'Hevc Movie (2022)/Hevc Movie (2022).mkv', hevcMkv);
    },
    {
      playback: { segmentSeconds: SEGMENT, remuxSegmentSeconds: SEGMENT },
      transcoder: { preset: 'ultrafast' },
    },
  );
});
afterAll(() => w.stop());

async function master(s: any): Promise<HLS.types.MasterPlaylist> {
  const r = await fetchText(w, s.urls.master);
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
  const p = HLS.parse(r.text);
  if (!p.isMasterPlaylist) throw new Error('expected a master playlist');
  return p as HLS.types.MasterPlaylist;
}

/** A stream path of a session with its token (URIs from playlists already carry it). */
const url = (s: any, path: string) =>
  path.includes('st=') ? `/api/stream/${s.sessionId}/${path}` : streamUrl(s, path);

async function media(s: any, uri: string): Promise<HLS.types.MediaPlaylist> {
  const r = await fetchText(w, url(s, uri));
  expect(r.status).toBe(200);
  const p = HLS.parse(r.text);
  if (p.isMasterPlaylist) throw new Error('expected a media playlist');
  return p as HLS.types.MediaPlaylist;
}

async function segment(s: any, quality: string, uri: string) {
  const r = await fetchRaw(w, url(s, `${quality}/${uri}`));
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toBe('video/mp2t');
  return probe(r.bytes);
}

const videoOf = (p: Awaited<ReturnType<typeof probe>>) => p.streams.find((x) => x.codec_type === 'video')!;

/** Keyframe times of a file's video, from ffprobe. */
async function keyframes(path: string): Promise<number[]> {
  const args = [
    '-v',
    'error',
    '-select_streams',
    'v:0',
    '-show_entries',
    'packet=pts_time,flags',
    '-of',
    'csv=p=0',
  ];
  const proc = Bun.spawn([mediaToolPath('ffprobe'), ...args, path], { stdout: 'pipe' });
  const text = await new Response(proc.stdout).text();
  return text
    .split('\n')
    .filter((l) => l.includes(',K'))
    .map((l) => Number(l.split(',')[0]));
}

describe('remux: H.264 in Matroska for a browser', () => {
  let s: any;
  beforeAll(async () => {
    s = (await createSession(w, { itemId: w.ids['Remux Movie'], capabilities: BROWSER })).body;
  });

  test('is a remux because only the container is unsupported', () => {
    expect({ mode: s.mode, reasons: s.reasons }).toEqual({
      mode: 'remux',
      reasons: ['ContainerNotSupported'],
    });
  });

  test('the master has one copy variant with the source codecs and size, and the sidecar as subtitles', async () => {
    const m = await master(s);
    expect(m.variants).toHaveLength(1);
    const v = m.variants[0];
    expect(v.uri.split('?')[0]).toBe('original/playlist.m3u8');
    const p = await probe(await h264Mkv());
    const src = videoOf(p) as any;
    const level = (src.level as number).toString(16).padStart(2, '0');
    expect(v.codecs).toBe(`avc1.42e0${level},mp4a.40.2`);
    expect(v.resolution).toEqual({ width: 160, height: 90 });
    expect(v.subtitles.map((x) => [x.language, x.groupId])).toEqual([['eng', 'subs']]);
  });

  test('the media playlist lists every segment up front, each cut on a source keyframe', async () => {
    const pl = await media(s, 'original/playlist.m3u8');
    expect(pl.endlist).toBe(true);
    expect(pl.playlistType).toBe('VOD');
    const lengths = pl.segments.map((x) => x.duration);
    expect(lengths.reduce((a, x) => a + x, 0)).toBeCloseTo(s.durationSeconds, 2);
    expect(lengths.slice(0, -1).every((l) => l >= SEGMENT)).toBe(true);
    const keys = await keyframes(await h264Mkv());
    const cuts = lengths.slice(0, -1).map((_, i) => lengths.slice(0, i + 1).reduce((a, x) => a + x, 0));
    for (const cut of cuts) expect(keys.some((k) => Math.abs(k - cut) < 0.001)).toBe(true);
  });

  test('copied segments keep the codecs, start where the playlist says and continue each other', async () => {
    const pl = await media(s, 'original/playlist.m3u8');
    const first = Number(videoOf(await probe(await h264Mkv())).start_time);
    let at = 0;
    for (const seg of pl.segments) {
      const p = await segment(s, 'original', seg.uri);
      expect(p.streams.map((x) => x.codec_name).sort()).toEqual(['aac', 'h264']);
      const v = videoOf(p);
      expect(Number(v.start_time)).toBeCloseTo(1.4 + Math.max(at, first), 3);
      expect(Number(v.start_time) + Number(v.duration)).toBeCloseTo(1.4 + at + seg.duration, 1);
      at += seg.duration;
    }
  });

  test('the sidecar SRT is served as WebVTT; inside HLS with an X-TIMESTAMP-MAP', async () => {
    const sub = s.tracks.subtitles[0];
    expect({ external: sub.external, language: sub.language }).toEqual({ external: true, language: 'eng' });
    const plain = await fetchText(w, sub.url);
    expect(plain.headers.get('content-type')).toBe('text/vtt; charset=utf-8');
    expect(plain.text).toStartWith('WEBVTT');
    expect(plain.text).toContain('00:01.000 --> 00:02.500');
    expect(plain.text).toContain('Hello from the sidecar');
    const list = await media(s, `subtitles/${sub.id}.m3u8`);
    expect(list.segments).toHaveLength(1);
    const inHls = await fetchText(w, url(s, `subtitles/${list.segments[0].uri}`));
    expect(inHls.text.split('\n').slice(0, 2)).toEqual([
      'WEBVTT',
      'X-TIMESTAMP-MAP=MPEGTS:126000,LOCAL:00:00:00.000',
    ]);
  });

  test('a segment past the end and an unknown quality answer 404', async () => {
    expect((await fetchRaw(w, streamUrl(s, 'original/5.ts'))).status).toBe(404);
    expect((await fetchRaw(w, streamUrl(s, 'original/99999.ts'))).status).toBe(404);
    expect((await fetchRaw(w, streamUrl(s, '1080p/0.ts'))).status).toBe(404);
    expect((await fetchRaw(w, streamUrl(s, 'original/abc.ts'))).status).toBe(404);
  });
});

describe('transcode: HEVC for a browser', () => {
  let s: any;
  beforeAll(async () => {
    s = (await createSession(w, { itemId: w.ids['Hevc Movie'], capabilities: BROWSER })).body;
  });
  afterAll(() => w.h.request('DELETE', `/v1/playback/sessions/${s.sessionId}`, { token: w.token }));

  test('is a transcode naming the container and the video codec', () => {
    expect({ mode: s.mode, reasons: s.reasons }).toEqual({
      mode: 'transcode',
      reasons: ['ContainerNotSupported', 'VideoCodecNotSupported'],
    });
  });

  test('the ladder never goes above the source and every variant says H.264 High with AAC', async () => {
    const m = await master(s);
    expect(m.variants.length).toBeGreaterThan(0);
    for (const v of m.variants) {
      expect(v.resolution!.height).toBeLessThanOrEqual(90);
      expect(v.codecs).toMatch(/^avc1\.6400[0-9a-f]{2},mp4a\.40\.2$/);
      expect(v.bandwidth).toBeGreaterThanOrEqual(v.averageBandwidth!);
      expect(v.subtitles.map((x) => x.language)).toEqual(['eng']);
    }
  });

  test('segments are H.264 at the advertised resolution and last the target length', async () => {
    const m = await master(s);
    const v = m.variants[0];
    const quality = v.uri.split('/')[0];
    const pl = await media(s, v.uri);
    expect(pl.targetDuration).toBe(SEGMENT);
    for (const seg of pl.segments) {
      const p = await segment(s, quality, seg.uri);
      const video = videoOf(p);
      expect({ codec: video.codec_name, width: video.width, height: video.height }).toEqual({
        codec: 'h264',
        width: v.resolution!.width,
        height: v.resolution!.height,
      });
      expect(Number(video.duration)).toBeCloseTo(seg.duration, 1);
    }
  });

  test('the embedded SubRip track is converted to WebVTT', async () => {
    const sub = s.tracks.subtitles[0];
    expect(sub.external).toBe(false);
    const r = await fetchText(w, sub.url);
    expect(r.status).toBe(200);
    expect(r.text).toContain('Hello from the embedded track');
  });

  test('ffmpeg restarts at a segment behind its encode, and timestamps continue across the restart', async () => {
    const quality = (await master(s)).variants[0].uri.split('/')[0];
    const whole = await segment(s, quality, '3.ts');
    // Starting at 6.5 s encodes from segment 3; seeking back to 0.5 s must restart ffmpeg at segment 0.
    const body = { itemId: w.ids['Hevc Movie'], capabilities: BROWSER, startPosition: 6.5 };
    const other = (await createSession(w, body)).body;
    const late = await segment(other, quality, '3.ts');
    const seek = await w.h.request('POST', `/v1/playback/sessions/${other.sessionId}/seek`, {
      token: w.token,
      body: { position: 0.5 },
    });
    expect(seek.body).toEqual({ positionSeconds: 0.5, segment: 0 });
    const early = await segment(other, quality, '2.ts');
    const started = w.h.logs.filter((l) => l.includes('encode started') && l.includes(other.sessionId));
    expect(started.map((l) => JSON.parse(l).segment)).toEqual([3, 0]);
    const frame = 1 / 24 + 0.002;
    const start = Number(videoOf(late).start_time);
    expect(Math.abs(start - Number(videoOf(whole).start_time))).toBeLessThan(frame);
    const end = Number(videoOf(early).start_time) + Number(videoOf(early).duration);
    expect(Math.abs(start - end)).toBeLessThan(frame);
    expect(Math.abs(start - (1.4 + 3 * SEGMENT))).toBeLessThan(frame);
    // Sound starts with the picture (an AAC frame is 1024 samples; 48 kHz → 21 ms).
    const audio = late.streams.find((x) => x.codec_type === 'audio')!;
    expect(Math.abs(Number(audio.start_time) - start)).toBeLessThan(0.05);
    await w.h.request('DELETE', `/v1/playback/sessions/${other.sessionId}`, { token: w.token });
  });
});
