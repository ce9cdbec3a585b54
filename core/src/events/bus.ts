// Typed in-process event bus: facts named `<plugin>.<noun>.<past-verb>`; listener errors are caught and logged.
import type { Logger } from '../log/logger.ts';

/** Who may receive an event over WebSocket/SSE. */
export type Audience = 'all' | 'admin' | { userId: string };

export interface BusEvent {
  name: string;
  payload: unknown;
  audience: Audience;
  at: string;
}

type Listener = (payload: unknown, event: BusEvent) => void | Promise<void>;

/** One bus per process. `owner` lets the host pause listeners of a disabled plugin. */
export class EventBus {
  private readonly listeners = new Map<string, Set<{ owner: string; fn: Listener }>>();
  private readonly taps = new Set<(event: BusEvent) => void>();
  constructor(
    private readonly log: Logger,
    private readonly isOwnerActive: (owner: string) => boolean = () => true,
  ) {}

  on(owner: string, name: string, fn: Listener): () => void {
    const set = this.listeners.get(name) ?? new Set();
    const entry = { owner, fn };
    set.add(entry);
    this.listeners.set(name, set);
    return () => set.delete(entry);
  }

  /** Observes every event (used by the WebSocket/SSE fan-out). */
  tap(fn: (event: BusEvent) => void): () => void {
    this.taps.add(fn);
    return () => this.taps.delete(fn);
  }

  emit(name: string, payload: unknown, audience: Audience = 'admin'): void {
    const event: BusEvent = { name, payload, audience, at: new Date().toISOString() };
    for (const tap of this.taps) this.safe(() => tap(event), name, 'tap');
    for (const { owner, fn } of this.listeners.get(name) ?? []) {
      if (!this.isOwnerActive(owner)) continue;
      this.safe(() => fn(payload, event), name, owner);
    }
  }

  removeOwner(owner: string): void {
    for (const set of this.listeners.values()) for (const e of set) if (e.owner === owner) set.delete(e);
  }

  private safe(fn: () => unknown, name: string, owner: string): void {
    try {
      const r = fn();
      if (r instanceof Promise)
        r.catch((err) => this.log.error('event listener failed', { event: name, owner, err }));
    } catch (err) {
      this.log.error('event listener failed', { event: name, owner, err });
    }
  }
}
