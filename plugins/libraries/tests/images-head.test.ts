// HEAD of artwork answers exactly as GET does, without the body: a whole original or resized image is a 200 with
// Accept-Ranges, Content-Length and no Content-Range; a byte range a 206, past the end a 416, a stale If-Range the
// whole image, a current conditional request a 304 — through the app and over a real socket. A HEAD with a Range
// answers as a GET without one (Range applies to GET only).
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Answer, getAndHead, makeMedia } from '@bijou/sdk/testing';
import { removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, movieTitled, scan } from './harness.ts';

let b: Booted;
let poster: string;
let path: string;
/** By width ('' for the original): its bytes and ETag as a plain GET gets them. */
const whole = new Map<string, { bytes: Uint8Array<ArrayBuffer>; etag: string }>();
let base: string;

beforeAll(async () => {
  b = await boot({ probe: false });
  const root = await writeTree(tempDir(), { 'Up (2009)/Up (2009).mkv': '' });
  poster = join(root, 'Up (2009)/poster.jpg');
  await makeMedia(['-f', 'lavfi', '-i', 'color=c=blue:size=400x600', '-frames:v', '1'], poster);
  await scan(b, await createLibrary(b, 'movies', [root]));
  path = `/v1/images/${(await movieTitled(b, 'Up')).id}/poster`;
  for (const q of ['', '?width=120']) {
    const r = await b.h.app.handle(request(`${path}${q}`));
    whole.set(q, { bytes: new Uint8Array(await r.arrayBuffer()), etag: r.headers.get('etag')! });
  }
  b.h.app.listen({ port: 0, hostname: '127.0.0.1' });
  base = `http://127.0.0.1:${b.h.app.server!.port}`;
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

function request(url: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Request(new URL(url, 'http://localhost'), {
    method,
    headers: { authorization: `Bearer ${b.token}`, ...headers },
  });
}

const auth = () => ({ authorization: `Bearer ${b.token}` });
const inApp = (url: string, headers: Record<string, string>) =>
  getAndHead((r) => b.h.app.handle(r), `http://localhost${url}`, { ...auth(), ...headers });
const onSocket = (url: string, headers: Record<string, string>) =>
  getAndHead(fetch, `${base}${url}`, { ...auth(), ...headers });

/**
 * Elysia answers a HEAD given to `app.handle` by running the GET and counting its body, so it stamps
 * `Content-Length: 0` on a bodiless 304; over a socket Bun hands the HEAD to the route itself and sends none (the
 * socket cases compare every header).
 */
const withoutLength304 = (a: Answer, inProcess: boolean): Answer => {
  if (!inProcess || a.status !== 304) return a;
  const { 'content-length': _, ...headers } = a.headers;
  return { ...a, headers };
};

const CASES: [string, (q: string) => Record<string, string>, number][] = [
  ['no Range', () => ({}), 200],
  ['Range bytes=0-9', () => ({ range: 'bytes=0-9' }), 206],
  ['a suffix Range bytes=-5', () => ({ range: 'bytes=-5' }), 206],
  ['a Range past the end', () => ({ range: 'bytes=99999999-' }), 416],
  ['a Range with a stale If-Range', () => ({ range: 'bytes=0-9', 'if-range': '"stale"' }), 200],
  ['If-None-Match of its ETag', (q) => ({ 'if-none-match': whole.get(q)!.etag }), 304],
  ['If-Modified-Since far ahead', () => ({ 'if-modified-since': 'Tue, 01 Jan 2999 00:00:00 GMT' }), 304],
];

describe.each([
  ['in the app', inApp, true],
  ['over a socket', onSocket, false],
] as const)('%s', (_where, send, inProcess) => {
  describe.each([
    ['the original', ''],
    ['a resized variant', '?width=120'],
  ])('%s', (_what, q) => {
    test.each(CASES)('HEAD with %s has the headers of GET and no body', async (_name, headers, status) => {
      const { get, head, expected } = await send(`${path}${q}`, headers(q));
      expect(get.status).toBe(status);
      expect(head.bytes).toBe(0);
      expect(withoutLength304(head, inProcess)).toEqual(expected);
    });

    test('the whole image is a 200 with Accept-Ranges, its length and type, validators, and no Content-Range', async () => {
      const { get } = await send(`${path}${q}`, {});
      const { bytes, etag } = whole.get(q)!;
      expect(get).toEqual({
        status: 200,
        headers: {
          'accept-ranges': 'bytes',
          'cache-control': 'private, no-cache',
          'content-length': String(bytes.byteLength),
          'content-type': 'image/jpeg',
          etag,
          'last-modified': expect.any(String),
        },
        bytes: bytes.byteLength,
      });
    });
  });
});

test.each([
  ['the original', ''],
  ['a resized variant', '?width=120'],
])('a range of %s is a 206 with exactly those bytes and its Content-Range', async (_what, q) => {
  const r = await b.h.app.handle(request(`${path}${q}`, { range: 'bytes=2-9' }));
  const { bytes } = whole.get(q)!;
  expect(r.status).toBe(206);
  expect(r.headers.get('content-range')).toBe(`bytes 2-9/${bytes.byteLength}`);
  expect(new Uint8Array(await r.arrayBuffer())).toEqual(bytes.slice(2, 10));
});

test('the original served whole is the file on disk', () => {
  expect(whole.get('')!.bytes).toEqual(new Uint8Array(readFileSync(poster)));
});
