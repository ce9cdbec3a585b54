// Optimization: profiles ("1080p H.264 for the TV"), versions queued per source through the core work queue,
// the ffmpeg run that makes each MP4 beside the cache, and the finished versions playback may offer.
import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HttpError } from '@bijou/sdk';
import { and, eq, gt, or } from 'drizzle-orm';
import { nanoid } from 'nanoid';
import type { EncoderChoice, OptimizedVersion, SourceFile, SourceResolver, VideoCodec } from '../api.ts';
import { type Devices, optimizeArgs, progressSeconds } from '../lib/ffmpeg-args.ts';
import { profiles, versions } from '../schema.ts';
import { videoSize } from './inspect.ts';
import { Profiles } from './profiles.ts';
import { drain, eachChunk } from './run.ts';
import type { Ctx } from './types.ts';

type VersionRow = typeof versions.$inferSelect;

export class Optimizer {
  private resolver: SourceResolver | null = null;
  readonly dir: string;

  constructor(
    private readonly ctx: Ctx,
    private readonly encoderFor: (codec: VideoCodec) => EncoderChoice,
    private readonly devices: () => Devices,
  ) {
    this.dir = join(ctx.paths.cache, 'optimized');
    mkdirSync(this.dir, { recursive: true });
    this.profiles = new Profiles(ctx);
  }

  setResolver(r: SourceResolver): () => void {
    this.resolver = r;
    return () => {
      if (this.resolver === r) this.resolver = null;
    };
  }

  readonly profiles: Profiles;

  /** Deletes a profile, cancelling its queued work and removing its files. */
  deleteProfile(id: string): void {
    this.profiles.get(id);
    for (const v of this.ctx.db.select().from(versions).where(eq(versions.profileId, id)).all()) this.drop(v);
    this.ctx.db.delete(profiles).where(eq(profiles.id, id)).run();
  }

  /** Queues every source of a library or item for a profile; unchanged finished versions are kept. */
  enqueue(profileId: string, target: { libraryId?: string; itemId?: string }) {
    this.profiles.get(profileId);
    if (!this.resolver) throw new HttpError(503, 'No media source is available (is playback active?)');
    const sources = this.resolver(target);
    if (!sources) throw new HttpError(404, target.itemId ? 'Item not found' : 'Library not found');
    let queued = 0;
    let current = 0;
    for (const s of sources) {
      if (this.upsert(profileId, s)) queued++;
      else current++;
    }
    return { queued, current };
  }

  private upsert(profileId: string, s: SourceFile): boolean {
    const now = new Date().toISOString();
    const existing = this.ctx.db
      .select()
      .from(versions)
      .where(and(eq(versions.profileId, profileId), eq(versions.sourceKey, s.key)))
      .get();
    const unchanged = existing && existing.sourceSize === s.size && existing.sourceMtimeMs === s.mtimeMs;
    if (unchanged && ['done', 'pending', 'running'].includes(existing.state)) return false;
    const id = existing?.id ?? nanoid();
    const fields = {
      sourcePath: s.path,
      sourceSize: s.size,
      sourceMtimeMs: s.mtimeMs,
      sourceDuration: s.durationSeconds,
      sourceHeight: s.height,
      state: 'pending' as const,
      progress: 0,
      error: null,
      updatedAt: now,
    };
    if (existing) this.ctx.db.update(versions).set(fields).where(eq(versions.id, id)).run();
    else
      this.ctx.db
        .insert(versions)
        .values({ id, profileId, sourceKey: s.key, createdAt: now, ...fields })
        .run();
    const queueItemId = this.ctx.queue.enqueue('optimize', { versionId: id }, { dedupeKey: id });
    this.ctx.db.update(versions).set({ queueItemId }).where(eq(versions.id, id)).run();
    return true;
  }

  version(id: string): VersionRow {
    const v = this.ctx.db.select().from(versions).where(eq(versions.id, id)).get();
    if (!v) throw new HttpError(404, 'Version not found');
    return v;
  }

  deleteVersion(id: string): void {
    this.drop(this.version(id));
  }

  private drop(v: VersionRow): void {
    if (v.queueItemId) this.ctx.queue.cancel(v.queueItemId);
    if (v.outputPath) rmSync(v.outputPath, { force: true });
    this.ctx.db.delete(versions).where(eq(versions.id, v.id)).run();
  }

  private set(id: string, patch: Partial<VersionRow>): void {
    this.ctx.db
      .update(versions)
      .set({ ...patch, updatedAt: new Date().toISOString() })
      .where(eq(versions.id, id))
      .run();
  }

