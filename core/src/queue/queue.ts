// Persistent work queue in SQLite: per-queue concurrency (changeable while it runs), retry with exponential backoff,
// cancellation, restart recovery.
// The SQL on its rows is in items.ts, its public types in types.ts.
import type { Database } from 'bun:sqlite';
import type { Logger } from '../log/logger.ts';
import {
  cancelPendingItem,
  claimItem,
  countItems,
  getItem,
  insertItem,
  nextRunAt,
  now,
  type Row,
  recoverItems,
} from './items.ts';
import type { EnqueueOptions, QueueHandler, QueueOptions, QueueState } from './types.ts';

interface Worker {
  owner: string;
  name: string;
  opts: Required<QueueOptions>;
  handler: QueueHandler;
  active: Map<string, AbortController>;
}

export class WorkQueue {
  private readonly workers = new Map<string, Worker>();
  private readonly paused = new Set<string>();
  private readonly inflight = new Set<Promise<void>>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private started = false;
  private stopping = false;

  constructor(
    private readonly sqlite: Database,
    private readonly log: Logger,
  ) {}

  /** Puts items left running by a killed process back to pending so they run again. */
  recover(): number {
    return recoverItems(this.sqlite);
  }

  define(owner: string, name: string, opts: QueueOptions, handler: QueueHandler): void {
    const full = `${owner}.${name}`;
    this.workers.set(full, {
      owner,
      name: full,
      handler,
      active: new Map(),
      opts: { concurrency: 1, maxAttempts: 5, backoffMs: 1000, maxBackoffMs: 300_000, ...opts },
    });
    this.schedule(0);
  }

  /**
   * Changes how many items of a defined queue run at once, as from its next claim: items already running go on
   * (lowering it only holds back new claims until fewer run), and raising it starts waiting items at once.
   */
  setConcurrency(owner: string, name: string, concurrency: number): void {
    const w = this.workers.get(`${owner}.${name}`);
    if (!w) throw new Error(`QUEUE_UNKNOWN: ${owner}.${name} is not defined`);
    if (!Number.isInteger(concurrency) || concurrency < 1)
      throw new Error(`QUEUE_CONCURRENCY: expected an integer of at least 1, got ${concurrency}`);
    if (w.opts.concurrency === concurrency) return;
    w.opts.concurrency = concurrency;
    this.schedule(0);
  }

  enqueue(owner: string, name: string, payload: unknown, o: EnqueueOptions = {}): string {
    const queue = `${owner}.${name}`;
    const maxAttempts = this.workers.get(queue)?.opts.maxAttempts ?? 5;
    const id = insertItem(this.sqlite, queue, payload, maxAttempts, o);
    this.schedule(o.delayMs ?? 0);
    return id;
  }

  /** Cancels a pending item, or aborts a running one; false when the item is already finished or unknown. */
  cancel(id: string): boolean {
    if (cancelPendingItem(this.sqlite, id)) return true;
    for (const w of this.workers.values()) {
      const ctl = w.active.get(id);
      if (ctl) {
        ctl.abort(new Error('cancelled'));
        return true;
      }
    }
    return false;
  }

  get(id: string) {
    return getItem(this.sqlite, id);
  }

  stats(queue?: string): Record<string, Record<QueueState, number>> {
    return countItems(this.sqlite, queue);
  }

  start(): void {
    this.started = true;
    this.stopping = false;
    this.schedule(0);
  }

  pause(owner: string): void {
    this.paused.add(owner);
    for (const w of this.workers.values())
      if (w.owner === owner) for (const c of w.active.values()) c.abort(new Error('paused'));
  }

  resume(owner: string): void {
    this.paused.delete(owner);
    this.schedule(0);
  }

  /** Aborts running items (they return to pending and run again next start) and waits for handlers. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    for (const w of this.workers.values())
      for (const c of w.active.values()) c.abort(new Error('server stopping'));
    await Promise.allSettled([...this.inflight]);
  }

  /** Resolves once no item of `queue` (or any queue) is pending or running. For tests and the CLI. */
  async idle(queue?: string, timeoutMs = 30_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      const s = this.stats(queue);
      const busy = Object.values(s).some((c) => c.pending + c.running > 0);
      if (!busy) return;
      await Bun.sleep(20);
    }
    throw new Error('QUEUE_IDLE_TIMEOUT');
  }

  private schedule(delayMs: number): void {
    if (!this.started || this.stopping) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.pump(), Math.max(0, delayMs));
  }

  private pump(): void {
    this.timer = null;
    if (this.stopping) return;
    for (const w of this.workers.values()) {
      if (this.paused.has(w.owner)) continue;
      while (w.active.size < w.opts.concurrency) {
        const row = claimItem(this.sqlite, w.name);
        if (!row) break;
        this.runItem(w, row);
      }
    }
    const next = nextRunAt(this.sqlite);
    if (next != null) this.schedule(Math.min(Math.max(next - Date.now(), 10), 60_000));
  }

  private runItem(w: Worker, row: Row): void {
    const ctl = new AbortController();
    w.active.set(row.id, ctl);
    const log = this.log.child(w.owner);
    const work = async () => {
      try {
        await w.handler(JSON.parse(row.payload), {
          itemId: row.id,
          attempt: row.attempts,
          signal: ctl.signal,
          log,
        });
        this.finish(row.id, ctl, null, w, row);
      } catch (err) {
        this.finish(row.id, ctl, err instanceof Error ? err.message : String(err), w, row);
      } finally {
        w.active.delete(row.id);
      }
    };
    const p = work().finally(() => {
      this.inflight.delete(p);
      this.schedule(0);
    });
    this.inflight.add(p);
  }

  private finish(id: string, ctl: AbortController, error: string | null, w: Worker, row: Row): void {
    const reason = ctl.signal.aborted ? String((ctl.signal.reason as Error)?.message ?? '') : '';
    if (reason === 'cancelled') {
      this.sqlite.run(`UPDATE core_queue_items SET state='cancelled', updated_at=? WHERE id=?`, [now(), id]);
    } else if (ctl.signal.aborted) {
      // Stopped or paused, not the item's fault: back to pending without spending an attempt.
      this.sqlite.run(
        `UPDATE core_queue_items SET state='pending', attempts=attempts-1, updated_at=? WHERE id=?`,
        [now(), id],
      );
    } else if (error === null) {
      this.sqlite.run(`UPDATE core_queue_items SET state='done', last_error=NULL, updated_at=? WHERE id=?`, [
        now(),
        id,
      ]);
    } else if (row.attempts >= row.max_attempts) {
      this.sqlite.run(`UPDATE core_queue_items SET state='failed', last_error=?, updated_at=? WHERE id=?`, [
        error,
        now(),
        id,
      ]);
      this.log.warn('queue item failed for good', { queue: w.name, id, attempts: row.attempts, error });
    } else {
      const delay = Math.min(w.opts.backoffMs * 2 ** (row.attempts - 1), w.opts.maxBackoffMs);
      this.sqlite.run(
        `UPDATE core_queue_items SET state='pending', last_error=?, run_at=?, updated_at=? WHERE id=?`,
        [error, Date.now() + delay, now(), id],
      );
    }
  }
}
