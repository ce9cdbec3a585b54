// The transcoder plugin: runs the hardware probe in the background at boot, manages on-demand HLS encodes and
// optimization, and publishes the `transcoder` API for playback.
import { definePlugin } from '@bijou/sdk';
import type { Capabilities, TranscoderApi, VideoCodec } from './api.ts';
import type { Devices } from './lib/ffmpeg-args.ts';
import manifest from './manifest.ts';
import { transcoderRoutes } from './routes.ts';
import * as schema from './schema.ts';
import { HlsEncoder } from './services/hls.ts';
import { inspect, toWebVtt } from './services/inspect.ts';
import { Optimizer } from './services/optimizer.ts';
import { emptyCapabilities, probeHardware } from './services/probe.ts';

// Per context, not per module: several hosts (tests) may run this plugin in one process.
const encoders = new WeakMap<object, HlsEncoder>();

export default definePlugin(manifest, {
  schema,
  setup(ctx) {
    let caps: Capabilities = emptyCapabilities([...ctx.config.encoderOrder]);
    const probing = probeHardware(ctx).then((c) => {
      caps = c;
      if (!ctx.signal.aborted) {
        ctx.events.emit('transcoder.probe.finished', { chosen: c.chosen });
        ctx.log.info('hardware probe finished', { chosen: c.chosen, state: c.state, error: c.error });
      }
      return c;
    });
    const encoderFor = (codec: VideoCodec) =>
      caps.chosen[codec] ?? { accel: 'software' as const, encoder: codec === 'h264' ? 'libx264' : 'libx265' };
    const devices = (): Devices => ({
      vaapi: ctx.config.vaapiDevice ?? caps.renderNodes[0] ?? '/dev/dri/renderD128',
    });
    const encoder = new HlsEncoder(ctx, encoderFor, devices);
    encoders.set(ctx, encoder);
    const opt = new Optimizer(ctx, encoderFor, devices);

    const attempts = 2;
    ctx.queue.define(
      'optimize',
      { concurrency: ctx.config.optimizeConcurrency, maxAttempts: attempts, backoffMs: 30_000 },
      (p: { versionId: string }, job) => opt.run(p.versionId, job.signal, job.attempt >= attempts),
    );
    // A quarter of the idle time between sweeps (5 s at most), rescheduled when the setting changes.
    let reaper: ReturnType<typeof setInterval> | undefined;
    const schedule = () => {
      clearInterval(reaper);
      reaper = setInterval(
        () => encoder.reapIdle(),
        Math.min(5000, Math.max(100, ctx.config.idleSeconds * 250)),
      );
    };
    schedule();
    ctx.settings.onChange(schedule);
    ctx.signal.addEventListener('abort', () => clearInterval(reaper), { once: true });

    const api: TranscoderApi = {
      timestampOffsetSeconds: 1.4,
      capabilities: () => caps,
      probed: () => probing,
      readiness: () => {
        if (caps.state === 'probing') return { ready: false, detail: 'hardware probe running' };
        if (!caps.chosen.h264) return { ready: false, detail: caps.error ?? 'no working H.264 encoder' };
        return { ready: true, detail: `h264 via ${caps.chosen.h264.encoder}` };
      },
      encoderFor,
      capacity: () => encoder.capacity(),
      reserve: (owner) => encoder.reserve(owner),
      retryAfterSeconds: () => encoder.retryAfterSeconds(),
      segment: (owner, stream, spec, index, o) => encoder.segment(owner, stream, spec, index, o),
      prepare: (owner, stream, spec, index, w) => encoder.prepare(owner, stream, spec, index, w),
      stop: (owner) => encoder.stop(owner),
      running: () => encoder.running(),
      inspect: (path, o) => inspect(ctx, path, o),
      toWebVtt: (input, streamIndex) => toWebVtt(ctx, input, streamIndex),
      setSourceResolver: (r) => opt.setResolver(r),
      versionsOf: (sources) => opt.versionsOf(sources),
    };
    ctx.provide(api);
    ctx.health.register('encoders', api.readiness);
    transcoderRoutes(ctx, api, encoder, opt);
  },
  async teardown(ctx) {
    await encoders.get(ctx)?.stopAll();
    encoders.delete(ctx);
  },
  async onDisable(ctx) {
    await encoders.get(ctx)?.stopAll();
  },
});