  /**
   * Queue handler: encodes one version to a temporary file, then renames it into place. A failure with attempts
   * left goes back to pending (the queue retries it); the last one is `failed`.
   */
  async run(versionId: string, signal: AbortSignal, lastAttempt = true): Promise<void> {
    const v = this.ctx.db.select().from(versions).where(eq(versions.id, versionId)).get();
    if (!v) return;
    const p = this.ctx.db.select().from(profiles).where(eq(profiles.id, v.profileId)).get();
    if (!p || !this.ctx.exec) return;
    const output = join(this.dir, `${v.id}.mp4`);
    const temp = join(this.dir, `${v.id}.partial.mp4`);
    this.set(v.id, { state: 'running', progress: 0, error: null });
    const height = Math.min(p.maxHeight, v.sourceHeight ?? p.maxHeight);
    const args = optimizeArgs({
      input: v.sourcePath,
      output: temp,
      encoder: this.encoderFor(p.videoCodec),
      devices: this.devices(),
      preset: this.ctx.config.preset,
      codec: p.videoCodec,
      size: { width: -2, height: height - (height % 2) },
      videoBitrate: p.videoBitrate,
      audioBitrate: p.audioBitrate,
      audioChannels: p.audioChannels,
    });
    const proc = this.ctx.exec('ffmpeg', args, { signal });
    const stderr = drain(proc.stderr, 4000, true);
    await eachChunk(proc.stdout, (chunk) => {
      const secs = progressSeconds(chunk);
      if (secs !== null && v.sourceDuration)
        this.set(v.id, { progress: Math.min(0.99, secs / v.sourceDuration) });
    });
    const code = await proc.exited;
    if (code !== 0 || signal.aborted) {
      rmSync(temp, { force: true });
      if (signal.aborted) {
        this.set(v.id, { state: 'pending' });
        return;
      }
      const error = (await stderr).trim().slice(-500) || `ffmpeg exited with ${code}`;
      this.set(v.id, { state: lastAttempt ? 'failed' : 'pending', error });
      if (lastAttempt) {
        this.ctx.events.emit('transcoder.version.finished', {
          versionId: v.id,
          sourceKey: v.sourceKey,
          state: 'failed',
        });
      }
      throw new Error(error);
    }
    renameSync(temp, output);
    const size = await videoSize(this.ctx, output);
    this.set(v.id, {
      state: 'done',
      progress: 1,
      outputPath: output,
      outputSize: statSync(output).size,
      width: size?.width ?? null,
      height: size?.height ?? null,
    });
    this.ctx.events.emit('transcoder.version.finished', {
      versionId: v.id,
      sourceKey: v.sourceKey,
      state: 'done',
    });
  }

  /** A page of versions, oldest first, optionally of one profile; `after` is the last row's (createdAt, id). */
  listVersions(profileId: string | undefined, after: [string, string] | null, limit: number) {
    const conds = [
      profileId ? eq(versions.profileId, profileId) : undefined,
      after
        ? or(
            gt(versions.createdAt, after[0]),
            and(eq(versions.createdAt, after[0]), gt(versions.id, after[1])),
          )
        : undefined,
    ];
    return this.ctx.db
      .select()
      .from(versions)
      .where(and(...conds))
      .orderBy(versions.createdAt, versions.id)
      .limit(limit + 1)
      .all();
  }

  versionsOf(sources: { key: string; size: number; mtimeMs: number }[]): OptimizedVersion[] {
    const out: OptimizedVersion[] = [];
    for (const s of sources) {
      const rows = this.ctx.db
        .select({ v: versions, p: profiles })
        .from(versions)
        .innerJoin(profiles, eq(profiles.id, versions.profileId))
        .where(and(eq(versions.sourceKey, s.key), eq(versions.state, 'done')))
        .all();
      for (const { v, p } of rows) {
        if (v.sourceSize !== s.size || v.sourceMtimeMs !== s.mtimeMs || !v.outputPath || !v.outputSize)
          continue;
        const duration = v.sourceDuration ?? 0;
        out.push({
          id: v.id,
          profileId: p.id,
          profileName: p.name,
          sourceKey: v.sourceKey,
          path: v.outputPath,
          size: v.outputSize,
          container: 'mp4',
          videoCodec: p.videoCodec,
          audioCodec: 'aac',
          width: v.width,
          height: v.height,
          bitrate: duration > 0 ? Math.round((v.outputSize * 8) / duration) : p.videoBitrate + p.audioBitrate,
        });
      }
    }
    return out;
  }
}
