// The resized-artwork cache with real ffmpeg renders: artwork replaced on disk leaves no copies of its old version
// behind (directly and through the images route), the cache stays under its bound by removing the least recently
// used copies (a copy served counts as used), and what a dead process or an older layout left is cleared at start.
import { afterAll, describe, expect, test } from 'bun:test';
import { copyFileSync, existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileValidators, mediaToolPath } from '@bijou/sdk';
import { makeMedia } from '@bijou/sdk/testing';
import { ImageCache } from '../services/image-cache.ts';
import { type ImageFile, resized } from '../services/images.ts';
import type { Ctx } from '../services/types.ts';
import { removeTemps, tempDir } from './fixtures.ts';
import { boot, createLibrary, movieTitled, scan } from './harness.ts';

afterAll(removeTemps);

/** A plugin context whose ffmpeg is the real one, as the plugin host grants it. */
const realCtx = () =>
  ({
    exec: (cmd: 'ffmpeg', args: string[], o?: { signal?: AbortSignal }) =>
      Bun.spawn([mediaToolPath(cmd), ...args], {
        stdin: 'ignore',
        stdout: 'pipe',
        stderr: 'pipe',
        signal: o?.signal,
      }),
    paths: { cache: tempDir() },
  }) as unknown as Ctx;

const picture = (color: string, out: string) =>
  makeMedia(['-f', 'lavfi', '-i', `color=c=${color}:size=400x600`, '-frames:v', '1'], out);

/** The artwork `owner` as the images route describes it, read from the file as it is now. */
function artwork(owner: string, path: string): ImageFile {
  const st = statSync(path);
  return { owner, path, size: st.size, type: 'image/jpeg', ...fileValidators(st.size, st.mtimeMs) };
}

/** Every file under `dir`, as `<folder>/<name>`, sorted. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => `${basename(e.parentPath)}/${e.name}`)
    .sort();
}

const bytesUnder = (dir: string) => filesUnder(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);

/** Replaces the picture at `path` with another, dated later (as a user saving a new poster). */
async function replace(path: string, color: string, secondsLater: number) {
  const other = await picture(color, join(tempDir(), 'new.jpg'));
  copyFileSync(other, path);
  utimesSync(path, new Date(), new Date(Date.now() + secondsLater * 1000));
}

describe('a replaced artwork', () => {
  test('writing a copy of its new version removes the copies of the old one, at every width', async () => {
    const ctx = realCtx();
    const cache = new ImageCache(join(ctx.paths.cache, 'images'));
    const path = await picture('blue', join(tempDir(), 'poster.jpg'));
    const old = [await resized(ctx, artwork('m1/poster', path), 120, cache)];
    old.push(await resized(ctx, artwork('m1/poster', path), 240, cache));
    const other = await resized(ctx, artwork('m2/poster', path), 240, cache);
    expect(old.concat(other).every(existsSync)).toBe(true);

    await replace(path, 'red', 5);
    const now = await resized(ctx, artwork('m1/poster', path), 240, cache);
    expect(now).not.toBe(old[1]);
    expect(dirname(now)).toBe(dirname(old[1]));
    expect(old.map(existsSync)).toEqual([false, false]);
    // Another item's copies are its own, even of the same file.
    expect(existsSync(other)).toBe(true);
    const again = await resized(ctx, artwork('m1/poster', path), 120, cache);
    expect(readdirSync(dirname(now)).sort()).toEqual([basename(again), basename(now)].sort());
    expect(cache.bytes).toBe(bytesUnder(cache.dir));
  });

  test('through the images route, a rescan after the poster changed leaves only copies of the new one', async () => {
    const b = await boot({ probe: false });
    try {
      const root = tempDir();
      const poster = await picture('blue', join(root, 'Up (2009)/poster.jpg'));
      writeFileSync(join(root, 'Up (2009)/Up (2009).mkv'), '');
      const lib = await createLibrary(b, 'movies', [root]);
      await scan(b, lib);
      const up = await movieTitled(b, 'Up');
      const fetchWidth = async (w: number) => {
        const r = await b.h.request('GET', `/v1/images/${up.id}/poster?width=${w}`, { token: b.token });
        expect(r.status).toBe(200);
      };
      const images = join(b.h.dataDir, 'cache/libraries/images');
      await fetchWidth(120);
      await fetchWidth(240);
      const before = filesUnder(images);
      expect(before).toHaveLength(2);

      await replace(poster, 'red', 5);
      await scan(b, lib);
      await fetchWidth(240);
      const after = filesUnder(images);
      expect(after).toHaveLength(1);
      expect(before).not.toContain(after[0]);
    } finally {
      await b.h.stop();
    }
  });
});

