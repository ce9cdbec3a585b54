// Live playback sessions: creation (transcode slot, pre-warmed encode), heartbeats with progress through the
// libraries API, seeks, ending (ffmpeg freed, progress kept), the reaper, and the rows that outlive them.
import { HttpError } from '@bijou/sdk';
import { and, eq, lt, ne } from 'drizzle-orm';
import { nanoid } from 'nanoid';
import type { LibrariesApi } from '../../libraries/api.ts';
import type { TranscoderApi } from '../../transcoder/api.ts';
import type { PlaybackSessionInfo } from '../api.ts';
import { type ResumePoint, resumeTarget } from '../lib/resume.ts';
import { segmentAt } from '../lib/segments.ts';
import { sessions } from '../schema.ts';
import type { Media } from './media.ts';
import type { Preferences } from './preferences.ts';
import { buildSession, type CreateInput, type LiveSession } from './session-factory.ts';
import type { Ctx } from './types.ts';

type User = { id: string; role: 'admin' | 'user' };
export type EndReason = 'stopped' | 'timeout' | 'terminated' | 'shutdown';
const WATCHED_AT = 0.9;

export class Sessions {
  readonly live = new Map<string, LiveSession>();

  constructor(
    private readonly ctx: Ctx,
    private readonly libs: LibrariesApi,
    private readonly tc: TranscoderApi,
    private readonly media: Media,
    private readonly prefs: Preferences,
  ) {
    // Sessions of an earlier process have no ffmpeg and no player any more.
    const now = new Date().toISOString();
    ctx.db
      .update(sessions)
      .set({ state: 'ended', endedAt: now, endReason: 'shutdown' })
      .where(eq(sessions.state, 'active'))
      .run();
    const week = new Date(Date.now() - 7 * 86_400_000).toISOString();
    ctx.db
      .delete(sessions)
      .where(and(ne(sessions.state, 'active'), lt(sessions.lastSeenAt, week)))
      .run();
  }

  info(s: LiveSession): PlaybackSessionInfo {
    return {
      sessionId: s.id,
      userId: s.userId,
      profileId: s.viewer.profileId,
      itemId: s.itemId,
      mode: s.decision.mode,
      positionSeconds: s.position,
      durationSeconds: s.source.durationSeconds,
      paused: s.paused,
      startedAt: s.startedAt,
    };
  }

  private resumePoint(profileId: string, itemId: string): ResumePoint | null {
    const row = this.ctx.sqlite
      .query<{ p: number; w: number; f: string | null }, [string, string]>(
        `SELECT position_seconds AS p, watched AS w, file_id AS f FROM libraries_watch_state
         WHERE profile_id = ? AND item_id = ?`,
      )
      .get(profileId, itemId);
    return row ? { position: row.p, watched: !!row.w, fileId: row.f } : null;
  }

  async create(user: User, request: Request, input: CreateInput): Promise<LiveSession> {
    const viewer = this.libs.viewerFor(user, request);
    const item = this.media.item(input.itemId);
    if (!item || !this.libs.canSee(viewer, input.itemId)) throw new HttpError(404, 'Item not found');
    // Extras hang off movies and shows alike; main files only off movies and episodes.
    const isExtra = !!input.fileId && this.media.extraOf(item.id, input.fileId) !== null;
    if (!isExtra && item.kind !== 'movie' && item.kind !== 'episode')
      throw new HttpError(422, 'Only movies, episodes and extras can be played');
    // The resume point is in one file (a part or version): with no file named, that one plays.
    const point = this.resumePoint(viewer.profileId, item.id);
    const target = resumeTarget(point, this.media.filesOf(item.id), input);
    const id = nanoid();
    const s = await buildSession(
      { ctx: this.ctx, media: this.media, tc: this.tc },
      {
        id,
        userId: user.id,
        viewer,
        input: { ...input, fileId: target.fileId },
        rules: this.prefs.get(user.id),
        resumeAt: target.resumeAt,
      },
    );
    if (s.decision.video === 'encode' && s.decision.mode === 'transcode' && !this.tc.reserve(id)) {
      const retry = String(this.tc.retryAfterSeconds());
      throw new HttpError(503, 'All transcode slots are in use; try again shortly', { 'Retry-After': retry });
    }
    this.live.set(id, s);
    this.ctx.db
      .insert(sessions)
      .values({
        id,
        userId: user.id,
        profileId: viewer.profileId,
        itemId: s.itemId,
        fileId: s.file.id,
        versionId: s.version?.id ?? null,
        mode: s.decision.mode,
        reasons: s.decision.reasons,
        state: 'active',
        positionSeconds: s.position,
        durationSeconds: s.source.durationSeconds,
        client: s.client,
        startedAt: s.startedAt,
        lastSeenAt: s.startedAt,
      })
      .run();
    if (s.plan) {
      // Start encoding where playback will start while the player fetches its playlists.
      const v = s.plan.variants[0];
      this.tc.prepare(id, v.name, v.spec, segmentAt(s.plan.boundaries, s.startPosition), 0);
    }
    this.ctx.events.emit('playback.session.started', this.info(s), { userId: s.userId });
    return s;
  }

