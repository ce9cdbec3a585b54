// Sessions and ffmpeg over HTTP: the transcode cap (503 + Retry-After while direct play still works), ending a
// session kills its ffmpeg and frees its slot and segments (also with a segment request under way), and the reaper
// ends a session without heartbeats (410). Who sees which session, track choice and bad input: sessions-requests.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { existsSync } from 'node:fs';
import type { TranscoderApi } from '../../transcoder/api.ts';
import { BROWSER, createSession, fetchRaw, streamUrl, type World, waitUntil } from './harness.ts';
import { bootSessionsWorld, type SessionsWorld, sessionCalls } from './sessions-world.ts';

let w: World;
let tc: TranscoderApi;
let user: SessionsWorld['user'];
const { hlsDir, del, beat, setPlayback } = sessionCalls(() => w);

beforeAll(async () => {
  ({ w, tc, user } = await bootSessionsWorld());
});
afterAll(() => w.stop());

describe('transcode slots', () => {
  test('with every slot taken a new transcode gets 503 with Retry-After while direct play still works', async () => {
    const first = await createSession(w, { itemId: w.ids['Hevc Movie'], capabilities: BROWSER });
    expect(first.status).toBe(201);
    expect(tc.capacity()).toEqual({ active: 1, max: 1 });
    const second = await createSession(w, { itemId: w.ids['Hevc Movie'], capabilities: BROWSER }, user.token);
    expect(second.status).toBe(503);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
    const direct = await createSession(
      w,
      { itemId: w.ids['Direct Movie'], capabilities: BROWSER },
      user.token,
    );
    expect(direct.body.mode).toBe('direct');
    await del(first.body.sessionId);
    await del(direct.body.sessionId, user.token);
  });

  test('ending a session kills its ffmpeg, frees its slot and deletes its segments', async () => {
    const s = (await createSession(w, { itemId: w.ids['Hevc Movie'], capabilities: BROWSER })).body;
    expect((await fetchRaw(w, streamUrl(s, `${s.variants[0].name}/0.ts`))).status).toBe(200);
    expect(existsSync(hlsDir(s.sessionId))).toBe(true);
    expect((await del(s.sessionId)).status).toBe(204);
    expect(tc.running().filter((r) => r.owner === s.sessionId)).toEqual([]);
    expect(tc.capacity().active).toBe(0);
    expect(existsSync(hlsDir(s.sessionId))).toBe(false);
    expect((await beat(s.sessionId, { position: 1 })).status).toBe(410);
  });

  test('a segment request under way when an admin ends the session gets 404 and restarts no ffmpeg', async () => {
    const s = (await createSession(w, { itemId: w.ids['Hevc Movie'], capabilities: BROWSER }, user.token))
      .body;
    const pending = fetchRaw(w, streamUrl(s, `${s.variants[0].name}/4.ts`));
    expect((await del(s.sessionId)).status).toBe(204);
    expect((await pending).status).toBe(404);
    expect(w.h.logs.filter((l) => l.includes('segment failed'))).toEqual([]);
    expect(tc.running().filter((r) => r.owner === s.sessionId)).toEqual([]);
    expect(existsSync(hlsDir(s.sessionId))).toBe(false);
    expect(tc.capacity().active).toBe(0);
  });
});

describe('the reaper', () => {
  test('a session without heartbeats is ended, its ffmpeg killed, and a late heartbeat gets 410', async () => {
    const s = (await createSession(w, { itemId: w.ids['Hevc Movie'], capabilities: BROWSER })).body;
    expect((await fetchRaw(w, streamUrl(s, `${s.variants[0].name}/0.ts`))).status).toBe(200);
    expect((await setPlayback({ segmentSeconds: 2, sessionTimeoutSeconds: 1 })).status).toBe(200);
    try {
      await waitUntil('the reaper', async () => {
        const r = await w.h.request('GET', '/v1/playback/sessions/active', { token: w.token });
        return !r.body.items.some((x: any) => x.sessionId === s.sessionId);
      });
    } finally {
      await setPlayback({ segmentSeconds: 2 });
    }
    const r = await beat(s.sessionId, { position: 1 });
    expect({ status: r.status, body: r.body }).toEqual({ status: 410, body: { error: 'Session timed out' } });
    expect(tc.running().some((x) => x.owner === s.sessionId)).toBe(false);
    expect(tc.capacity().active).toBe(0);
    expect(existsSync(hlsDir(s.sessionId))).toBe(false);
    expect((await fetchRaw(w, streamUrl(s, `${s.variants[0].name}/1.ts`))).status).toBe(404);
  });
});
