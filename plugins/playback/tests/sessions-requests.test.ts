// What session requests get over HTTP: who sees and ends which session (404 for others', 410 once ended), heartbeats
// in the active list, language rules applied to track choice, bad input (422 naming the field, 404, 401) and the
// speed test limit. The transcode cap, ending ffmpeg and the reaper: sessions-transcodes.test.ts.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { BROWSER, createSession, TV, type World } from './harness.ts';
import { bootSessionsWorld, type SessionsWorld, sessionCalls } from './sessions-world.ts';

let w: World;
let user: SessionsWorld['user'];
const { del, beat } = sessionCalls(() => w);

beforeAll(async () => {
  ({ w, user } = await bootSessionsWorld());
});
afterAll(() => w.stop());

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
