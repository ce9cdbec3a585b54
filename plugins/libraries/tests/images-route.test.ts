// The images route as a browser meets it: validators (ETag, Last-Modified) and every form of conditional request,
// a policy that revalidates (the URL of an item's poster never changes, so a replaced poster must not stay cached),
// widths, content types by what the file holds, transparency kept when resizing, and artwork replaced on disk.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { copyFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { makeMedia } from '@bijou/sdk/testing';
import { removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, movieTitled, scan } from './harness.ts';

let b: Booted;
let root: string;
let lib: string;
let up: { id: string };
let heat: { id: string };

const image = (color: string, size: string, out: string, extra: string[] = []) =>
  makeMedia(['-f', 'lavfi', '-i', `color=c=${color}:size=${size}`, '-frames:v', '1', ...extra], out);

beforeAll(async () => {
  b = await boot({ probe: false });
  root = await writeTree(tempDir(), { 'Up (2009)/Up (2009).mkv': '', 'Heat (1995)/Heat (1995).mkv': '' });
  await image('blue', '400x600', join(root, 'Up (2009)/poster.jpg'));
  // A clear logo: fully transparent but for its colour channels.
  await image('red@0.0', '400x150', join(root, 'Up (2009)/logo.png'), ['-vf', 'format=rgba']);
  // Kodi's .tbn thumbnails are JPEG files under another extension.
  await image('green', '400x600', join(root, 'Heat (1995)/Heat (1995).tbn'), ['-f', 'mjpeg']);
  lib = await createLibrary(b, 'movies', [root]);
  await scan(b, lib);
  up = await movieTitled(b, 'Up');
  heat = await movieTitled(b, 'Heat');
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

const fetchImage = (path: string, headers: Record<string, string> = {}, token: string | null = b.token) =>
  b.h.app.handle(
    new Request(`http://localhost${path}`, {
      headers: token ? { authorization: `Bearer ${token}`, ...headers } : headers,
    }),
  );

/** The colour type of a PNG (6: RGBA, 4: grey with alpha); -1 when the bytes are not a PNG. */
const pngColorType = (bytes: Uint8Array) => (bytes[0] === 0x89 && bytes[1] === 0x50 ? bytes[25] : -1);

describe('validators and conditional requests', () => {
  let etag: string;
  let lastModified: string;

  beforeAll(async () => {
    const r = await fetchImage(`/v1/images/${up.id}/poster`);
    expect(r.status).toBe(200);
    etag = r.headers.get('etag')!;
    lastModified = r.headers.get('last-modified')!;
  });

  test('a poster carries a strong ETag, a Last-Modified date and a policy that revalidates', async () => {
    const r = await fetchImage(`/v1/images/${up.id}/poster`);
    expect(r.headers.get('content-type')).toBe('image/jpeg');
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(new Date(lastModified).toUTCString()).toBe(lastModified);
    expect(r.headers.get('cache-control')).toBe('private, no-cache');
  });

  test.each([
    ['its ETag', () => ({ 'if-none-match': etag })],
    ['its ETag marked weak (a proxy that compressed it)', () => ({ 'if-none-match': `W/${etag}` })],
    ['a list holding its ETag', () => ({ 'if-none-match': `"other", ${etag}` })],
    ['any ETag (*)', () => ({ 'if-none-match': '*' })],
    ['its Last-Modified date', () => ({ 'if-modified-since': lastModified })],
    ['a later date', () => ({ 'if-modified-since': 'Tue, 01 Jan 2999 00:00:00 GMT' })],
  ])('a request with %s is a 304 with the validators and no body', async (_name, headers) => {
    const r = await fetchImage(`/v1/images/${up.id}/poster`, headers());
    expect(r.status).toBe(304);
    expect(r.headers.get('etag')).toBe(etag);
    expect(r.headers.get('last-modified')).toBe(lastModified);
    expect(r.headers.get('cache-control')).toBe('private, no-cache');
    expect((await r.arrayBuffer()).byteLength).toBe(0);
  });

  test.each([
    ['another ETag', () => ({ 'if-none-match': '"other"' })],
    ['an earlier date', () => ({ 'if-modified-since': 'Thu, 01 Jan 1970 00:00:00 GMT' })],
    ['a date that is not one', () => ({ 'if-modified-since': 'yesterday' })],
    // If-None-Match decides when both are sent.
    [
      'another ETag and a later date',
      () => ({ 'if-none-match': '"other"', 'if-modified-since': lastModified }),
    ],
  ])('a request with %s gets the image', async (_name, headers) => {
    const r = await fetchImage(`/v1/images/${up.id}/poster`, headers());
    expect(r.status).toBe(200);
    expect((await r.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });
});

describe('widths, kinds and access', () => {
  test.each([['0'], ['-5'], ['abc'], ['1.5'], ['15'], ['4097'], ['99999999'], ['']])(
    'width=%s is a 422 naming query.width',
    async (width) => {
      const r = await fetchImage(`/v1/images/${up.id}/poster?width=${width}`);
      expect(r.status).toBe(422);
      expect((await r.json()).details.map((d: { path: string }) => d.path)).toEqual(['query.width']);
    },
  );

  test('a width has its own ETag, and a 304 for it', async () => {
    const full = (await fetchImage(`/v1/images/${up.id}/poster`)).headers.get('etag');
    const small = (await fetchImage(`/v1/images/${up.id}/poster?width=100`)).headers.get('etag')!;
    expect(small).not.toBe(full);
    expect(
      (await fetchImage(`/v1/images/${up.id}/poster?width=110`, { 'if-none-match': small })).status,
    ).toBe(304);
  });

  test('a transparent PNG logo resized stays a PNG with its alpha channel', async () => {
    const r = await fetchImage(`/v1/images/${up.id}/logo?width=120`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('image/png');
    expect([4, 6]).toContain(pngColorType(new Uint8Array(await r.arrayBuffer())));
  });

  test('a .tbn poster is served as the JPEG it is', async () => {
    const r = await fetchImage(`/v1/images/${heat.id}/poster`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('image/jpeg');
  });

  test('no such artwork, no such item, no such kind, and no credentials', async () => {
    expect((await fetchImage(`/v1/images/${heat.id}/backdrop`)).status).toBe(404);
    expect((await fetchImage('/v1/images/nope/poster')).status).toBe(404);
    expect((await fetchImage(`/v1/images/${up.id}/..%2Fposter`)).status).toBe(422);
    expect((await fetchImage(`/v1/images/${up.id}/poster`, {}, null)).status).toBe(401);
  });
});

describe('artwork replaced on disk', () => {
  test('after a rescan the new image is served, resized too, and the old ETag no longer matches', async () => {
    const path = `/v1/images/${up.id}/poster`;
    const before = await fetchImage(path);
    const oldTag = before.headers.get('etag')!;
    const oldSmall = new Uint8Array(await (await fetchImage(`${path}?width=120`)).arrayBuffer());
    const red = join(tempDir(), 'red.jpg');
    await image('red', '400x600', red);
    copyFileSync(red, join(root, 'Up (2009)/poster.jpg'));
    utimesSync(join(root, 'Up (2009)/poster.jpg'), new Date(), new Date(Date.now() + 5000));
    await scan(b, lib);
    const after = await fetchImage(path, { 'if-none-match': oldTag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(oldTag);
    expect(
      Buffer.from(await after.arrayBuffer()).equals(Buffer.from(await Bun.file(red).arrayBuffer())),
    ).toBe(true);
    const newSmall = new Uint8Array(await (await fetchImage(`${path}?width=120`)).arrayBuffer());
    expect(Buffer.from(newSmall).equals(Buffer.from(oldSmall))).toBe(false);
  });
});
