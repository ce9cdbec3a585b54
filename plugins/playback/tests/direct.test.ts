// Direct play of an H.264/AAC MP4: the decision, HTTP Range on /file (206, 416, If-Range, Accept-Ranges,
// content type, HEAD as GET, 304), and the stream token rules (401 without or with a bad/expired token, 403 for
// another session).
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getAndHead } from '@bijou/sdk/testing';
import { signToken } from '../lib/token.ts';
import { BROWSER, boot, createSession, fetchRaw, streamUrl, type World } from './harness.ts';
import { h264Mp4, place, probe } from './media.ts';

let w: World;
let s: any;
let path: string;
let size: number;

beforeAll(async () => {
  w = await boot('movies', async (root) => {
    path = await place(root, 'Direct Movie (2020)/Direct Movie (2020).mp4', h264Mp4);
  });
  size = statSync(path).size;
  const r = await createSession(w, { itemId: w.ids['Direct Movie'], capabilities: BROWSER });
  expect(r.status).toBe(201);
  s = r.body;
});
afterAll(() => w.stop());

describe('decision', () => {
  test('an MP4 with H.264 and AAC plays directly on a browser, with a file URL and no master playlist', () => {
    expect(s.mode).toBe('direct');
    expect(s.reasons).toEqual([]);
    expect(s.urls.master).toBeNull();
    expect(s.urls.file).toBe(streamUrl(s, 'file'));
    expect(s.durationSeconds).toBeCloseTo(10, 0);
  });

  test('the same file is remuxed for a client without MP4 support', async () => {
    const caps = { ...BROWSER, containers: ['webm'] };
    const r = await createSession(w, { itemId: w.ids['Direct Movie'], capabilities: caps });
    expect({ mode: r.body.mode, reasons: r.body.reasons }).toEqual({
      mode: 'remux',
      reasons: ['ContainerNotSupported'],
    });
    await w.h.request('DELETE', `/v1/playback/sessions/${r.body.sessionId}`, { token: w.token });
  });

  test('a bitrate cap below the file forces a transcode', async () => {
    const caps = { ...BROWSER, maxBitrate: 64_000 };
    const r = await createSession(w, { itemId: w.ids['Direct Movie'], capabilities: caps });
    expect({ mode: r.body.mode, reasons: r.body.reasons }).toEqual({
      mode: 'transcode',
      reasons: ['ContainerBitrateExceedsLimit'],
    });
    await w.h.request('DELETE', `/v1/playback/sessions/${r.body.sessionId}`, { token: w.token });
  });
});

describe('HTTP Range on /file', () => {
  test('no Range: 200 with the whole file, Accept-Ranges and video/mp4', async () => {
    const r = await fetchRaw(w, s.urls.file);
    expect(r.status).toBe(200);
    expect(r.headers.get('accept-ranges')).toBe('bytes');
    expect(r.headers.get('content-type')).toBe('video/mp4');
    expect(r.bytes.byteLength).toBe(size);
    expect((await probe(r.bytes)).streams.map((x) => x.codec_name).sort()).toEqual(['aac', 'h264']);
  });

  test.each([
    ['bytes=0-1', 0, 1],
    ['bytes=100-199', 100, 199],
    ['bytes=-50', -50, -1],
    ['bytes=1000-', 1000, -1],
  ])('%s answers 206 with exactly those bytes and Content-Range', async (range, a, b) => {
    const start = a < 0 ? size + a : a;
    const end = b < 0 ? size - 1 : b;
    const r = await fetchRaw(w, s.urls.file, { range });
    expect(r.status).toBe(206);
    expect(r.headers.get('content-range')).toBe(`bytes ${start}-${end}/${size}`);
    expect(r.headers.get('content-length')).toBe(String(end - start + 1));
    expect(new Uint8Array(r.bytes)).toEqual(new Uint8Array(readFileSync(path).subarray(start, end + 1)));
  });

  test('a range starting past the end answers 416 with bytes */size', async () => {
    const r = await fetchRaw(w, s.urls.file, { range: `bytes=${size}-` });
    expect(r.status).toBe(416);
    expect(r.headers.get('content-range')).toBe(`bytes */${size}`);
  });

  test('an If-Range that no longer matches gets the whole file with 200', async () => {
    const r = await fetchRaw(w, s.urls.file, { range: 'bytes=0-1', 'if-range': '"stale"' });
    expect(r.status).toBe(200);
    expect(r.bytes.byteLength).toBe(size);
  });

  test('an If-Range equal to the ETag keeps the range', async () => {
    const etag = (await fetchRaw(w, s.urls.file)).headers.get('etag')!;
    const r = await fetchRaw(w, s.urls.file, { range: 'bytes=0-1', 'if-range': etag });
    expect(r.status).toBe(206);
  });
});

