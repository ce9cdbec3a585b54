// One ffmpeg process of an on-demand HLS encode: spawned into its own folder, its finished segments read from
// ffmpeg's csv list, and killed without letting ffmpeg close the segment it is writing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ListedSegment, parseSegmentList } from '../lib/segments.ts';
import { drain } from './run.ts';
import type { Ctx } from './types.ts';

/** Thrown when a transcode needs a slot and every slot is taken (answered 503 + Retry-After). */
export class CapacityError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('All transcode slots are in use');
  }
}

/** Thrown when ffmpeg failed to produce a segment. */
export class EncodeError extends Error {}

/** Thrown for a segment of an owner that was stopped (its session ended): no ffmpeg is started for it. */
export class StoppedError extends Error {
  readonly stopped = true;
  constructor(owner: string) {
    super(`The encode of ${owner} was stopped`);
  }
}

export interface Run {
  stream: string;
  startSegment: number;
  dir: string;
  proc: Bun.Subprocess<'ignore', 'pipe', 'pipe'>;
  /** Highest finished segment, startSegment - 1 before the first. */
  produced: number;
  exited: boolean;
  exitCode: number | null;
  /** Killed by us (restart, idle, stop), as opposed to ffmpeg failing. */
  killed: boolean;
  stderr: Promise<string>;
}

/** Spawns ffmpeg with `args` writing segments into `dir` (already made). */
export function spawnRun(
  ctx: Ctx,
  o: { stream: string; startSegment: number; dir: string; args: string[] },
): Run {
  if (!ctx.exec) throw new EncodeError('exec:ffmpeg permission not granted');
  const proc = ctx.exec('ffmpeg', o.args);
  void drain(proc.stdout, 1000);
  const run: Run = {
    stream: o.stream,
    startSegment: o.startSegment,
    dir: o.dir,
    proc,
    produced: o.startSegment - 1,
    exited: false,
    exitCode: null,
    killed: false,
    stderr: drain(proc.stderr, 4000, true),
  };
  void proc.exited.then((code) => {
    run.exitCode = code;
    run.exited = true;
  });
  return run;
}

/** The segments the run has finished so far (a segment is listed only once ffmpeg closed it). */
export function finishedSegments(run: Run): (ListedSegment & { path: string })[] {
  let text: string;
  try {
    text = readFileSync(join(run.dir, 'segments.csv'), 'utf8');
  } catch {
    return [];
  }
  const out = parseSegmentList(text).map((s) => ({ ...s, path: join(run.dir, s.file) }));
  for (const s of out) if (s.index > run.produced) run.produced = s.index;
  return out;
}

/** Kills the run and waits for it to be gone. */
export async function killRun(run: Run): Promise<void> {
  if (run.exited) return;
  run.killed = true;
  // SIGKILL, not SIGTERM: on SIGTERM ffmpeg closes the segment it is writing and lists it as finished.
  run.proc.kill(9);
  await run.proc.exited;
}
