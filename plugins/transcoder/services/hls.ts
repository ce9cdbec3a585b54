// On-demand HLS encodes: one ffmpeg per owner (a playback session), transcode slots under a cap, finished
// segments indexed from ffmpeg's csv list, restarts on far requests, idle kills, and cleanup on stop.
// One owner's state, lock and segment index are in hls-owner.ts; one ffmpeg process in hls-run.ts.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { EncoderChoice, HlsStreamSpec, VideoCodec } from '../api.ts';
import { type Devices, hlsArgs } from '../lib/ffmpeg-args.ts';
import { decideSegment } from '../lib/segments.ts';
import { killOwnerRun, locked, newOwner, type Owner, refreshDone, waitFor } from './hls-owner.ts';
import { CapacityError, EncodeError, StoppedError, spawnRun } from './hls-run.ts';
import type { Ctx } from './types.ts';

export { CapacityError, EncodeError, StoppedError };

const STREAM = /^[A-Za-z0-9_-]{1,64}$/;
/** How many stopped owners are remembered, so a late request cannot bring one back to life. */
const STOPPED_MEMORY = 1000;

export class HlsEncoder {
  private readonly owners = new Map<string, Owner>();
  private readonly stopped = new Set<string>();
  private readonly root: string;

  constructor(
    private readonly ctx: Ctx,
    private readonly encoderFor: (codec: VideoCodec) => EncoderChoice,
    private readonly devices: () => Devices,
  ) {
    this.root = join(ctx.paths.cache, 'hls');
    // Segments of a previous process are useless (its sessions are gone): start clean.
    rmSync(this.root, { recursive: true, force: true });
    mkdirSync(this.root, { recursive: true });
  }

  capacity(): { active: number; max: number } {
    let active = 0;
    for (const o of this.owners.values()) if (o.slot) active++;
    return { active, max: this.ctx.config.maxTranscodes };
  }

  retryAfterSeconds(): number {
    return 10;
  }

  reserve(owner: string): boolean {
    if (this.stopped.has(owner)) return false;
    const o = this.owner(owner);
    if (o.slot) return true;
    const { active, max } = this.capacity();
    if (active >= max) return false;
    o.slot = true;
    return true;
  }

  running(): { owner: string; stream: string; startSegment: number; pid: number }[] {
    return [...this.owners.entries()]
      .filter(([, o]) => o.run && !o.run.exited)
      .map(([owner, o]) => ({
        owner,
        stream: o.run!.stream,
        startSegment: o.run!.startSegment,
        pid: o.run!.proc.pid,
      }));
  }

  async segment(
    owner: string,
    stream: string,
    spec: HlsStreamSpec,
    index: number,
    o: { windowSegments?: number; waitMs?: number } = {},
  ): Promise<string> {
    this.check(stream, spec, index);
    const st = this.owner(owner);
    const deadline = Date.now() + (o.waitMs ?? 30_000);
    for (let attempt = 0; attempt < 4; attempt++) {
      st.lastTouch = Date.now();
      const done = await locked(st, () => this.decide(owner, st, stream, spec, index, o.windowSegments ?? 8));
      if (done) return done;
      const run = st.run!;
      const path = await waitFor(st, run, stream, index, deadline);
      if (path) return path;
      if (st.stopped) throw new StoppedError(owner);
      if (Date.now() >= deadline) throw new EncodeError(`segment ${index} was not ready in time`);
      if (run === st.run && run.exited && !run.killed) {
        const err = (await run.stderr).trim();
        throw new EncodeError(`ffmpeg exited with ${run.exitCode}${err ? `: ${err.slice(-300)}` : ''}`);
      }
    }
    throw new EncodeError(`segment ${index} could not be produced`);
  }

  prepare(owner: string, stream: string, spec: HlsStreamSpec, index: number, windowSegments = 0): void {
    this.check(stream, spec, index);
    if (this.stopped.has(owner)) return;
    const st = this.owner(owner);
    st.lastTouch = Date.now();
    void locked(st, () => this.decide(owner, st, stream, spec, index, windowSegments)).catch((err) =>
      this.ctx.log.warn('prepare failed', { owner, stream, index, err: (err as Error).message }),
    );
  }

  async stop(owner: string): Promise<void> {
    this.stopped.add(owner);
    if (this.stopped.size > STOPPED_MEMORY) this.stopped.delete(this.stopped.values().next().value!);
    const st = this.owners.get(owner);
    if (!st) return;
    st.stopped = true;
    this.owners.delete(owner);
    // Behind the owner's lock: a start() already under way finishes spawning first and is killed here, so no
    // ffmpeg is left writing into the folder removed below.
    await locked(st, () => killOwnerRun(st));
    rmSync(join(this.root, owner), { recursive: true, force: true });
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.owners.keys()].map((o) => this.stop(o)));
  }

  /** Kills encodes nobody asked a segment of within `idleSeconds`; their slots and segments stay. */
  reapIdle(now = Date.now()): number {
    let n = 0;
    for (const [owner, st] of this.owners) {
      if (!st.run || st.run.exited || now - st.lastTouch < this.ctx.config.idleSeconds * 1000) continue;
      this.ctx.log.debug('idle encode stopped', { owner, stream: st.run.stream });
      void killOwnerRun(st);
      n++;
    }
    return n;
  }

  private check(stream: string, spec: HlsStreamSpec, index: number): void {
    if (!STREAM.test(stream)) throw new RangeError(`bad stream name "${stream}"`);
    if (!Number.isInteger(index) || index < 0 || index >= spec.boundaries.length - 1)
      throw new RangeError(`segment ${index} out of range`);
  }

  private owner(id: string): Owner {
    if (this.stopped.has(id)) throw new StoppedError(id);
    let o = this.owners.get(id);
    if (!o) {
      o = newOwner();
      this.owners.set(id, o);
    }
    return o;
  }

  /** Serves, waits or restarts; returns the path when the segment is already done. */
  private async decide(
    owner: string,
    st: Owner,
    stream: string,
    spec: HlsStreamSpec,
    index: number,
    windowSegments: number,
  ): Promise<string | null> {
    if (st.stopped) throw new StoppedError(owner);
    if (st.run) refreshDone(st, st.run);
    const done = st.done.get(stream)?.get(index);
    const run = st.run
      ? {
          stream: st.run.stream,
          startSegment: st.run.startSegment,
          produced: st.run.produced,
          running: !st.run.exited,
        }
      : null;
    const action = decideSegment({ index, stream, done: !!done, run, windowSegments });
    if (action === 'serve') return done!;
    if (action === 'restart') await this.start(owner, st, stream, spec, index);
    return null;
  }

  private async start(owner: string, st: Owner, stream: string, spec: HlsStreamSpec, index: number) {
    if (spec.video.mode === 'encode' && !st.slot && !this.reserve(owner))
      throw new CapacityError(this.retryAfterSeconds());
    await killOwnerRun(st);
    st.runs += 1;
    const dir = join(this.root, owner, stream, `run${st.runs}`);
    mkdirSync(dir, { recursive: true });
    const encoder =
      spec.video.mode === 'encode' ? this.encoderFor(spec.video.codec) : this.encoderFor('h264');
    const devices = this.devices();
    const args = hlsArgs({
      spec,
      startSegment: index,
      outDir: dir,
      encoder,
      devices,
      preset: this.ctx.config.preset,
    });
    st.run = spawnRun(this.ctx, { stream, startSegment: index, dir, args });
    this.ctx.log.debug('encode started', { owner, stream, segment: index, encoder: encoder.encoder, args });
  }
}