  /** A live session the user may act on; 410 once it ended, 404 when unknown or someone else's. */
  get(id: string, user: User): LiveSession {
    const s = this.live.get(id);
    if (s && (s.userId === user.id || user.role === 'admin')) return s;
    if (!s) {
      const row = this.ctx.db.select().from(sessions).where(eq(sessions.id, id)).get();
      if (row && (row.userId === user.id || user.role === 'admin'))
        throw new HttpError(410, `Session ${row.state === 'reaped' ? 'timed out' : 'has ended'}`);
    }
    throw new HttpError(404, 'Session not found');
  }

  touch(s: LiveSession): void {
    s.lastSeen = Date.now();
  }

  heartbeat(s: LiveSession, position: number, paused: boolean): void {
    s.position = Math.max(0, Math.min(position, s.source.durationSeconds));
    s.paused = paused;
    this.touch(s);
    this.saveProgress(s);
    this.ctx.db
      .update(sessions)
      .set({ positionSeconds: s.position, paused, lastSeenAt: new Date().toISOString() })
      .where(eq(sessions.id, s.id))
      .run();
    this.ctx.events.emit('playback.session.progressed', this.info(s), { userId: s.userId });
  }

  /**
   * Records the position; at 90% the item is marked watched once (not again on every heartbeat). Watching a
   * trailer says nothing about the movie: extras record nothing. Of a movie in parts, only the last part's end
   * makes it watched.
   */
  private saveProgress(s: LiveSession): void {
    if (s.extra) return;
    const duration = s.source.durationSeconds;
    const done = !s.morePartsAfter && duration > 0 && s.position / duration >= WATCHED_AT;
    if (done && s.markedWatched) return;
    s.markedWatched = done;
    // A part with more after it passes no duration, so the library does not count its end as the movie's. The
    // file goes with the position: resuming plays this part or version.
    if (s.position > 0 || done)
      this.libs.setProgress(s.viewer, s.itemId, s.position, s.morePartsAfter ? null : duration, s.file.id);
  }

  /** Moves the position; for HLS restarts the encode at the new segment unless it is about to be there. */
  seek(s: LiveSession, position: number): number | null {
    s.position = Math.max(0, Math.min(position, s.source.durationSeconds));
    this.touch(s);
    this.saveProgress(s);
    if (!s.plan) return null;
    const v = s.plan.variants.find((x) => x.name === s.quality) ?? s.plan.variants[0];
    const index = segmentAt(s.plan.boundaries, s.position);
    this.tc.prepare(s.id, v.name, v.spec, index, this.windowSegments());
    return index;
  }

  windowSegments(): number {
    return Math.round(this.ctx.config.seekWindowSeconds / this.ctx.config.segmentSeconds);
  }

  async end(id: string, reason: EndReason): Promise<void> {
    const s = this.live.get(id);
    if (!s) return;
    this.live.delete(id);
    await this.tc.stop(id);
    this.saveProgress(s);
    const now = new Date().toISOString();
    this.ctx.db
      .update(sessions)
      .set({
        state: reason === 'timeout' ? 'reaped' : 'ended',
        positionSeconds: s.position,
        endedAt: now,
        endReason: reason,
      })
      .where(eq(sessions.id, id))
      .run();
    this.ctx.events.emit('playback.session.ended', { ...this.info(s), reason }, { userId: s.userId });
  }

  /** Ends sessions with no heartbeat or stream request within the timeout. */
  async reap(now = Date.now()): Promise<number> {
    const limit = this.ctx.config.sessionTimeoutSeconds * 1000;
    const stale = [...this.live.values()].filter((s) => now - s.lastSeen > limit);
    for (const s of stale) await this.end(s.id, 'timeout');
    return stale.length;
  }

  list(user: User): LiveSession[] {
    return [...this.live.values()]
      .filter((s) => user.role === 'admin' || s.userId === user.id)
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id));
  }
}
