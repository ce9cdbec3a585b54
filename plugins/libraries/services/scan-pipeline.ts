// Walks and plans ahead of the writer. For a first scan the shared scan worker walks the library (statted folders
// come back in batches while the main thread already plans and writes the first units; one later unit waits in the
// worker for the walk's end, and is taken back should the writer reach it first); then it plans units of changed
// files (at most four in flight, so it plans on while this thread writes); when the unit the writer needs is still in
// the worker, the main thread plans the last one nobody has started. If the worker cannot start or fails, the main
// thread walks and plans what the worker held.
import type { FactsStore } from './scan-context.ts';
import { type FilePlan, type PlanUnit, planFiles } from './scan-plans.ts';
import { leaseWorker, type WalkError, type WorkerLease } from './scan-worker-pool.ts';
import type { StattedFolder } from './walker.ts';

/** A walk the worker is doing for this pipeline. */
interface RemoteWalk {
  visit(root: string, folder: StattedFolder): void;
  error(e: WalkError): void;
  /** Settles with true when the walk finished, false when the worker is gone (the caller walks the rest). */
  settle(finished: boolean): void;
  fail(err: Error): void;
}

type Slot =
  | { state: 'free' }
  | { state: 'worker'; done: Promise<FilePlan[] | null>; settle(p: FilePlan[] | null): void }
  | { state: 'ready'; plans: FilePlan[] }
  | { state: 'taken' };

/** Units sent to the worker and not yet answered, at most: enough that it plans on while this thread writes. */
const IN_FLIGHT = 4;
/** A rescan leases the worker once a unit has at least this many changed files (fewer plan faster here). */
const WORKER_MIN_FILES = 50;
const tick = () => new Promise((r) => setImmediate(r));

export class PlanPipeline {
  readonly units: PlanUnit[] = [];
  private readonly slots: Slot[] = [];
  /** Units planned by the worker and on the main thread. */
  readonly planned = { worker: 0, main: 0 };
  private lease: WorkerLease | null = null;
  private inFlight = 0;
  /** Set while the worker walks: units then wait for the main thread, the worker being busy. */
  private walking: RemoteWalk | null = null;
  private waiting: (() => void)[] = [];
  /** Whether the worker walks (walked) this scan's library, so holds its listings; else the folders it was sent. */
  private workerWalked = false;
  private readonly listingsSent = new Set<string>();
  /** Folder facts for the units planned here: a folder split over units is examined once. */
  private readonly facts: FactsStore = new WeakMap();

  /** Whether the worker is to be leased when the first unit worth it arrives (see the constructor). */
  private lazy: boolean;

  /**
   * `true` leases the shared worker now (a first scan: it walks); `'when-needed'` only once a unit of at least
   * {@link WORKER_MIN_FILES} files arrives (a rescan: mostly nothing to plan, so most need no worker); `false` never.
   */
  constructor(useWorker: boolean | 'when-needed') {
    this.lazy = useWorker === 'when-needed';
    if (useWorker === true) this.startLease();
  }

  private startLease(): void {
    this.lazy = false;
    this.lease = leaseWorker({
      onPlans: (seq, plans) => this.received(seq, plans),
      onWalked: (root, folders, errors) => {
        for (const e of errors) this.walking?.error(e);
        for (const f of folders) this.walking?.visit(root, f);
      },
      onWalkDone: (error) => {
        const w = this.walking;
        this.walking = null;
        if (error) w?.fail(new Error(error));
        else w?.settle(true);
        this.feed();
      },
      onFail: () => this.fail(),
    });
  }

  /**
   * Has the worker walk `roots`, handing each statted folder to `visit` as batches arrive. Resolves true when the
   * walk is complete, false when there is no worker (any more) — the caller then walks the rest itself.
   */
  walk(
    roots: string[],
    visit: RemoteWalk['visit'],
    error: RemoteWalk['error'],
    signal: AbortSignal,
  ): Promise<boolean> {
    const lease = this.lease;
    if (!lease) return Promise.resolve(false);
    let abort = () => {};
    return new Promise<boolean>((resolve, reject) => {
      abort = () => {
        this.walking = null;
        lease.cancelWalk();
        reject(signal.reason ?? new Error('aborted'));
      };
      this.walking = { visit, error, settle: resolve, fail: reject };
      signal.addEventListener('abort', abort, { once: true });
      this.workerWalked = true;
      lease.walk(roots);
    }).finally(() => signal.removeEventListener('abort', abort));
  }

  /** Resolves when a unit is added or {@link wake} is called. */
  nextUnit(): Promise<void> {
    return new Promise((r) => this.waiting.push(r));
  }

  /** Wakes whoever waits in {@link nextUnit}. */
  wake(): void {
    const w = this.waiting;
    this.waiting = [];
    for (const r of w) r();
  }

