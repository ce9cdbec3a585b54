// Progress and continue watching over a TV library: resume points per profile, watched at 90% (once), next-up
// episodes, the last position kept when a session ends, and visibility filters honoured everywhere.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { LibrariesApi } from '../../libraries/api.ts';
import { BROWSER, boot, createSession, type World } from './harness.ts';
import { h264Mp4, place } from './media.ts';

let w: World;
let user: { token: string; id: string };
const E = (n: number) => w.ids[`Bijou Show S01E0${n}`];
const beat = (sid: string, position: number, token = w.token) =>
  w.h.request('POST', `/v1/playback/sessions/${sid}/heartbeat`, { token, body: { position } });
const play = async (n: number, token = w.token) => {
  const r = await createSession(w, { itemId: E(n), capabilities: BROWSER }, token);
  expect(r.status).toBe(201);
  return r.body;
};
const continueWatching = async (token = w.token) =>
  (await w.h.request('GET', '/v1/playback/continue-watching', { token })).body.items.map((x: any) => ({
    id: x.itemId,
    reason: x.reason,
    position: x.positionSeconds,
  }));
const episodeView = async (n: number) =>
  (
    await w.h.request('GET', `/v1/shows/${w.ids['Bijou Show']}/seasons/1/episodes`, { token: w.token })
  ).body.items.find((e: any) => e.id === E(n));

beforeAll(async () => {
  w = await boot('shows', async (root) => {
    for (const n of [1, 2, 3]) await place(root, `Bijou Show/Season 01/Bijou Show S01E0${n}.mp4`, h264Mp4);
    writeFileSync(join(root, 'Bijou Show/poster.jpg'), 'not decoded by the scanner');
    writeFileSync(join(root, 'Bijou Show/Season 01/Bijou Show S01E01-thumb.jpg'), 'not decoded either');
  });
  user = await w.h.user();
});
afterAll(() => w.stop());

test('continue watching is empty before anything is played', async () => {
  expect(await continueWatching()).toEqual([]);
});

test('a heartbeat part-way records a resume point that continue watching and the library show', async () => {
  const s = await play(1);
  expect((await beat(s.sessionId, 3)).status).toBe(200);
  expect(await continueWatching()).toEqual([{ id: E(1), reason: 'resume', position: 3 }]);
  expect(await episodeView(1)).toMatchObject({ watched: false, position: 3 });
  const item = (await w.h.request('GET', '/v1/playback/continue-watching', { token: w.token })).body.items[0];
  expect(item).toMatchObject({ showTitle: 'Bijou Show', seasonNumber: 1, episodeNumber: 1, kind: 'episode' });
  expect(item.progress).toBeCloseTo(0.3, 1);
});

test('continue watching carries artwork: the episode thumb, and its show’s poster', async () => {
  const [item] = (await w.h.request('GET', '/v1/playback/continue-watching', { token: w.token })).body.items;
  expect(item.artwork).toEqual({
    poster: `/v1/images/${w.ids['Bijou Show']}/poster`,
    thumb: `/v1/images/${E(1)}/thumb`,
  });
  const img = await w.h.request('GET', item.artwork.thumb, { token: w.token });
  expect(img.status).toBe(200);
});

test('a new session starts at the resume point', async () => {
  const s = await play(1);
  expect(s.startPosition).toBe(3);
});

test('reaching 90% marks the episode watched once and the next episode comes up next', async () => {
  const s = await play(1);
  await beat(s.sessionId, 9.3);
  await beat(s.sessionId, 9.6);
  expect(await episodeView(1)).toMatchObject({ watched: true });
  const row = w.h.core.sqlite
    .query<{ n: number }, [string]>('SELECT play_count AS n FROM libraries_watch_state WHERE item_id = ?')
    .get(E(1));
  expect(row?.n).toBe(1);
  expect(await continueWatching()).toEqual([{ id: E(2), reason: 'next-up', position: 0 }]);
});

test('a seek records the position, which stays after the session ends', async () => {
  const s = await play(2);
  const seek = await w.h.request('POST', `/v1/playback/sessions/${s.sessionId}/seek`, {
    token: w.token,
    body: { position: 4 },
  });
  expect(seek.body).toEqual({ positionSeconds: 4, segment: null });
  await w.h.request('DELETE', `/v1/playback/sessions/${s.sessionId}`, { token: w.token });
  expect(await continueWatching()).toEqual([{ id: E(2), reason: 'resume', position: 4 }]);
});

test('progress is per profile: another user has their own list', async () => {
  expect(await continueWatching(user.token)).toEqual([]);
  const s = await play(3, user.token);
  await beat(s.sessionId, 5, user.token);
  expect(await continueWatching(user.token)).toEqual([{ id: E(3), reason: 'resume', position: 5 }]);
  expect((await continueWatching()).map((x: any) => x.id)).toEqual([E(2)]);
});

test('what a visibility filter hides is neither listed nor playable', async () => {
  const libs = w.h.host.api('libraries') as LibrariesApi;
  const remove = libs.addVisibilityFilter((v) =>
    v.role === 'admin' ? undefined : sql`libraries_items.title != 'Bijou Show'`,
  );
  try {
    expect(await continueWatching(user.token)).toEqual([]);
    const r = await createSession(w, { itemId: E(3), capabilities: BROWSER }, user.token);
    expect(r.status).toBe(404);
    expect((await continueWatching()).map((x: any) => x.id)).toEqual([E(2)]);
  } finally {
    remove();
  }
  expect((await continueWatching(user.token)).map((x: any) => x.id)).toEqual([E(3)]);
});
