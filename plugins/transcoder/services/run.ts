// Runs ffmpeg/ffprobe through ctx.exec: collects output with a size cap, honours abort signals and timeouts.
import type { Ctx } from './types.ts';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Calls `fn` with each decoded text chunk of a stream until it ends. */
export async function eachChunk(
  stream: ReadableStream<Uint8Array>,
  fn: (text: string) => void,
): Promise<void> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    fn(decoder.decode(value, { stream: true }));
  }
}

/** Reads a stream to text, keeping at most `max` characters (the tail when `tail`, else the head). */
export async function drain(stream: ReadableStream<Uint8Array>, max = 64_000, tail = false): Promise<string> {
  let text = '';
  await eachChunk(stream, (chunk) => {
    text += chunk;
    if (text.length > max * 2) text = tail ? text.slice(-max) : text.slice(0, max);
  });
  return tail ? text.slice(-max) : text.slice(0, max);
}

/** Runs a command to completion; killed after `timeoutMs` or when `signal` aborts. */
export async function run(
  ctx: Ctx,
  cmd: 'ffmpeg' | 'ffprobe',
  args: string[],
  o: { timeoutMs?: number; signal?: AbortSignal; maxOutput?: number } = {},
): Promise<RunResult> {
  if (!ctx.exec) throw new Error('exec:ffmpeg permission not granted');
  const ctl = new AbortController();
  const onAbort = () => ctl.abort();
  o.signal?.addEventListener('abort', onAbort, { once: true });
  ctx.signal.addEventListener('abort', onAbort, { once: true });
  let timedOut = false;
  const timer = o.timeoutMs
    ? setTimeout(() => {
        timedOut = true;
        ctl.abort();
      }, o.timeoutMs)
    : null;
  try {
    const proc = ctx.exec(cmd, args, { signal: ctl.signal });
    const [stdout, stderr, code] = await Promise.all([
      drain(proc.stdout, o.maxOutput ?? 64_000),
      drain(proc.stderr, 8_000, true),
      proc.exited,
    ]);
    return { code, stdout, stderr, timedOut };
  } finally {
    if (timer) clearTimeout(timer);
    o.signal?.removeEventListener('abort', onAbort);
    ctx.signal.removeEventListener('abort', onAbort);
  }
}