  /** Adds the next unit; it goes to the worker at once when fewer than {@link IN_FLIGHT} are in flight. */
  add(unit: PlanUnit): void {
    if (this.lazy && unit.files.length >= WORKER_MIN_FILES) this.startLease();
    this.units.push(unit);
    this.slots.push({ state: 'free' });
    this.feed();
    this.wake();
  }

  private feed(): void {
    if (this.walking) {
      this.feedWhileWalking();
      return;
    }
    while (this.lease && this.inFlight < IN_FLIGHT) {
      const seq = this.slots.findIndex((s) => s.state === 'free');
      if (seq < 0) return;
      this.send(seq);
    }
  }

  /**
   * While the worker walks, one unit waits in it to be planned the moment the walk ends (so the worker does not
   * idle until this thread, busy writing, sends it one): the last free unit, once another is free for this
   * thread to plan meanwhile, so this thread keeps planning and writing in order.
   */
  private feedWhileWalking(): void {
    if (!this.lease || this.inFlight > 0) return;
    let last = -1;
    for (let i = this.slots.length - 1; i >= 0; i--) {
      if (this.slots[i].state !== 'free') continue;
      if (last >= 0) {
        this.send(last);
        return;
      }
      last = i;
    }
  }

  private send(seq: number): void {
    const { promise: done, resolve: settle } = Promise.withResolvers<FilePlan[] | null>();
    this.slots[seq] = { state: 'worker', done, settle };
    this.inFlight += 1;
    const unit = this.units[seq];
    // Only listings the worker has not had (that of a folder of thousands of titles crosses once).
    const listings = this.workerWalked ? [] : unit.listings.filter(([d]) => !this.listingsSent.has(d));
    for (const [dir] of listings) this.listingsSent.add(dir);
    this.lease?.post(seq, { ...unit, listings });
  }

  private received(seq: number, plans: FilePlan[]): void {
    const slot = this.slots[seq];
    if (slot?.state !== 'worker') return;
    this.inFlight -= 1;
    this.planned.worker += 1;
    this.slots[seq] = { state: 'ready', plans };
    slot.settle(plans);
    this.feed();
  }

  /** The worker is gone: units it held are released for the main thread, a walk it was doing is the caller's. */
  private fail(): void {
    this.lease = null;
    const w = this.walking;
    this.walking = null;
    w?.settle(false);
    for (let i = 0; i < this.slots.length; i++) this.takeBack(i);
  }

  /** A unit held by the worker is free again for this thread (its answer, should one come, is ignored). */
  private takeBack(seq: number): void {
    const s = this.slots[seq];
    if (s.state !== 'worker') return;
    this.slots[seq] = { state: 'free' };
    this.inFlight -= 1;
    s.settle(null);
  }

  private planHere(seq: number): FilePlan[] {
    this.planned.main += 1;
    return planFiles(this.units[seq], { facts: this.facts });
  }

  /** Whether unit `seq` is planned and waiting to be taken. */
  ready(seq: number): boolean {
    return this.slots[seq]?.state === 'ready';
  }

  /** The plans of a unit that is {@link ready}. */
  takeReady(seq: number): FilePlan[] {
    const slot = this.slots[seq];
    if (slot.state !== 'ready') throw new Error(`plan unit ${seq} is not ready`);
    this.slots[seq] = { state: 'taken' };
    return slot.plans;
  }

  /**
   * The plans of unit `seq` (each unit is taken once, in order). A unit the worker has not got is planned here;
   * while the worker plans it, the last unit nobody has started is planned here rather than wait, so the worker
   * keeps the front of the queue and this thread helps only when it would otherwise idle.
   */
  async take(seq: number): Promise<FilePlan[]> {
    for (;;) {
      const slot = this.slots[seq];
      if (slot.state === 'ready') return this.takeReady(seq);
      let here = seq;
      if (slot.state === 'worker' && this.walking) {
        // Still waiting in the worker for its walk to end: planned here rather than waited for.
        this.lease?.withdraw(seq);
        this.takeBack(seq);
      } else if (slot.state === 'worker') {
        here = -1;
        for (let i = this.slots.length - 1; i > seq && here < 0; i--)
          if (this.slots[i].state === 'free') here = i;
        if (here < 0) {
          await slot.done;
          continue;
        }
      } else if (slot.state !== 'free') throw new Error(`plan unit ${seq} was already taken`);
      // Yield after planning here, before the next write, so HTTP readers and the worker's replies get in.
      this.slots[here] = { state: 'ready', plans: this.planHere(here) };
      await tick();
    }
  }

  /** Gives the worker back (the scan finished, failed or was cancelled). */
  close(): void {
    const lease = this.lease;
    this.lease = null;
    lease?.release();
  }
}
