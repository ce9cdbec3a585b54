// One warm scan worker thread shared by every scan in the process: started by the first scan, kept (unref'd)
// for a while after the last one so consecutive scans skip its start-up, and ended when idle or on shutdown.
// A scan leases it to walk its roots (folders come back statted, in batches) and to plan units of changed files.
import type { FilePlan, PlanUnit } from './scan-plans.ts';
import { type PackedFolders, unpackFolders } from './walk-batch.ts';
import type { StattedFolder } from './walker.ts';

/** How long an idle worker is kept for the next scan. */
const IDLE_MS = 60_000;

/** Messages to the worker. */
export type ToWorker =
  /** `unit`: the PlanUnit as JSON, like plans coming back (cheaper to cross than its structured clone). */
  | { type: 'plan'; lease: number; seq: number; unit: string }
  | { type: 'walk'; lease: number; roots: string[] }
  /** Takes back a unit still waiting for the walk's end (the main thread plans it instead). */
  | { type: 'withdraw'; lease: number; seq: number }
  | { type: 'cancel'; lease: number };

/** Messages from the worker. */
export type FromWorker =
  /**
   * `plans`: the unit's FilePlan[] as JSON. Plans and units hold only strings, finite numbers, booleans and null,
   * and as JSON cross threads in about half the CPU time of the structured clone of their many small objects.
   */
  | { type: 'plans'; lease: number; seq: number; plans: string }
  | { type: 'walked'; lease: number; root: string; batch: PackedFolders; errors: WalkError[] }
  | { type: 'walk-done'; lease: number; error?: string };

export interface WalkError {
  dir: string;
  message: string;
}

export interface WorkerLease {
  /** Sends a unit; the reply arrives through the lease's `onPlans`. */
  post(seq: number, unit: PlanUnit): void;
  /** Takes back unit `seq` if it still waits for the walk's end; a reply for it, should one still come, is stale. */
  withdraw(seq: number): void;
  /** Starts a walk of `roots`; folders arrive through `onWalked`, the end through `onWalkDone`. */
  walk(roots: string[]): void;
  /** Stops this lease's walk (its remaining folders are not sent). */
  cancelWalk(): void;
  release(): void;
}

export interface Lease {
  onPlans(seq: number, plans: FilePlan[]): void;
  onWalked(root: string, folders: StattedFolder[], errors: WalkError[]): void;
  onWalkDone(error?: string): void;
  onFail(): void;
}

let worker: Worker | null = null;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
let nextId = 1;
const leases = new Map<number, Lease>();

/** Ends the worker as a crash would: every scan using it walks and plans the rest on the main thread. */
export function failPlanWorker(): void {
  const w = worker;
  worker = null;
  w?.terminate();
  const all = [...leases.values()];
  leases.clear();
  for (const l of all) l.onFail();
}

function dispatch(m: FromWorker): void {
  const lease = leases.get(m.lease);
  if (!lease) return;
  if (m.type === 'plans') lease.onPlans(m.seq, JSON.parse(m.plans) as FilePlan[]);
  else if (m.type === 'walked') lease.onWalked(m.root, unpackFolders(m.root, m.batch), m.errors);
  else lease.onWalkDone(m.error);
}

function start(): Worker {
  const w = new Worker(new URL('./scan-worker.ts', import.meta.url));
  w.onmessage = (e: MessageEvent<FromWorker>) => dispatch(e.data);
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
export function leaseWorker(lease: Lease): WorkerLease | null {
  clearTimeout(idleTimer);
  try {
    worker ??= start();
  } catch {
    return null;
  }
  const id = nextId++;
  leases.set(id, lease);
  setBusy(true);
  const send = (m: ToWorker) => worker?.postMessage(m);
  return {
    post: (seq, unit) => send({ type: 'plan', lease: id, seq, unit: JSON.stringify(unit) }),
    withdraw: (seq) => send({ type: 'withdraw', lease: id, seq }),
    walk: (roots) => send({ type: 'walk', lease: id, roots }),
    cancelWalk: () => send({ type: 'cancel', lease: id }),
    release: () => {
      if (!leases.delete(id)) return;
      send({ type: 'cancel', lease: id });
      if (leases.size > 0) return;
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
