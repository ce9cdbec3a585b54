// Background WAL checkpoints for the shared connection. SQLite's automatic checkpoint runs inside whichever commit
// crosses the threshold, stalling that commit (and the event loop) for the copy and fsync; here a worker thread
// with its own connection checkpoints every few hundred milliseconds instead. The main connection keeps a much
// larger automatic threshold as a safety net, so the WAL stays bounded even if the worker stops.
import type { Database } from 'bun:sqlite';

/** Automatic checkpoint threshold (pages) while the worker runs; SQLite's default is 1,000. */
export const FALLBACK_AUTOCHECKPOINT = 16_000;

export interface CheckpointStats {
  runs: number;
  /** Frames in the WAL and frames copied into the database at the last checkpoint that found work. */
  log: number;
  checkpointed: number;
  lastError: string | null;
}

export class Checkpointer {
  readonly stats: CheckpointStats = { runs: 0, log: 0, checkpointed: 0, lastError: null };
  private worker: Worker | null = null;

  constructor(
    private readonly sqlite: Database,
    private readonly file: string,
    private readonly intervalMs = 250,
  ) {}

  /** Starts the worker; on any failure the connection goes back to SQLite's own automatic checkpoints. */
  start(): void {
    if (this.worker) return;
    try {
      const w = new Worker(new URL('./checkpoint-worker.ts', import.meta.url));
      w.onmessage = (
        e: MessageEvent<{ type: string; log?: number; checkpointed?: number; message?: string }>,
      ) => {
        const m = e.data;
        if (m.type === 'result') {
          this.stats.runs += 1;
          this.stats.log = m.log ?? 0;
          this.stats.checkpointed = m.checkpointed ?? 0;
        } else if (m.type === 'error') this.stats.lastError = m.message ?? 'checkpoint failed';
      };
      w.onerror = () => this.fallBack();
      (w as unknown as { unref?: () => void }).unref?.();
      w.postMessage({ type: 'start', file: this.file, intervalMs: this.intervalMs });
      this.worker = w;
      this.sqlite.exec(`PRAGMA wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT}`);
    } catch {
      this.fallBack();
    }
  }

  private fallBack(): void {
    this.worker?.terminate();
    this.worker = null;
    this.sqlite.exec('PRAGMA wal_autocheckpoint = 1000');
  }

  /** Stops the worker after it closes its connection (the caller then runs a final checkpoint). */
  async stop(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (!w) return;
    await new Promise<void>((done) => {
      const timeout = setTimeout(done, 2000);
      w.addEventListener('message', (e: MessageEvent<{ type: string }>) => {
        if (e.data.type !== 'stopped') return;
        clearTimeout(timeout);
        done();
      });
      w.postMessage({ type: 'stop' });
    });
    w.terminate();
  }
}
