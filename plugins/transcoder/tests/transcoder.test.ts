// The transcoder booted alone with real ffmpeg: the capabilities route, readiness, on-demand HLS encodes through
// its API (slots, idle kill, stop, server stop), ffprobe helpers, and optimization without a source resolver.

import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mediaToolPath } from '@bijou/sdk';
import { createTestHost, type TestHost } from '@bijou/sdk/testing';
import type { HlsStreamSpec, TranscoderApi } from '../api.ts';
import { chooseEncoders } from '../lib/encoders.ts';

const dir = mkdtempSync(join(tmpdir(), 'bijou-transcoder-'));
const source = join(dir, 'long.mkv');
let h: TestHost;
let tc: TranscoderApi;
let token: string;

/** Two minutes of a tiny picture with a keyframe every 2 s: cheap to make, slow to upscale to 720p. */
async function makeSource(): Promise<void> {
  const args = ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=64x36:rate=24:duration=120'];
  args.push(
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:duration=120',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
  );
  args.push('-g', '48', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '32k', source);
  const p = Bun.spawn([mediaToolPath('ffmpeg'), ...args], { stderr: 'pipe' });
  if ((await p.exited) !== 0) throw new Error(await new Response(p.stderr).text());
}

const boundaries = Array.from({ length: 61 }, (_, i) => i * 2);
const spec: HlsStreamSpec = {
  input: source,
  boundaries,
  video: {
    mode: 'encode',
    codec: 'h264',
    width: 1280,
    height: 720,
    bitrate: 2_000_000,
    profile: 'high',
    level: '3.1',
  },
  audio: { mode: 'encode', streamIndex: 1, bitrate: 96_000, channels: 2 },
  frameRate: 24,
};
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
async function until(what: string, check: () => boolean, ms = 15_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await Bun.sleep(20);
  }
}

