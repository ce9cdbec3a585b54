// A job's progress reports, throttled: written at most every 250 ms, the latest report in between kept and flushed,
// never lost; a report of 1 (done) is written at once.
const INTERVAL_MS = 250;

export interface ThrottledProgress {
  /** Reports progress as a fraction 0..1 (clamped; not a number counts as 0) with an optional note. */
  report(fraction: number, note?: string): void;
  /** Drops a report still waiting and writes nothing more. */
  close(): void;
}

export function throttleProgress(write: (progress: number, note: string | null) => void): ThrottledProgress {
  let lastWrite = 0;
  let closed = false;
  let pending: { p: number; note: string | null } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    if (!pending || closed) return;
    const { p, note } = pending;
    pending = null;
    lastWrite = Date.now();
    write(p, note);
  };
  return {
    report(fraction, note) {
      pending = { p: Math.max(0, Math.min(1, Number.isFinite(fraction) ? fraction : 0)), note: note ?? null };
      const wait = INTERVAL_MS - (Date.now() - lastWrite);
      if (wait <= 0 || pending.p >= 1) {
        if (timer) clearTimeout(timer);
        flush();
      } else timer ??= setTimeout(flush, wait);
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
    },
  };
}
