// Plans units of changed files ahead of the writer. Units are added while the walk is still running and go to the
// shared scan worker (at most two in flight), so walking, planning and writing overlap; when the unit the writer
// needs next is still in the worker, the main thread plans a later one itself. If the worker cannot start or
// fails, every unit it held is planned on the main thread instead.
import { type FilePlan, type PlanUnit, planFiles } from './scan-plans.ts';
import { leaseWorker, type WorkerLease } from './scan-worker-pool.ts';

type Slot =
  | { state: 'free' }
  | { state: 'worker'; done: Promise<FilePlan[] | null>; settle(p: FilePlan[] | null): void }
  | { state: 'ready'; plans: FilePlan[] }
  | { state: 'taken' };

const IN_FLIGHT = 2;
const tick = () => new Promise((r) => setImmediate(r));

export class PlanPipeline {
  readonly units: PlanUnit[] = [];
  private readonly slots: Slot[] = [];
  /** Units planned by the worker and on the main thread. */
  readonly planned = { worker: 0, main: 0 };
  private lease: WorkerLease | null = null;
  private inFlight = 0;

  constructor(useWorker: boolean) {
    if (useWorker)
      this.lease = leaseWorker(
        (seq, plans) => this.received(seq, plans),
        () => this.fail(),
      );
  }

  /** Adds the next unit; it goes to the worker at once when fewer than two are in flight. */
  add(unit: PlanUnit): void {
    this.units.push(unit);
    this.slots.push({ state: 'free' });
    this.feed();
  }

  private feed(): void {
    while (this.lease && this.inFlight < IN_FLIGHT) {
      const seq = this.slots.findIndex((s) => s.state === 'free');
      if (seq < 0) return;
      let settle: (p: FilePlan[] | null) => void = () => {};
      const done = new Promise<FilePlan[] | null>((r) => {
        settle = r;
      });
      this.slots[seq] = { state: 'worker', done, settle };
      this.inFlight += 1;
      this.lease.post(seq, this.units[seq]);
    }
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

  /** The worker is gone: units it held are released for the main thread. */
  private fail(): void {
    this.lease = null;
    this.slots.forEach((s, i) => {
      if (s.state !== 'worker') return;
      this.slots[i] = { state: 'free' };
      s.settle(null);
    });
    this.inFlight = 0;
  }

  private planHere(seq: number): FilePlan[] {
    this.slots[seq] = { state: 'taken' };
    this.planned.main += 1;
    return planFiles(this.units[seq]);
  }

  /** Whether unit `seq` can be taken without waiting for the worker. */
  ready(seq: number): boolean {
    const s = this.slots[seq]?.state;
    return s === 'ready' || s === 'free';
  }

  /** The plans of a unit that is {@link ready}. */
  takeReady(seq: number): FilePlan[] {
    const slot = this.slots[seq];
    if (slot.state === 'ready') {
      this.slots[seq] = { state: 'taken' };
      return slot.plans;
    }
    if (slot.state === 'free') return this.planHere(seq);
    throw new Error(`plan unit ${seq} is not ready`);
  }

  /** The plans of unit `seq` (each unit is taken once, in order). */
  async take(seq: number): Promise<FilePlan[]> {
    for (;;) {
      const slot = this.slots[seq];
      if (this.ready(seq)) return this.takeReady(seq);
      if (slot.state !== 'worker') throw new Error(`plan unit ${seq} was already taken`);
      const later = this.slots.findIndex((s, i) => i > seq && s.state === 'free');
      if (later < 0) {
        await slot.done;
        continue;
      }
      // Plan a later unit here rather than wait; yield afterwards so readers and the worker's reply get in.
      const plans = this.planHere(later);
      this.slots[later] = { state: 'ready', plans };
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