describe('the bound', () => {
  test('over its bound the cache removes the least recently used copies; a copy served counts as used', async () => {
    const ctx = realCtx();
    const path = await picture('green', join(tempDir(), 'poster.jpg'));
    // Every copy below is the same picture at the same width, so of the same size.
    const one = statSync(
      await resized(ctx, artwork('probe/poster', path), 360, new ImageCache(tempDir())),
    ).size;
    const cache = new ImageCache(join(ctx.paths.cache, 'images'), Math.floor(one * 3.5));
    const copy = (i: number) => resized(ctx, artwork(`m${i}/poster`, path), 360, cache);
    const halfHourAgo = Date.now() - 30 * 60_000;
    const outs: string[] = [];
    for (let i = 0; i < 3; i++) {
      outs.push(await copy(i));
      const t = new Date(halfHourAgo + i * 60_000);
      utimesSync(outs[i], t, t);
    }
    // The first copy, last used two hours ago, is served again: that marks it used now.
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    utimesSync(outs[0], twoHoursAgo, twoHoursAgo);
    expect(await copy(0)).toBe(outs[0]);
    expect(statSync(outs[0]).mtimeMs).toBeGreaterThan(halfHourAgo + 3 * 60_000);

    // A fourth copy takes it over 3.5 copies: down to at most 80% of that, the two least recently used going.
    outs.push(await copy(3));
    expect(outs.map(existsSync)).toEqual([true, false, false, true]);
    expect(cache.bytes).toBe(2 * one);
    expect(bytesUnder(cache.dir)).toBe(2 * one);
  });

  test('made again on a folder over a lower bound, the cache counts what is there and sweeps it', async () => {
    const ctx = realCtx();
    const dir = join(ctx.paths.cache, 'images');
    const path = await picture('green', join(tempDir(), 'poster.jpg'));
    const first = new ImageCache(dir);
    const outs: string[] = [];
    for (let i = 0; i < 3; i++) outs.push(await resized(ctx, artwork(`m${i}/poster`, path), 240, first));
    const one = statSync(outs[0]).size;
    for (let i = 0; i < 3; i++) utimesSync(outs[i], new Date(), new Date(Date.now() - (3 - i) * 60_000));
    expect(new ImageCache(dir).bytes).toBe(3 * one);
    const lower = new ImageCache(dir, 3 * one - 1);
    expect(outs.map(existsSync)).toEqual([false, true, true]);
    expect(lower.bytes).toBe(2 * one);
  });

  test('at start it clears temporary files of a render that died and files of the old flat layout', async () => {
    const ctx = realCtx();
    const dir = join(ctx.paths.cache, 'images');
    const path = await picture('green', join(tempDir(), 'poster.jpg'));
    const kept = await resized(ctx, artwork('m1/poster', path), 240, new ImageCache(dir));
    const dead = `${kept}.99999.tmp.jpg`;
    copyFileSync(kept, dead);
    const legacy = join(dir, `${'a'.repeat(40)}.jpg`);
    copyFileSync(kept, legacy);
    const cache = new ImageCache(dir);
    expect([existsSync(kept), existsSync(dead), existsSync(legacy)]).toEqual([true, false, false]);
    expect(cache.bytes).toBe(statSync(kept).size);
  });
});
