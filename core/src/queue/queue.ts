// Persistent work queue in SQLite: per-queue concurrency, retry with exponential backoff, cancellation, restart recovery.
import type { Database } from 'bun:sqlite';
import { nanoid } from 'nanoid';
import type { Logger } from '../log/logger.ts';

/** Options of one named queue. */
export interface QueueOptions {
  /** Items processed at once (default 1). */
  concurrency?: number;
  /** Attempts before an item is marked failed (default 5). */
  maxAttempts?: number;
  /** First retry delay in ms; doubles each attempt (default 1000). */
  backoffMs?: number;
  /** Retry delay ceiling in ms (default 5 minutes). */
  maxBackoffMs?: number;
}
export interface QueueItemContext {
  itemId: string;
  attempt: number;
  signal: AbortSignal;
  log: Logger;
}
export type QueueHandler = (payload: any, ctx: QueueItemContext) => unknown | Promise<unknown>;
export interface EnqueueOptions {
  /** An item with the same key that is pending or running is reused instead of added twice. */
  dedupeKey?: string;
  delayMs?: number;
  priority?: number;
}
export type QueueState = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';

interface Worker {
  owner: string;
  name: string;
  opts: Required<QueueOptions>;
  handler: QueueHandler;
  active: Map<string, AbortController>;
}
interface Row {
  id: string;
  payload: string;
  attempts: number;
  max_attempts: number;
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
    const r = this.sqlite.run(
      `UPDATE core_queue_items SET state='pending', updated_at=? WHERE state='running'`,
      [now()],
    );
    return r.changes;
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

  enqueue(owner: string, name: string, payload: unknown, o: EnqueueOptions = {}): string {
    const queue = `${owner}.${name}`;
    const maxAttempts = this.workers.get(queue)?.opts.maxAttempts ?? 5;
    const id = nanoid();
    const t = now();
    const runAt = Date.now() + (o.delayMs ?? 0);
    const row = this.sqlite
      .query<{ id: string }, any[]>(
        `INSERT INTO core_queue_items (id, queue, payload, state, dedupe_key, priority, attempts, max_attempts, run_at, created_at, updated_at)
         VALUES (?, ?, ?, 'pending', ?, ?, 0, ?, ?, ?, ?)
         ON CONFLICT (queue, dedupe_key) DO UPDATE SET
           payload = excluded.payload, priority = excluded.priority, updated_at = excluded.updated_at,
           state = CASE WHEN state IN ('pending','running') THEN state ELSE 'pending' END,
           attempts = CASE WHEN state IN ('pending','running') THEN attempts ELSE 0 END,
           run_at = CASE WHEN state IN ('pending','running') THEN run_at ELSE excluded.run_at END,
           last_error = CASE WHEN state IN ('pending','running') THEN last_error ELSE NULL END
         RETURNING id`,
      )
      .get(
        id,
        queue,
        JSON.stringify(payload ?? null),
        o.dedupeKey ?? null,
        o.priority ?? 0,
        maxAttempts,
        runAt,
        t,
        t,
      );
    this.schedule(o.delayMs ?? 0);
    return row!.id;
  }

  /** Cancels a pending item, or aborts a running one; false when the item is already finished or unknown. */
  cancel(id: string): boolean {
    const r = this.sqlite.run(
      `UPDATE core_queue_items SET state='cancelled', updated_at=? WHERE id=? AND state='pending'`,
      [now(), id],
    );
    if (r.changes > 0) return true;
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
    return this.sqlite
      .query<Record<string, unknown>, [string]>(
        `SELECT id, queue, state, attempts, max_attempts AS maxAttempts, last_error AS lastError, created_at AS createdAt, updated_at AS updatedAt FROM core_queue_items WHERE id=?`,
      )
      .get(id);
  }

  stats(queue?: string): Record<string, Record<QueueState, number>> {
    const rows = this.sqlite
      .query<{ queue: string; state: QueueState; n: number }, any[]>(
        `SELECT queue, state, COUNT(*) AS n FROM core_queue_items ${queue ? 'WHERE queue = ?' : ''} GROUP BY queue, state`,
      )
      .all(...(queue ? [queue] : []));
    const out: Record<string, Record<QueueState, number>> = {};
    for (const r of rows) {
      out[r.queue] ??= { pending: 0, running: 0, done: 0, failed: 0, cancelled: 0 };
      out[r.queue][r.state] = r.n;
    }
    return out;
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
        const row = this.claim(w.name);
        if (!row) break;
        this.runItem(w, row);
      }
    }
    const next = this.sqlite
      .query<{ at: number | null }, []>(
        `SELECT MIN(run_at) AS at FROM core_queue_items WHERE state='pending'`,
      )
      .get();
    if (next?.at != null) this.schedule(Math.min(Math.max(next.at - Date.now(), 10), 60_000));
  }

  private claim(queue: string): Row | null {
    return this.sqlite
      .query<Row, any[]>(
        `UPDATE core_queue_items SET state='running', attempts=attempts+1, updated_at=?
         WHERE id = (SELECT id FROM core_queue_items WHERE queue=? AND state='pending' AND run_at<=?
                     ORDER BY priority DESC, run_at, id LIMIT 1)
         RETURNING id, payload, attempts, max_attempts`,
      )
      .get(now(), queue, Date.now());
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

function now(): string {
  return new Date().toISOString();
}
