// Pure reading of ffmpeg's encoder and hwaccel lists, the candidate encoders per codec, what a failed test
// encode means, and which encoder to use per codec in the configured order.
import type { Accel, CandidateResult, EncoderChoice, VideoCodec } from '../api.ts';

export const ACCELS: readonly Accel[] = ['vaapi', 'qsv', 'nvenc', 'software'];
export const CODECS: readonly VideoCodec[] = ['h264', 'hevc'];

/** The encoder name of an acceleration family for a codec. */
export function encoderName(accel: Accel, codec: VideoCodec): string {
  if (accel === 'software') return codec === 'h264' ? 'libx264' : 'libx265';
  return `${codec}_${accel}`;
}

export interface ListedEncoder {
  kind: 'video' | 'audio' | 'subtitle';
  name: string;
  description: string;
}

/** Parses `ffmpeg -encoders`: lines like ` V....D libx264   libx264 H.264 / AVC …` after the `------` rule. */
export function parseEncoderList(text: string): ListedEncoder[] {
  const lines = text.split(/\r?\n/);
  const rule = lines.findIndex((l) => /^\s*-{3,}\s*$/.test(l));
  const out: ListedEncoder[] = [];
  for (const line of lines.slice(rule + 1)) {
    const m = /^\s*([VAS])[.A-Z]{5}\s+(\S+)\s*(.*)$/.exec(line);
    if (!m) continue;
    const kind = m[1] === 'V' ? 'video' : m[1] === 'A' ? 'audio' : 'subtitle';
    out.push({ kind, name: m[2], description: m[3].trim() });
  }
  return out;
}

/** Parses `ffmpeg -hwaccels`: one method per line after the "Hardware acceleration methods:" heading. */
export function parseHwaccels(text: string): string[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const head = lines.findIndex((l) => /^hardware acceleration methods:?$/i.test(l));
  return lines.slice(head + 1).filter((l) => /^[a-z0-9_]+$/.test(l));
}

/** The first line of `ffmpeg -version`, reduced to the version ("5.1.9-0+deb12u1"). */
export function parseFfmpegVersion(text: string): string | null {
  return /ffmpeg version (\S+)/.exec(text)?.[1] ?? null;
}

interface KnownFailure {
  pattern: RegExp;
  hint: string;
}

// Ordered: the first match explains the failure. Strings are ffmpeg's own (CONVENTIONS 6.4).
const KNOWN: KnownFailure[] = [
  { pattern: /Cannot load libcuda\.so/i, hint: 'NVIDIA driver not loaded (libcuda.so.1 missing)' },
  {
    pattern: /Cannot load libnvidia-encode/i,
    hint: 'NVIDIA driver has no encode library (libnvidia-encode)',
  },
  {
    pattern:
      /No NVENC capable devices found|OpenEncodeSessionEx failed: unsupported device|No capable devices/i,
    hint: 'GPU without NVENC (datacenter parts such as the H100 have none)',
  },
  {
    pattern: /out of memory|incompatible client key|too many.*sessions/i,
    hint: 'NVENC session limit reached',
  },
  {
    pattern: /Permission denied/i,
    hint: 'render node not readable: add the user to the render (or video) group',
  },
  {
    pattern: /No VA display found|Failed to initialise VAAPI|vaInitialize failed/i,
    hint: 'no working VA-API device (no /dev/dri render node, or no driver for it)',
  },
  { pattern: /No usable encoding profile/i, hint: 'the VA-API driver cannot encode this codec' },
  {
    pattern: /Device creation failed: -542398533|Error initializing an MFX session|MFXInit|libmfx|qsv=hw/i,
    hint: 'no working Intel Quick Sync device (driver or /dev/dri missing)',
  },
  { pattern: /Unknown encoder|Encoder not found/i, hint: 'encoder not compiled into this ffmpeg' },
];

const NOISE = /^(Error parsing global options|Conversion failed!?)\s*:?/i;

/**
 * Explains a failed test encode: `error` keeps ffmpeg's meaningful lines (addresses stripped, at most 500
 * characters), `hint` names the known cause when there is one.
 */
export function explainFailure(
  stderr: string,
  exitCode: number | null,
  timedOut = false,
): { error: string; hint: string | null } {
  if (timedOut) return { error: 'test encode timed out', hint: 'the device hung or is very slow to open' };
  const lines = stderr
    .split(/\r?\n/)
    .map((l) => l.replace(/\s@\s0x[0-9a-f]+\]/i, ']').trim())
    .filter((l) => l && !NOISE.test(l));
  const text = lines.join('\n').slice(0, 500);
  const hint = KNOWN.find((k) => k.pattern.test(stderr))?.hint ?? null;
  return { error: text || `ffmpeg exited with code ${exitCode ?? 'unknown'}`, hint };
}

/** The candidates to try for a codec, in the configured order, marking those ffmpeg does not list. */
export function candidatesFor(
  codec: VideoCodec,
  order: readonly Accel[],
  listed: ReadonlySet<string>,
): { accel: Accel; encoder: string; listed: boolean }[] {
  const all = [...new Set([...order, 'software' as const])];
  return all.map((accel) => {
    const encoder = encoderName(accel, codec);
    return { accel, encoder, listed: listed.has(encoder) };
  });
}

/** Per codec, the first candidate that passed its test encode, in the configured order (software last resort). */
export function chooseEncoders(
  results: readonly CandidateResult[],
  order: readonly Accel[],
): Record<VideoCodec, EncoderChoice | null> {
  const ranked = [...new Set([...order, 'software' as const])];
  const pick = (codec: VideoCodec): EncoderChoice | null => {
    for (const accel of ranked) {
      const r = results.find((x) => x.codec === codec && x.accel === accel && x.ok);
      if (r) return { accel: r.accel, encoder: r.encoder };
    }
    return null;
  };
  return { h264: pick('h264'), hevc: pick('hevc') };
}
