// A movie split over files (cd1, cd2): each part plays by fileId, and only reaching the end of the last part makes
// the movie watched (the end of part 1 used to mark the whole movie watched).
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { BROWSER, boot, createSession, type World } from './harness.ts';
import { h264Mp4, place } from './media.ts';

let w: World;
let parts: { id: string; part: number }[] = [];
const M = () => w.ids['Split Movie'];
const movie = async () => (await w.h.request('GET', `/v1/movies/${M()}`, { token: w.token })).body;
const beat = (sid: string, position: number) =>
  w.h.request('POST', `/v1/playback/sessions/${sid}/heartbeat`, { token: w.token, body: { position } });
const play = async (fileId?: string) => {
  const r = await createSession(w, { itemId: M(), ...(fileId ? { fileId } : {}), capabilities: BROWSER });
  expect(r.status).toBe(201);
  return r.body;
};

beforeAll(async () => {
  w = await boot('movies', async (root) => {
    await place(root, 'Split Movie (2003)/Split Movie (2003) - cd1.mp4', h264Mp4);
    await place(root, 'Split Movie (2003)/Split Movie (2003) - cd2.mp4', h264Mp4);
  });
  parts = (await movie()).files;
  expect(parts.map((f) => f.part)).toEqual([1, 2]);
});
afterAll(() => w.stop());

test('the end of part 1 keeps a position but does not make the movie watched', async () => {
  const s = await play();
  expect(s.fileId).toBe(parts[0].id);
  expect((await beat(s.sessionId, 9.8)).status).toBe(200);
  const m = await movie();
  expect(m.watched).toBe(false);
  expect(m.position).toBeGreaterThan(9);
});

test('the end of the last part makes the movie watched', async () => {
  const s = await play(parts[1].id);
  expect(s.fileId).toBe(parts[1].id);
  await beat(s.sessionId, 9.8);
  expect(await movie()).toMatchObject({ watched: true });
});
