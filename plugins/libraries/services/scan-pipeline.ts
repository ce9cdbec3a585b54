// Plans units of changed files ahead of the writer: a worker thread takes units from the front while the main
// thread writes; when the unit it needs next is still in the worker, the main thread plans a later one itself.
// If the worker cannot start or fails, every unit it held is planned on the main thread instead.
import { type FilePlan, type PlanUnit, planFiles } from './scan-plans.ts';

type Slot =
  | { state: 'free' }
  | { state: 'worker'; done: Promise<FilePlan[] | null>; settle(p: FilePlan[] | null): void }
  | { state: 'ready'; plans: FilePlan[] }
  | { state: 'taken' };

const tick = () => new Promise((r) => setImmediate(r));

export class PlanPipeline {
  private readonly slots: Slot[];
  private worker: Worker | null = null;
  private inFlight = 0;

  /** With `useWorker`, unit 0 is left to the main thread (it plans it while the worker starts). */
  constructor(
    private readonly units: PlanUnit[],
    useWorker: boolean,
  ) {
    this.slots = units.map(() => ({ state: 'free' }));
    if (useWorker && units.length > 1) this.start();
  }

  private start(): void {
    try {
      const w = new Worker(new URL('./scan-worker.ts', import.meta.url));
      w.onmessage = (e: MessageEvent<{ seq: number; plans: FilePlan[] }>) => this.received(e.data);
      w.onerror = () => this.fail();
      w.onmessageerror = () => this.fail();
      w.addEventListener('close', () => this.fail());
      this.worker = w;
      this.feed(1);
      this.feed(1);
    } catch {
      this.fail();
    }
  }

  /** Hands the first free unit from `from` on to the worker. */
  private feed(from = 0): void {
    if (!this.worker) return;
    const seq = this.slots.findIndex((s, i) => i >= from && s.state === 'free');
    if (seq < 0) return;
    let settle: (p: FilePlan[] | null) => void = () => {};
    const done = new Promise<FilePlan[] | null>((r) => {
      settle = r;
    });
    this.slots[seq] = { state: 'worker', done, settle };
    this.inFlight += 1;
    this.worker.postMessage({ seq, unit: this.units[seq] });
  }

  private received(m: { seq: number; plans: FilePlan[] }): void {
    const slot = this.slots[m.seq];
    if (slot?.state !== 'worker') return;
    this.inFlight -= 1;
    this.slots[m.seq] = { state: 'ready', plans: m.plans };
    slot.settle(m.plans);
    this.feed();
  }

  /** The worker is gone: units it held are released for the main thread. */
  private fail(): void {
    const w = this.worker;
    this.worker = null;
    w?.terminate();
    this.slots.forEach((s, i) => {
      if (s.state !== 'worker') return;
      this.slots[i] = { state: 'free' };
      s.settle(null);
    });
    this.inFlight = 0;
  }

  private planHere(seq: number): FilePlan[] {
    this.slots[seq] = { state: 'taken' };
    return planFiles(this.units[seq]);
  }

  /** The plans of unit `seq` (each unit is taken once, in order). */
  async take(seq: number): Promise<FilePlan[]> {
    for (;;) {
      const slot = this.slots[seq];
      if (slot.state === 'ready') {
        this.slots[seq] = { state: 'taken' };
        return slot.plans;
      }
      if (slot.state === 'free') return this.planHere(seq);
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

  /** Stops the worker (the scan finished, failed or was cancelled). */
  close(): void {
    const w = this.worker;
    this.worker = null;
    w?.terminate();
  }
}
