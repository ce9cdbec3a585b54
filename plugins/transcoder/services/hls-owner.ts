// One owner's encode state (a playback session's): its serial lock, its index of finished segments, waiting for
// a segment of the running ffmpeg, and killing that run.
import { finishedSegments, killRun, type Run } from './hls-run.ts';

export interface Owner {
  slot: boolean;
  run: Run | null;
  /** Finished segments per stream: index → file. */
  done: Map<string, Map<number, string>>;
  lastTouch: number;
  runs: number;
  lock: Promise<unknown>;
  /** stop() was called: nothing may start ffmpeg for this owner any more. */
  stopped: boolean;
}

export function newOwner(): Owner {
  return {
    slot: false,
    run: null,
    done: new Map(),
    lastTouch: Date.now(),
    runs: 0,
    lock: Promise.resolve(),
    stopped: false,
  };
}

/** Runs `fn` after everything queued on the owner before it, whether that succeeded or not. */
export function locked<T>(st: Owner, fn: () => T | Promise<T>): Promise<T> {
  const next = st.lock.then(fn, fn);
  st.lock = next.catch(() => {});
  return next;
}

/** Adds the run's newly finished segments to the owner's index. */
export function refreshDone(st: Owner, run: Run): void {
  let done = st.done.get(run.stream);
  if (!done) {
    done = new Map();
    st.done.set(run.stream, done);
  }
  for (const seg of finishedSegments(run)) if (!done.has(seg.index)) done.set(seg.index, seg.path);
}

/** Waits until the run lists segment `index` of `stream`; null when it exited, was replaced or the deadline passed. */
export async function waitFor(st: Owner, run: Run, stream: string, index: number, deadline: number) {
  for (;;) {
    const exitedBefore = run.exited;
    refreshDone(st, run);
    const path = st.done.get(stream)?.get(index);
    if (path) return path;
    if (exitedBefore || st.run !== run || Date.now() >= deadline) return null;
    st.lastTouch = Date.now();
    await Bun.sleep(15);
  }
}

export async function killOwnerRun(st: Owner): Promise<void> {
  const run = st.run;
  st.run = null;
  if (run) await killRun(run);
}
