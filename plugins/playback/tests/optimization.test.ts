// Optimization through playback: a profile pre-transcodes an item via the work queue into the transcoder's
// cache, and a later session plays that version directly instead of transcoding.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BROWSER, boot, createSession, fetchRaw, type World } from './harness.ts';
import { hevcMkv, place, probe } from './media.ts';

let w: World;
let profileId: string;
const optimized = (id: string) => join(w.h.dataDir, 'cache/transcoder/optimized', `${id}.mp4`);

beforeAll(async () => {
  w = await boot(
    'movies',
    async (root) => {
      await place(root, 'Hevc Movie (2022)/Hevc Movie (2022).mkv', hevcMkv);
    },
    { transcoder: { preset: 'ultrafast' } },
  );
  const body = {
    name: 'Tiny H.264 for the browser',
    videoCodec: 'h264',
    maxHeight: 720,
    videoBitrate: 300_000,
  };
  const r = await w.h.request('POST', '/v1/optimization/profiles', { token: w.token, body });
  expect(r.status).toBe(201);
  profileId = r.body.id;
});
afterAll(() => w.stop());

test('queueing an item pre-transcodes it through the work queue into an MP4 no taller than the source', async () => {
  const body = { profileId, itemId: w.ids['Hevc Movie'] };
  const r = await w.h.request('POST', '/v1/optimization/queue', { token: w.token, body });
  expect({ status: r.status, body: r.body }).toEqual({ status: 202, body: { queued: 1, current: 0 } });
  await w.h.core.queue.idle('transcoder.optimize', 30_000);
  const list = await w.h.request('GET', `/v1/optimization/versions?profileId=${profileId}`, {
    token: w.token,
  });
  const [v] = list.body.items;
  expect(v).toMatchObject({ state: 'done', progress: 1, width: 160, height: 90, error: null });
  const p = await probe(optimized(v.id));
  expect(p.format.format_name).toContain('mp4');
  expect(p.streams.map((x) => x.codec_name).sort()).toEqual(['aac', 'h264']);
});

test('queueing it again keeps the current version', async () => {
  const body = { profileId, libraryId: w.libraryId };
  const r = await w.h.request('POST', '/v1/optimization/queue', { token: w.token, body });
  expect(r.body).toEqual({ queued: 0, current: 1 });
});

test('a browser session plays the optimized version directly, keeping the reasons of the original', async () => {
  const r = await createSession(w, { itemId: w.ids['Hevc Movie'], capabilities: BROWSER });
  expect(r.body).toMatchObject({
    mode: 'direct',
    reasons: ['ContainerNotSupported', 'VideoCodecNotSupported'],
    version: { profileName: 'Tiny H.264 for the browser' },
  });
  const file = await fetchRaw(w, r.body.urls.file);
  expect(file.headers.get('content-type')).toBe('video/mp4');
  expect((await probe(file.bytes)).streams.map((x) => x.codec_name).sort()).toEqual(['aac', 'h264']);
});

test.each([
  [
    'both a library and an item',
    422,
    (p: string, w: World) => ({ profileId: p, libraryId: w.libraryId, itemId: 'x' }),
  ],
  ['neither a library nor an item', 422, (p: string) => ({ profileId: p })],
  ['an unknown profile', 404, (_p: string, w: World) => ({ profileId: 'nope', libraryId: w.libraryId })],
  ['an unknown item', 404, (p: string) => ({ profileId: p, itemId: 'nope' })],
])('queueing with %s answers %d', async (_what, status, make) => {
  const r = await w.h.request('POST', '/v1/optimization/queue', { token: w.token, body: make(profileId, w) });
  expect(r.status).toBe(status);
});

test('only admins manage optimization', async () => {
  const user = await w.h.user();
  expect((await w.h.request('GET', '/v1/optimization/profiles', { token: user.token })).status).toBe(403);
});

test('deleting the profile deletes its versions and their files', async () => {
  const v = (await w.h.request('GET', '/v1/optimization/versions', { token: w.token })).body.items[0];
  expect(existsSync(optimized(v.id))).toBe(true);
  const r = await w.h.request('DELETE', `/v1/optimization/profiles/${profileId}`, { token: w.token });
  expect(r.status).toBe(204);
  expect(existsSync(optimized(v.id))).toBe(false);
  expect((await w.h.request('GET', '/v1/optimization/versions', { token: w.token })).body.items).toEqual([]);
});