describe('HEAD and conditional requests on /file', () => {
  const etag = async () => (await fetchRaw(w, s.urls.file)).headers.get('etag')!;

  test.each<[string, () => Promise<Record<string, string>>, number]>([
    ['no Range', async () => ({}), 200],
    ['Range bytes=0-1', async () => ({ range: 'bytes=0-1' }), 206],
    ['a Range past the end', async () => ({ range: `bytes=${size}-` }), 416],
    ['a stale If-Range', async () => ({ range: 'bytes=0-1', 'if-range': '"stale"' }), 200],
    ['If-None-Match of its ETag', async () => ({ 'if-none-match': await etag() }), 304],
  ])('HEAD with %s answers as GET, without the body', async (_name, headers, status) => {
    const { get, head, expected } = await getAndHead(
      (r) => w.h.app.handle(r),
      `http://localhost${s.urls.file}`,
      await headers(),
    );
    expect(get.status).toBe(status);
    // app.handle's HEAD stamps Content-Length: 0 on a 304 (see libraries' images-head.test.ts); a socket does not.
    if (status === 304) delete head.headers['content-length'];
    expect(head).toEqual(expected);
  });

  test('the whole file carries no Content-Range', async () => {
    const r = await fetchRaw(w, s.urls.file);
    expect(r.headers.get('content-range')).toBeNull();
    expect(r.headers.get('content-length')).toBe(String(size));
  });

  test('a player revalidating with the ETag gets a 304 without the file', async () => {
    const r = await fetchRaw(w, s.urls.file, { 'if-none-match': await etag() });
    expect(r.status).toBe(304);
    expect(r.bytes.byteLength).toBe(0);
  });
});

describe('stream tokens', () => {
  const other = () => `/api/stream/${s.sessionId}/file`;

  test('without a token the stream answers 401', async () => {
    expect((await fetchRaw(w, other())).status).toBe(401);
  });

  test('a token with a forged signature answers 401', async () => {
    const [body] = s.streamToken.split('.');
    expect((await fetchRaw(w, `${other()}?st=${body}.AAAA`)).status).toBe(401);
  });

  test('an expired token answers 401', async () => {
    const key = readFileSync(join(w.h.dataDir, 'plugin-data/playback/stream-token.key'), 'utf8');
    const uid = JSON.parse(Buffer.from(s.streamToken.split('.')[0], 'base64url').toString()).uid;
    const old = signToken(Buffer.from(key, 'base64'), { sid: s.sessionId, uid, exp: 1000 });
    const r = await w.h.request('GET', `${other()}?st=${old}`);
    expect({ status: r.status, body: r.body }).toEqual({
      status: 401,
      body: { error: 'Stream token expired' },
    });
  });

  test("another session's token answers 403", async () => {
    const r2 = await createSession(w, { itemId: w.ids['Direct Movie'], capabilities: BROWSER });
    expect((await fetchRaw(w, `${other()}?st=${r2.body.streamToken}`)).status).toBe(403);
  });

  test('an unknown session with its own valid-looking token answers 403, not the file', async () => {
    expect((await fetchRaw(w, `/api/stream/nosuchsession/file?st=${s.streamToken}`)).status).toBe(403);
  });

  test('a direct session has no HLS: master and segments answer 404', async () => {
    expect((await fetchRaw(w, streamUrl(s, 'master.m3u8'))).status).toBe(404);
    expect((await fetchRaw(w, streamUrl(s, 'original/0.ts'))).status).toBe(404);
  });

  test('path-like segment and subtitle names never reach the disk', async () => {
    for (const p of ['subtitles/..%2F..%2Fetc%2Fpasswd', 'subtitles/x.vtt', '..%2F..%2Fbijou.sqlite'])
      expect((await fetchRaw(w, streamUrl(s, p))).status).toBe(404);
  });

  test('after the session ends its token opens nothing (404)', async () => {
    const r = await createSession(w, { itemId: w.ids['Direct Movie'], capabilities: BROWSER });
    const del = await w.h.request('DELETE', `/v1/playback/sessions/${r.body.sessionId}`, { token: w.token });
    expect(del.status).toBe(204);
    expect((await fetchRaw(w, r.body.urls.file)).status).toBe(404);
  });
});
