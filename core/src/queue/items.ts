// The rows of core_queue_items: insert with dedupe, claim the next due item, cancel, read, count, recover.
import type { Database } from 'bun:sqlite';
import { nanoid } from 'nanoid';
import type { EnqueueOptions, QueueState } from './types.ts';

/** A claimed item, as the worker runs it. */
export interface Row {
  id: string;
  payload: string;
  attempts: number;
  max_attempts: number;
}

export function now(): string {
  return new Date().toISOString();
}

/** Puts items left running by a killed process back to pending so they run again. */
export function recoverItems(sqlite: Database): number {
  const r = sqlite.run(`UPDATE core_queue_items SET state='pending', updated_at=? WHERE state='running'`, [
    now(),
  ]);
  return r.changes;
}

/** Adds an item, or reuses a pending or running one with the same dedupe key; returns its id. */
export function insertItem(
  sqlite: Database,
  queue: string,
  payload: unknown,
  maxAttempts: number,
  o: EnqueueOptions,
): string {
  const id = nanoid();
  const t = now();
  const runAt = Date.now() + (o.delayMs ?? 0);
  const row = sqlite
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
  return row!.id;
}

/** Cancels the item if it is still pending. */
export function cancelPendingItem(sqlite: Database, id: string): boolean {
  const r = sqlite.run(
    `UPDATE core_queue_items SET state='cancelled', updated_at=? WHERE id=? AND state='pending'`,
    [now(), id],
  );
  return r.changes > 0;
}

export function getItem(sqlite: Database, id: string) {
  return sqlite
    .query<Record<string, unknown>, [string]>(
      `SELECT id, queue, state, attempts, max_attempts AS maxAttempts, last_error AS lastError, created_at AS createdAt, updated_at AS updatedAt FROM core_queue_items WHERE id=?`,
    )
    .get(id);
}

/** Items per queue and state, of one queue or all. */
export function countItems(sqlite: Database, queue?: string): Record<string, Record<QueueState, number>> {
  const rows = sqlite
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

/** Marks the next due item of `queue` running (spending an attempt) and returns it, or null when none is due. */
export function claimItem(sqlite: Database, queue: string): Row | null {
  return sqlite
    .query<Row, any[]>(
      `UPDATE core_queue_items SET state='running', attempts=attempts+1, updated_at=?
       WHERE id = (SELECT id FROM core_queue_items WHERE queue=? AND state='pending' AND run_at<=?
                   ORDER BY priority DESC, run_at, id LIMIT 1)
       RETURNING id, payload, attempts, max_attempts`,
    )
    .get(now(), queue, Date.now());
}

/** When the earliest pending item is due (ms since the epoch), or null when nothing is pending. */
export function nextRunAt(sqlite: Database): number | null {
  const next = sqlite
    .query<{ at: number | null }, []>(`SELECT MIN(run_at) AS at FROM core_queue_items WHERE state='pending'`)
    .get();
  return next?.at ?? null;
}
