// The boot probe: what ffmpeg lists, which render nodes and NVIDIA devices exist, and a one-second test encode
// per listed candidate (a listed encoder is not a working one), then the encoder chosen per codec.
import { existsSync, readdirSync } from 'node:fs';
import type { Accel, CandidateResult, Capabilities, VideoCodec } from '../api.ts';
import {
  CODECS,
  candidatesFor,
  chooseEncoders,
  explainFailure,
  parseEncoderList,
  parseFfmpegVersion,
  parseHwaccels,
} from '../lib/encoders.ts';
import { type Devices, testEncodeArgs } from '../lib/ffmpeg-args.ts';
import { run } from './run.ts';
import type { Ctx } from './types.ts';

/** Render nodes under /dev/dri (renderD128, …), sorted. */
export function renderNodes(dir = '/dev/dri'): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => /^renderD\d+$/.test(f))
      .sort()
      .map((f) => `${dir}/${f}`);
  } catch {
    return [];
  }
}

/** Whether an NVIDIA kernel driver is present (device node or /proc entry). */
export function nvidiaPresent(): boolean {
  return existsSync('/dev/nvidia0') || existsSync('/proc/driver/nvidia/version');
}

export function emptyCapabilities(order: Accel[]): Capabilities {
  return {
    state: 'probing',
    probedAt: null,
    ffmpegVersion: null,
    hwaccels: [],
    renderNodes: [],
    nvidia: false,
    order,
    candidates: [],
    chosen: { h264: null, hevc: null },
    error: null,
  };
}

async function testCandidate(
  ctx: Ctx,
  c: { accel: Accel; encoder: string; listed: boolean },
  codec: VideoCodec,
  devices: Devices,
): Promise<CandidateResult> {
  const base = { accel: c.accel, codec, encoder: c.encoder, listed: c.listed };
  if (!c.listed) {
    return {
      ...base,
      ok: false,
      error: 'not listed by ffmpeg -encoders',
      hint: 'encoder not compiled in',
      ms: 0,
    };
  }
  const t0 = performance.now();
  const r = await run(ctx, 'ffmpeg', testEncodeArgs(c.accel, codec, devices), {
    timeoutMs: ctx.config.probeTimeoutSeconds * 1000,
  });
  const ms = Math.round(performance.now() - t0);
  if (r.code === 0 && !r.timedOut) return { ...base, ok: true, error: null, hint: null, ms };
  return { ...base, ok: false, ...explainFailure(r.stderr, r.code, r.timedOut), ms };
}

/** Runs the whole probe; never throws (a broken ffmpeg is reported in `error`). */
export async function probeHardware(ctx: Ctx): Promise<Capabilities> {
  const order = [...ctx.config.encoderOrder] as Accel[];
  const caps = emptyCapabilities(order);
  try {
    const opt = { timeoutMs: ctx.config.probeTimeoutSeconds * 1000 };
    const [version, encoders, hwaccels] = await Promise.all([
      run(ctx, 'ffmpeg', ['-hide_banner', '-version'], opt),
      run(ctx, 'ffmpeg', ['-hide_banner', '-encoders'], opt),
      run(ctx, 'ffmpeg', ['-hide_banner', '-hwaccels'], opt),
    ]);
    if (encoders.code !== 0) throw new Error(encoders.stderr.trim() || 'ffmpeg -encoders failed');
    caps.ffmpegVersion = parseFfmpegVersion(version.stdout);
    caps.hwaccels = parseHwaccels(hwaccels.stdout);
    caps.renderNodes = renderNodes();
    caps.nvidia = nvidiaPresent();
    const listed = new Set(parseEncoderList(encoders.stdout).map((e) => e.name));
    const devices: Devices = {
      vaapi: ctx.config.vaapiDevice ?? caps.renderNodes[0] ?? '/dev/dri/renderD128',
    };
    const tries = CODECS.flatMap((codec) =>
      candidatesFor(codec, order, listed).map((c) => testCandidate(ctx, c, codec, devices)),
    );
    caps.candidates = await Promise.all(tries);
    caps.chosen = chooseEncoders(caps.candidates, order);
    caps.state = 'ready';
  } catch (err) {
    if (ctx.signal.aborted) return caps;
    caps.state = 'failed';
    caps.error = (err as Error).message;
  }
  caps.probedAt = new Date().toISOString();
  return caps;
}