beforeAll(async () => {
  await makeSource();
  h = await createTestHost({ plugins: ['plugins/transcoder'] });
  token = await h.admin();
  const r = await h.request('PUT', '/v1/plugins/transcoder/config', { token, body: { maxTranscodes: 1 } });
  expect(r.status).toBe(200);
  tc = h.host.api('transcoder') as TranscoderApi;
  await tc.probed();
});
afterAll(async () => {
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('capabilities', () => {
  test('admins get every candidate with its test-encode result and the encoder chosen per codec', async () => {
    const r = await h.request('GET', '/v1/transcoder/capabilities', { token });
    expect(r.status).toBe(200);
    const caps = r.body;
    expect(caps.state).toBe('ready');
    expect(caps.ffmpegVersion).toMatch(/^(\d|N-\d)/); // a release number, or a static build's git describe
    expect(caps.candidates.map((c: any) => `${c.codec}:${c.accel}`)).toEqual([
      'h264:vaapi',
      'h264:qsv',
      'h264:nvenc',
      'h264:software',
      'hevc:vaapi',
      'hevc:qsv',
      'hevc:nvenc',
      'hevc:software',
    ]);
    expect(caps.candidates.find((c: any) => c.encoder === 'libx264')).toMatchObject({
      ok: true,
      error: null,
    });
    for (const c of caps.candidates.filter((x: any) => !x.ok)) expect(c.error.length).toBeGreaterThan(0);
    expect(caps.chosen).toEqual(chooseEncoders(caps.candidates, caps.order));
    expect(caps.capacity).toEqual({ active: 0, max: 1 });
  });

  test('users get 403 and anonymous callers 401', async () => {
    const user = await h.user();
    expect((await h.request('GET', '/v1/transcoder/capabilities', { token: user.token })).status).toBe(403);
    expect((await h.request('GET', '/v1/transcoder/capabilities')).status).toBe(401);
  });

  test('readiness reports the working H.264 encoder', () => {
    expect(tc.readiness()).toEqual({ ready: true, detail: `h264 via ${tc.encoderFor('h264').encoder}` });
  });
});

describe('on-demand HLS', () => {
  test('a segment is encoded on demand at the asked size and length', async () => {
    const path = await tc.segment('owner-a', '720p', spec, 0);
    const probe = Bun.spawnSync([
      mediaToolPath('ffprobe'),
      ...[
        '-v',
        'error',
        '-select_streams',
        'v:0',
        '-show_entries',
        'stream=codec_name,width,height:format=duration',
      ],
      ...['-of', 'json', path],
    ]);
    const { streams, format } = JSON.parse(probe.stdout.toString());
    expect(streams[0]).toEqual({ codec_name: 'h264', width: 1280, height: 720 });
    expect(Number(format.duration)).toBeCloseTo(2, 1);
    expect(tc.capacity()).toEqual({ active: 1, max: 1 });
  });

  test('with the only slot taken another owner’s encode is refused with a Retry-After', async () => {
    expect(tc.reserve('owner-b')).toBe(false);
    const err = await tc.segment('owner-b', '720p', spec, 0).catch((e) => e);
    expect(err.retryAfterSeconds).toBeGreaterThan(0);
  });

  test('a segment outside the boundaries is a RangeError', async () => {
    expect(await tc.segment('owner-a', '720p', spec, 60).catch((e) => e)).toBeInstanceOf(RangeError);
  });

  test('an encode nobody asks for is stopped after the idle time; the next request restarts it', async () => {
    expect(tc.running().map((r) => r.owner)).toEqual(['owner-a']);
    const r = await h.request('PUT', '/v1/plugins/transcoder/config', {
      token,
      body: { maxTranscodes: 1, idleSeconds: 1 },
    });
    expect(r.status).toBe(200);
    await until('the idle kill', () => tc.running().length === 0);
    expect(tc.capacity().active).toBe(1);
    await tc.segment('owner-a', '720p', spec, 20);
    const starts = h.logs.filter((l) => l.includes('encode started') && l.includes('owner-a'));
    expect(starts.map((l) => JSON.parse(l).segment)).toEqual([0, 20]);
  });

  test('stop() kills ffmpeg, frees the slot and deletes the segments', async () => {
    tc.prepare('owner-a', '720p', spec, 40);
    await until('the encode at 40', () => tc.running()[0]?.startSegment === 40);
    const pid = tc.running()[0].pid;
    await tc.stop('owner-a');
    expect(alive(pid)).toBe(false);
    expect(tc.capacity()).toEqual({ active: 0, max: 1 });
    expect(existsSync(join(h.dataDir, 'cache/transcoder/hls/owner-a'))).toBe(false);
  });

  test('stopping the server kills running encodes', async () => {
    const other = await createTestHost({ plugins: ['plugins/transcoder'] });
    const api = other.host.api('transcoder') as TranscoderApi;
    api.prepare('x', '720p', spec, 0);
    await until('an encode', () => api.running().length === 1);
    const pid = api.running()[0].pid;
    await other.stop();
    expect(alive(pid)).toBe(false);
  });
});

describe('stopping an owner while requests are under way', () => {
  const starts = (owner: string) =>
    h.logs.filter((l) => l.includes('encode started') && JSON.parse(l).owner === owner).length;
  const ownerDir = (owner: string) => join(h.dataDir, 'cache/transcoder/hls', owner);

  test('a request waiting on the running encode is refused as stopped and starts no new ffmpeg', async () => {
    tc.prepare('owner-w', '720p', spec, 0);
    await until('the encode', () => tc.running().some((r) => r.owner === 'owner-w'));
    const pid = tc.running()[0].pid;
    const waiting = tc.segment('owner-w', '720p', spec, 6).catch((e) => e);
    await tc.stop('owner-w');
    const err = await waiting;
    expect(err.stopped).toBe(true);
    expect(alive(pid)).toBe(false);
    expect(starts('owner-w')).toBe(1);
    expect(existsSync(ownerDir('owner-w'))).toBe(false);
    expect(tc.capacity().active).toBe(0);
  });

  test('a segment asked just before stop() starts nothing and leaves no folder', async () => {
    const asked = tc.segment('owner-s', '720p', spec, 10).catch((e) => e);
    await tc.stop('owner-s');
    expect((await asked).stopped).toBe(true);
    expect(starts('owner-s')).toBe(0);
    expect(tc.running()).toEqual([]);
    expect(existsSync(ownerDir('owner-s'))).toBe(false);
  });

  test('requests for a stopped owner are refused without starting ffmpeg', async () => {
    expect((await tc.segment('owner-w', '720p', spec, 0).catch((e) => e)).stopped).toBe(true);
    tc.prepare('owner-w', '720p', spec, 3);
    expect(tc.reserve('owner-w')).toBe(false);
    expect(starts('owner-w')).toBe(1);
    expect(existsSync(ownerDir('owner-w'))).toBe(false);
  });
});

describe('ffprobe helpers', () => {
  test('inspect reads the profile, level and keyframes relative to the start', async () => {
    const info = await tc.inspect(source, { keyframes: true });
    expect(info?.video).toMatchObject({ codec: 'h264', frameRate: 24 });
    const keys = info?.keyframes ?? [];
    expect(keys).toHaveLength(60);
    expect(keys.slice(1).map((k, i) => Math.round((k - keys[i]) * 1000) / 1000)).toEqual(Array(59).fill(2));
    expect(info?.startTime).toBe(0);
  });

  test('converting a file without subtitles fails', async () => {
    expect(await tc.toWebVtt(source, null).catch((e) => e)).toBeInstanceOf(Error);
  });
});

test('optimization needs the playback plugin to resolve sources: 503 without it', async () => {
  const body = { name: 'TV', videoCodec: 'h264', maxHeight: 1080, videoBitrate: 8_000_000 };
  const p = await h.request('POST', '/v1/optimization/profiles', { token, body });
  expect(p.status).toBe(201);
  const r = await h.request('POST', '/v1/optimization/queue', {
    token,
    body: { profileId: p.body.id, itemId: 'x' },
  });
  expect(r.status).toBe(503);
});
