// The library the session tests share and short calls on its sessions: a direct-play MP4, an HEVC MKV that a
// browser gets transcoded and a file ffprobe cannot read, with one transcode slot, 2 s segments and a second user.
import { join } from 'node:path';
import type { TranscoderApi } from '../../transcoder/api.ts';
import { boot, type World } from './harness.ts';
import { h264Mp4, hevcMkv, place } from './media.ts';

export interface SessionsWorld {
  w: World;
  tc: TranscoderApi;
  user: { token: string; id: string };
}

/** Boots the library (Direct Movie, Hevc Movie, Broken Movie), scanned and probed. */
export async function bootSessionsWorld(): Promise<SessionsWorld> {
  const w = await boot(
    'movies',
    async (root) => {
      await place(root, 'Direct Movie (2020)/Direct Movie (2020).mp4', h264Mp4);
      await place(root, 'Hevc Movie (2022)/Hevc Movie (2022).mkv', hevcMkv);
      await Bun.write(`${root}/Broken Movie (2019)/Broken Movie (2019).mkv`, 'not a video');
    },
    { transcoder: { maxTranscodes: 1, preset: 'ultrafast' }, playback: { segmentSeconds: 2 } },
  );
  return { w, tc: w.h.host.api('transcoder') as TranscoderApi, user: await w.h.user() };
}

/** Calls on the sessions of the world `world()` returns, read at each call (so after beforeAll has booted it). */
export function sessionCalls(world: () => World) {
  return {
    hlsDir: (sid: string) => join(world().h.dataDir, 'cache/transcoder/hls', sid),
    del: (sid: string, token = world().token) =>
      world().h.request('DELETE', `/v1/playback/sessions/${sid}`, { token }),
    beat: (sid: string, body: object, token = world().token) =>
      world().h.request('POST', `/v1/playback/sessions/${sid}/heartbeat`, { token, body }),
    setPlayback: (body: object) =>
      world().h.request('PUT', '/v1/plugins/playback/config', { token: world().token, body }),
  };
}
