// One warm scan worker thread shared by every scan in the process: started by the first scan, kept (unref'd)
// for a while after the last one so consecutive scans skip its start-up, and ended when idle or on shutdown.
import type { FilePlan, PlanUnit } from './scan-plans.ts';

/** How long an idle worker is kept for the next scan. */
const IDLE_MS = 60_000;

export interface WorkerLease {
  /** Sends a unit; the reply arrives through the lease's `onPlans`. */
  post(seq: number, unit: PlanUnit): void;
  release(): void;
}

interface Lease {
  onPlans(seq: number, plans: FilePlan[]): void;
  onFail(): void;
}

let worker: Worker | null = null;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
let nextId = 1;
const leases = new Map<number, Lease>();

/** Ends the worker as a crash would: every scan using it plans the rest on the main thread. */
export function failPlanWorker(): void {
  const w = worker;
  worker = null;
  w?.terminate();
  const all = [...leases.values()];
  leases.clear();
  for (const l of all) l.onFail();
}

function start(): Worker {
  const w = new Worker(new URL('./scan-worker.ts', import.meta.url));
  w.onmessage = (e: MessageEvent<{ lease: number; seq: number; plans: FilePlan[] }>) =>
    leases.get(e.data.lease)?.onPlans(e.data.seq, e.data.plans);
  // Only this worker's own death counts (a replaced worker's late 'close' must not end its successor).
  const dead = () => {
    if (worker === w) failPlanWorker();
  };
  w.onerror = dead;
  w.onmessageerror = dead;
  w.addEventListener('close', dead);
  return w;
}

function setBusy(busy: boolean): void {
  const w = worker as (Worker & { ref?(): void; unref?(): void }) | null;
  if (busy) w?.ref?.();
  else w?.unref?.();
}

/** Leases the shared worker (starting it if needed); null when no worker thread can be started. */
export function leaseWorker(onPlans: Lease['onPlans'], onFail: Lease['onFail']): WorkerLease | null {
  clearTimeout(idleTimer);
  try {
    worker ??= start();
  } catch {
    return null;
  }
  const id = nextId++;
  leases.set(id, { onPlans, onFail });
  setBusy(true);
  return {
    post: (seq, unit) => worker?.postMessage({ lease: id, seq, unit }),
    release: () => {
      if (!leases.delete(id) || leases.size > 0) return;
      setBusy(false);
      idleTimer = setTimeout(stopPlanWorker, IDLE_MS);
      (idleTimer as unknown as { unref?(): void }).unref?.();
    },
  };
}

/** Ends the worker when no scan is using it (plugin shutdown, idle timeout). */
export function stopPlanWorker(): void {
  if (leases.size > 0) return;
  clearTimeout(idleTimer);
  worker?.terminate();
  worker = null;
}
