// Extras (trailers, featurettes) play through the same sessions as main files: chosen by fileId, from the start,
// recording no progress or watched state, and hidden along with a hidden item.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { statSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { LibrariesApi } from '../../libraries/api.ts';
import { BROWSER, boot, createSession, fetchRaw, streamUrl, type World } from './harness.ts';
import { h264Mkv, h264Mp4, place } from './media.ts';

let w: World;
let user: { token: string; id: string };
let trailer: { id: string; path: string };
let featurette: { id: string };
let otherTrailer: { id: string };
const A = () => w.ids['Alpha Movie'];
const B = () => w.ids['Beta Movie'];
const del = (sid: string, token = w.token) =>
  w.h.request('DELETE', `/v1/playback/sessions/${sid}`, { token });
const beat = (sid: string, position: number, token = w.token) =>
  w.h.request('POST', `/v1/playback/sessions/${sid}/heartbeat`, { token, body: { position } });
const movie = async (id: string, token = w.token) =>
  (await w.h.request('GET', `/v1/movies/${id}`, { token })).body;

beforeAll(async () => {
  w = await boot('movies', async (root) => {
    await place(root, 'Alpha Movie (2020)/Alpha Movie (2020).mp4', h264Mp4);
    await place(root, 'Alpha Movie (2020)/Alpha Movie (2020)-trailer.mp4', h264Mp4);
    await place(root, 'Alpha Movie (2020)/featurettes/Making Of.mkv', h264Mkv);
    await place(root, 'Beta Movie (2021)/Beta Movie (2021).mp4', h264Mp4);
    await place(root, 'Beta Movie (2021)/Beta Movie (2021)-trailer.mp4', h264Mp4);
  });
  user = await w.h.user();
  const extras = (await movie(A())).extras;
  trailer = extras.find((x: any) => x.kind === 'trailer');
  featurette = extras.find((x: any) => x.kind === 'featurette');
  otherTrailer = (await movie(B())).extras[0];
});
afterAll(() => w.stop());

describe('playing an extra', () => {
  test('a trailer plays directly: the session names the extra and streams its bytes', async () => {
    const r = await createSession(w, { itemId: A(), fileId: trailer.id, capabilities: BROWSER });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ itemId: A(), fileId: trailer.id, extra: true, mode: 'direct' });
    const file = await fetchRaw(w, streamUrl(r.body, 'file'));
    expect(file.status).toBe(200);
    expect(file.bytes.byteLength).toBe(statSync(trailer.path).size);
    await del(r.body.sessionId);
  });

  test('a featurette in Matroska is remuxed to HLS like a main file', async () => {
    const r = await createSession(w, { itemId: A(), fileId: featurette.id, capabilities: BROWSER });
    expect(r.body).toMatchObject({ extra: true, mode: 'remux' });
    expect((await fetchRaw(w, streamUrl(r.body, `${r.body.variants[0].name}/0.ts`))).status).toBe(200);
    await del(r.body.sessionId);
  });

  test('the main file is not an extra', async () => {
    const r = await createSession(w, { itemId: A(), capabilities: BROWSER });
    expect(r.body.extra).toBe(false);
    await del(r.body.sessionId);
  });
});

describe('progress', () => {
  test('heartbeats on a trailer past 90% record neither a position nor watched on the movie', async () => {
    const s = (await createSession(w, { itemId: A(), fileId: trailer.id, capabilities: BROWSER })).body;
    expect((await beat(s.sessionId, 4)).status).toBe(200);
    expect((await beat(s.sessionId, 9.8)).status).toBe(200);
    await del(s.sessionId);
    expect(await movie(A())).toMatchObject({ watched: false, position: 0 });
    const cw = await w.h.request('GET', '/v1/playback/continue-watching', { token: w.token });
    expect(cw.body.items).toEqual([]);
  });

  test('an extra starts at 0 even when the movie has a resume point', async () => {
    const main = (await createSession(w, { itemId: A(), capabilities: BROWSER })).body;
    await beat(main.sessionId, 5);
    await del(main.sessionId);
    expect((await movie(A())).position).toBe(5);
    const r = await createSession(w, { itemId: A(), fileId: trailer.id, capabilities: BROWSER });
    expect(r.body.startPosition).toBe(0);
    await del(r.body.sessionId);
    expect((await movie(A())).position).toBe(5);
  });
});

describe('which extras a request may name', () => {
  test('an extra of another movie is a 404 for this one', async () => {
    const r = await createSession(w, { itemId: A(), fileId: otherTrailer.id, capabilities: BROWSER });
    expect({ status: r.status, body: r.body }).toEqual({
      status: 404,
      body: { error: 'File not found for this item' },
    });
  });

  test('an extra of a hidden movie is hidden too (404), while an admin still plays it', async () => {
    const libs = w.h.host.api('libraries') as LibrariesApi;
    const remove = libs.addVisibilityFilter((v) =>
      v.role === 'admin' ? undefined : sql`libraries_items.title != 'Beta Movie'`,
    );
    try {
      const body = { itemId: B(), fileId: otherTrailer.id, capabilities: BROWSER };
      expect((await createSession(w, body, user.token)).status).toBe(404);
      const admin = await createSession(w, body);
      expect(admin.status).toBe(201);
      await del(admin.body.sessionId);
    } finally {
      remove();
    }
  });
});
