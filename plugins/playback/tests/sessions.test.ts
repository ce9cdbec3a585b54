// Session lifecycle over HTTP: the transcode cap (503 + Retry-After), ending frees ffmpeg, the reaper and 410,
// who sees and ends which session, language rules applied to track choice, bad input, and the speed test limit.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TranscoderApi } from '../../transcoder/api.ts';
import { BROWSER, boot, createSession, fetchRaw, streamUrl, TV, type World, waitUntil } from './harness.ts';
import { h264Mp4, hevcMkv, place } from './media.ts';

let w: World;
let tc: TranscoderApi;
let user: { token: string; id: string };
const hlsDir = (sid: string) => join(w.h.dataDir, 'cache/transcoder/hls', sid);
const del = (sid: string, token = w.token) =>
  w.h.request('DELETE', `/v1/playback/sessions/${sid}`, { token });
const beat = (sid: string, body: object, token = w.token) =>
  w.h.request('POST', `/v1/playback/sessions/${sid}/heartbeat`, { token, body });
const setPlayback = (body: object) =>
  w.h.request('PUT', '/v1/plugins/playback/config', { token: w.token, body });

beforeAll(async () => {
  w = await boot(
    'movies',
    async (root) => {
      await place(root, 'Direct Movie (2020)/Direct Movie (2020).mp4', h264Mp4);
      await place(root, 'Hevc Movie (2022)/Hevc Movie (2022).mkv', hevcMkv);
      await Bun.write(`${root}/Broken Movie (2019)/Broken Movie (2019).mkv`, 'not a video');
    },
    { transcoder: { maxTranscodes: 1, preset: 'ultrafast' }, playback: { segmentSeconds: 2 } },
  );
  tc = w.h.host.api('transcoder') as TranscoderApi;
  user = await w.h.user();
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

describe('who sees and ends sessions', () => {
  test('a user lists only their own sessions; an admin lists everyone’s', async () => {
    const mine = (
      await createSession(w, { itemId: w.ids['Direct Movie'], capabilities: BROWSER }, user.token)
    ).body;
    const admins = (await createSession(w, { itemId: w.ids['Direct Movie'], capabilities: BROWSER })).body;
    const ids = async (token: string) =>
      (await w.h.request('GET', '/v1/playback/sessions/active', { token })).body.items.map(
        (x: any) => x.sessionId,
      );
    expect(await ids(user.token)).toEqual([mine.sessionId]);
    expect((await ids(w.token)).sort()).toEqual([mine.sessionId, admins.sessionId].sort());
    await del(admins.sessionId);
    await del(mine.sessionId, user.token);
  });

  test('a user cannot heartbeat or end someone else’s session (404)', async () => {
    const s = (await createSession(w, { itemId: w.ids['Direct Movie'], capabilities: BROWSER })).body;
    expect((await beat(s.sessionId, { position: 1 }, user.token)).status).toBe(404);
    expect((await del(s.sessionId, user.token)).status).toBe(404);
    await del(s.sessionId);
  });

  test('an admin terminates a user’s session; the user’s next heartbeat gets 410', async () => {
    const s = (await createSession(w, { itemId: w.ids['Direct Movie'], capabilities: BROWSER }, user.token))
      .body;
    expect((await del(s.sessionId)).status).toBe(204);
    const r = await beat(s.sessionId, { position: 2 }, user.token);
    expect({ status: r.status, body: r.body }).toEqual({ status: 410, body: { error: 'Session has ended' } });
  });

  test('a heartbeat records position and pause, visible in the active list', async () => {
    const s = (await createSession(w, { itemId: w.ids['Direct Movie'], capabilities: BROWSER })).body;
    expect((await beat(s.sessionId, { position: 4.5, paused: true })).body).toEqual({
      state: 'active',
      positionSeconds: 4.5,
    });
    const list = (await w.h.request('GET', '/v1/playback/sessions/active', { token: w.token })).body.items;
    expect(list.find((x: any) => x.sessionId === s.sessionId)).toMatchObject({
      positionSeconds: 4.5,
      paused: true,
      title: 'Direct Movie',
      mode: 'direct',
    });
    await del(s.sessionId);
  });

  test('an unknown session answers 404', async () => {
    expect((await beat('no-such-session', { position: 1 })).status).toBe(404);
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

describe('track choice', () => {
  const play = async (body: object = {}, token = user.token) => {
    const r = await createSession(w, { itemId: w.ids['Hevc Movie'], capabilities: TV, ...body }, token);
    if (r.status === 201) await del(r.body.sessionId, token);
    return r;
  };
  const chosen = (b: any) => ({
    audio: b.tracks.audio.find((a: any) => a.selected)?.language ?? null,
    subtitle: b.tracks.subtitles.find((x: any) => x.selected)?.language ?? null,
  });

  test('without rules the default audio plays, and subtitles stay off when none is default or forced', async () => {
    const r = await play();
    expect(chosen(r.body)).toEqual({ audio: 'eng', subtitle: null });
    expect(r.body.mode).toBe('direct');
  });

  test('language rules are stored normalised and pick French audio with English subtitles', async () => {
    const body = { audioLanguages: ['fr'], subtitleLanguages: ['en-GB'], subtitleMode: 'always' };
    const put = await w.h.request('PUT', '/v1/playback-preferences', { token: user.token, body });
    expect(put.body).toMatchObject({
      audioLanguages: ['fre'],
      subtitleLanguages: ['eng'],
      subtitleMode: 'always',
    });
    const r = await play();
    expect(chosen(r.body)).toEqual({ audio: 'fre', subtitle: 'eng' });
    // A second audio track cannot be picked inside the file by most players: it becomes HLS.
    expect(r.body.reasons).toContain('AudioTrackSelectionNotSupported');
  });

  test('an explicit choice beats the rules, and null turns subtitles off', async () => {
    const first = (await play()).body;
    const english = first.tracks.audio.find((a: any) => a.language === 'eng').id;
    const r = await play({ audioTrackId: english, subtitleTrackId: null });
    expect(chosen(r.body)).toEqual({ audio: 'eng', subtitle: null });
  });

  test('another user’s rules do not apply', async () => {
    expect(chosen((await play({}, w.token)).body)).toEqual({ audio: 'eng', subtitle: null });
  });

  test('an unknown track id is a 422', async () => {
    expect((await play({ audioTrackId: 'nope' })).status).toBe(422);
  });
});

describe('bad input', () => {
  test.each([
    ['no capabilities', 422, { itemId: 'x' }],
    ['a negative start', 422, { itemId: 'x', capabilities: BROWSER, startPosition: -1 }],
    ['an unknown item', 404, { itemId: 'no-such-item', capabilities: BROWSER }],
  ])('%s answers %d', async (_what, status, body) => {
    expect((await createSession(w, body)).status).toBe(status);
  });

  test('a misspelt capability is a 422 naming its path, and starts no session', async () => {
    const active = async () =>
      (await w.h.request('GET', '/v1/playback/sessions/active', { token: w.token })).body.items.length;
    const before = await active();
    const r = await createSession(w, {
      itemId: w.ids['Direct Movie'],
      capabilities: { ...BROWSER, maxWidht: 1280 },
    });
    expect(r.status).toBe(422);
    expect(r.body.details).toEqual([
      {
        path: 'body.capabilities.maxWidht',
        message:
          'Unknown field; expected containers, videoCodecs, audioCodecs, maxWidth, maxHeight, maxBitrate, ' +
          'subtitleFormats, audioTrackSelection',
      },
    ]);
    expect(await active()).toBe(before);
  });

  test('a file ffprobe could not read is a 422 naming the problem, not a retry', async () => {
    const r = await createSession(w, { itemId: w.ids['Broken Movie'], capabilities: BROWSER });
    expect(r.status).toBe(422);
    expect(r.body.error).toStartWith('The file has no playable video: ');
    expect(r.headers.get('retry-after')).toBeNull();
  });

  test('anonymous callers cannot create sessions', async () => {
    expect((await createSession(w, { itemId: 'x', capabilities: BROWSER }, null as never)).status).toBe(401);
  });
});

describe('speed test', () => {
  test('sends the bytes asked for, three times a minute, then 429 with Retry-After', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await w.h.app.handle(
        new Request('http://localhost/v1/playback/speedtest?bytes=100000', {
          headers: { authorization: `Bearer ${user.token}` },
        }),
      );
      expect(r.status).toBe(200);
      expect((await r.arrayBuffer()).byteLength).toBe(100_000);
    }
    const r = await w.h.request('GET', '/v1/playback/speedtest', { token: user.token });
    expect(r.status).toBe(429);
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
