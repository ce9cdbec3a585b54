// What /api/stream serves: token-checked sessions, master/media/subtitle playlists, on-demand segments, the
// direct-play file with HTTP Range, and WebVTT made from sidecar or embedded text subtitles (cached).
import { mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileResponse, fileValidators, HttpError } from '@bijou/sdk';
import type { TranscoderApi } from '../../transcoder/api.ts';
import { normContainer } from '../lib/codecs.ts';
import { contentTypeOf } from '../lib/media-type.ts';
import { masterPlaylist, mediaPlaylist, subtitlePlaylist } from '../lib/playlists.ts';
import { mpegTsTicks, withTimestampMap } from '../lib/webvtt.ts';
import type { LiveSession } from './session-factory.ts';
import type { Sessions } from './sessions.ts';
import type { StreamTokens } from './tokens.ts';
import type { Ctx } from './types.ts';

const M3U8 = { 'content-type': 'application/vnd.apple.mpegurl', 'cache-control': 'no-cache' };
const q = (st: string) => `?st=${encodeURIComponent(st)}`;

export class Streams {
  private readonly vttDir: string;
  private readonly converting = new Map<string, Promise<string>>();

  constructor(
    private readonly ctx: Ctx,
    private readonly sessions: Sessions,
    private readonly tokens: StreamTokens,
    private readonly tc: TranscoderApi,
  ) {
    this.vttDir = join(ctx.paths.cache, 'subtitles');
    mkdirSync(this.vttDir, { recursive: true });
  }

  /** The live session a token opens: 401/403 for the token, then 404 for an unknown or ended session. */
  authorize(sessionId: string, st: string | undefined): LiveSession {
    const uid = this.tokens.check(st, sessionId);
    const s = this.sessions.live.get(sessionId);
    if (!s) throw new HttpError(404, 'Session not found');
    if (s.userId !== uid) throw new HttpError(403, 'Stream token is for another user');
    this.sessions.touch(s);
    return s;
  }

  private plan(s: LiveSession) {
    if (!s.plan) throw new HttpError(404, 'This session plays the file directly; there is no HLS stream');
    return s.plan;
  }

  master(s: LiveSession, st: string): Response {
    const plan = this.plan(s);
    const variants = plan.variants.map((v) => ({ ...v, uri: `${v.name}/playlist.m3u8${q(st)}` }));
    const subs = s.subtitles.map((t) => ({
      name: t.title ?? t.language ?? 'Subtitles',
      language: t.language,
      isDefault: t.id === s.subtitle?.id,
      forced: t.forced,
      uri: `subtitles/${t.id}.m3u8${q(st)}`,
    }));
    return new Response(masterPlaylist(variants, subs), { headers: M3U8 });
  }

  media(s: LiveSession, quality: string, st: string): Response {
    const plan = this.plan(s);
    if (!plan.variants.some((v) => v.name === quality)) throw new HttpError(404, 'No such quality');
    return new Response(
      mediaPlaylist(plan.boundaries, (i) => `${i}.ts${q(st)}`),
      { headers: M3U8 },
    );
  }

  async segment(s: LiveSession, quality: string, name: string): Promise<Response> {
    const plan = this.plan(s);
    const v = plan.variants.find((x) => x.name === quality);
    const m = /^(\d{1,7})\.ts$/.exec(name);
    if (!v || !m) throw new HttpError(404, 'No such segment');
    const index = Number(m[1]);
    if (index >= plan.boundaries.length - 1) throw new HttpError(404, 'Segment out of range');
    s.quality = quality;
    let path: string;
    try {
      path = await this.tc.segment(s.id, quality, v.spec, index, {
        windowSegments: this.sessions.windowSegments(),
        waitMs: this.ctx.config.segmentWaitSeconds * 1000,
      });
    } catch (err) {
      const e = err as Error & { retryAfterSeconds?: number; stopped?: boolean };
      // The session ended while this request waited (an admin ended it, the player left): not a failure.
      if (e.stopped) throw new HttpError(404, 'Session has ended');
      if (e.retryAfterSeconds)
        throw new HttpError(503, e.message, { 'Retry-After': String(e.retryAfterSeconds) });
      if (e instanceof RangeError) throw new HttpError(404, e.message);
      this.ctx.log.error('segment failed', { session: s.id, quality, index, err: e.message });
      throw new HttpError(500, 'Transcode failed');
    }
    this.sessions.touch(s);
    return new Response(Bun.file(path), {
      headers: { 'content-type': 'video/mp2t', 'cache-control': 'private, max-age=3600' },
    });
  }

  /** The direct-play file with single byte ranges (206), 416 past the end, If-Range and conditional requests. */
  file(s: LiveSession, request: Request): Response {
    if (s.plan) throw new HttpError(404, 'This session streams over HLS; there is no direct file');
    let st: { size: number; mtimeMs: number };
    try {
      st = statSync(s.source.path);
    } catch {
      throw new HttpError(404, 'The file is missing from disk');
    }
    return fileResponse(request, Bun.file(s.source.path), {
      type: contentTypeOf(normContainer(s.source.container)),
      validators: fileValidators(st.size, st.mtimeMs),
      headers: { 'cache-control': 'private, max-age=3600' },
    });
  }

  /** `<trackId>.m3u8` (HLS subtitle playlist) or `<trackId>.vtt` (`hls` adds the timestamp map). */
  async subtitle(s: LiveSession, name: string, st: string, hls: boolean): Promise<Response> {
    const m = /^([A-Za-z0-9_-]{1,64})\.(vtt|m3u8)$/.exec(name);
    const track = m ? s.subtitles.find((t) => t.id === m[1]) : undefined;
    if (!m || !track) throw new HttpError(404, 'No such subtitle track');
    if (m[2] === 'm3u8') {
      const text = subtitlePlaylist(s.source.durationSeconds, `${track.id}.vtt${q(st)}&hls=1`);
      return new Response(text, { headers: M3U8 });
    }
    let vtt = await this.vtt(s, track.id, track.externalPath, track.streamIndex);
    if (hls) vtt = withTimestampMap(vtt, mpegTsTicks(this.tc.timestampOffsetSeconds));
    return new Response(vtt, {
      headers: { 'content-type': 'text/vtt; charset=utf-8', 'cache-control': 'private' },
    });
  }

  private async vtt(s: LiveSession, trackId: string, external: string | null, index: number | null) {
    const input = external ?? s.file.path;
    let stamp: string;
    try {
      const st = statSync(input);
      stamp = `${st.size}-${Math.floor(st.mtimeMs)}`;
    } catch {
      throw new HttpError(404, 'The subtitle file is missing from disk');
    }
    const cached = join(this.vttDir, `${trackId}-${stamp}.vtt`);
    const file = Bun.file(cached);
    if (await file.exists()) return file.text();
    let p = this.converting.get(cached);
    if (!p) {
      p = this.tc
        .toWebVtt(input, external ? null : index)
        .then(async (text) => {
          const temp = `${cached}.${process.pid}.tmp`;
          await Bun.write(temp, text);
          renameSync(temp, cached);
          return text;
        })
        .finally(() => this.converting.delete(cached));
      this.converting.set(cached, p);
    }
    try {
      return await p;
    } catch (err) {
      this.ctx.log.warn('subtitle conversion failed', { trackId, err: (err as Error).message });
      throw new HttpError(422, 'This subtitle track cannot be converted to WebVTT');
    }
  }
}
