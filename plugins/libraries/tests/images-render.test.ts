// Resized artwork under load: however many requests arrive at once, at most two ffmpeg renders run, one per
// variant (the others wait for it and get the same file), and a render that fails serves the original; and one
// real render through the images route.
import { afterAll, expect, test } from 'bun:test';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeMedia } from '@bijou/sdk/testing';
import { ImageCache } from '../services/image-cache.ts';
import { type ImageFile, resized, variantBytes } from '../services/images.ts';
import type { Ctx } from '../services/types.ts';
import { removeTemps, tempDir } from './fixtures.ts';
import { boot, createLibrary, movieTitled, scan } from './harness.ts';

afterAll(removeTemps);

/** A context whose ffmpeg writes its output after `ms` (exit code `code`), counting runs and the most at once. */
function fakeFfmpeg(o: { ms: number; code?: number }) {
  const seen = { runs: 0, now: 0, most: 0 };
  const exec = (_cmd: string, args: string[], opts?: { signal?: AbortSignal }) => {
    seen.runs += 1;
    seen.now += 1;
    seen.most = Math.max(seen.most, seen.now);
    const exited = new Promise<number>((resolve) => {
      const done = (code: number) => {
        seen.now -= 1;
        resolve(code);
      };
      opts?.signal?.addEventListener('abort', () => done(143));
      setTimeout(() => {
        if ((o.code ?? 0) === 0) writeFileSync(args[args.length - 1], 'jpeg');
        done(o.code ?? 0);
      }, o.ms);
    });
    return { exited };
  };
  const ctx = { exec, paths: { cache: tempDir() } } as unknown as Ctx;
  return { ctx, seen };
}

const poster = (n: number): ImageFile => ({
  owner: `film${n}/poster`,
  path: `/media/Film ${n}/poster.jpg`,
  etag: `"e${n}"`,
  lastModified: 'Tue, 24 Nov 2026 07:09:31 GMT',
  size: 1,
  type: 'image/jpeg',
});

test('twelve posters asked for at once render two at a time, each once', async () => {
  const { ctx, seen } = fakeFfmpeg({ ms: 15 });
  const outs = await Promise.all(Array.from({ length: 12 }, (_, i) => resized(ctx, poster(i), 240)));
  expect(seen).toEqual({ runs: 12, now: 0, most: 2 });
  expect(new Set(outs).size).toBe(12);
  for (const out of outs) expect(existsSync(out)).toBe(true);
});

test('one variant asked for by many at once renders once, and later from the cache', async () => {
  const { ctx, seen } = fakeFfmpeg({ ms: 15 });
  const outs = await Promise.all(Array.from({ length: 6 }, () => resized(ctx, poster(1), 240)));
  expect(new Set(outs).size).toBe(1);
  expect(outs[0]).toStartWith(join(ctx.paths.cache, 'images'));
  expect(await resized(ctx, poster(1), 240)).toBe(outs[0]);
  expect(seen.runs).toBe(1);
});

test('a render that fails serves the original', async () => {
  const { ctx } = fakeFfmpeg({ ms: 5, code: 1 });
  expect(await resized(ctx, poster(2), 240)).toBe(poster(2).path);
});

test('a cached copy a sweep removes before it is read is rendered again, not lost', async () => {
  const { ctx, seen } = fakeFfmpeg({ ms: 5 });
  const first = await variantBytes(ctx, poster(3), 240);
  expect(seen.runs).toBe(1);
  expect(Buffer.from(first.bytes ?? []).toString()).toBe('jpeg');
  // Another request's copy pushes the cache over its bound right after this one was found there: it is swept
  // between the check and the read.
  class SweptAfterCheck extends ImageCache {
    override has(path: string): boolean {
      const found = super.has(path);
      if (found) rmSync(path);
      return found;
    }
  }
  const cache = new SweptAfterCheck(join(ctx.paths.cache, 'images'));
  const again = await variantBytes(ctx, poster(3), 240, cache);
  expect(again.path).toBe(first.path);
  expect(Buffer.from(again.bytes ?? []).toString()).toBe('jpeg');
  expect(seen.runs).toBe(2);
  expect(readFileSync(again.path, 'utf8')).toBe('jpeg');
});

test('a variant whose render fails is the original, unread', async () => {
  const { ctx } = fakeFfmpeg({ ms: 5, code: 1 });
  expect(await variantBytes(ctx, poster(4), 240)).toEqual({ path: poster(4).path, bytes: null });
});

/** Width and height from a baseline or progressive JPEG's start-of-frame marker. */
function jpegSize(bytes: Uint8Array): [number, number] {
  for (let i = 2; i + 9 < bytes.length; ) {
    const marker = bytes[i + 1];
    const length = (bytes[i + 2] << 8) | bytes[i + 3];
    if (marker === 0xc0 || marker === 0xc2)
      return [(bytes[i + 7] << 8) | bytes[i + 8], (bytes[i + 5] << 8) | bytes[i + 6]];
    i += 2 + length;
  }
  throw new Error('no frame header');
}

test('through the route with real ffmpeg: eight requests at once for one width get one 120-pixel JPEG', async () => {
  const b = await boot({ probe: false });
  try {
    const root = tempDir();
    await makeMedia(
      ['-f', 'lavfi', '-i', 'color=c=blue:size=400x600', '-frames:v', '1'],
      join(root, 'Up (2009)/poster.jpg'),
    );
    writeFileSync(join(root, 'Up (2009)/Up (2009).mkv'), '');
    await scan(b, await createLibrary(b, 'movies', [root]));
    const up = await movieTitled(b, 'Up');
    const path = `/v1/images/${up.id}/poster?width=100`;
    const get = () =>
      b.h.app.handle(
        new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${b.token}` } }),
      );
    const all = await Promise.all(Array.from({ length: 8 }, get));
    const bodies = await Promise.all(all.map(async (r) => new Uint8Array(await r.arrayBuffer())));
    expect(all.map((r) => [r.status, r.headers.get('content-type')])).toEqual(
      Array(8).fill([200, 'image/jpeg']),
    );
    expect(new Set(bodies.map((x) => Buffer.from(x).toString('base64'))).size).toBe(1);
    expect(jpegSize(bodies[0])).toEqual([120, 180]);
  } finally {
    await b.h.stop();
  }
});
