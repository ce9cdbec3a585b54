// The work queue's public shapes: options of a queue, of an enqueue, a handler and its context, an item's state.
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
