// Scan worker thread: walks library roots (videos statted, folders sent back in batches) and plans units of
// changed files (names, NFOs, sidecars) while the main thread writes. A unit sent during its lease's walk waits
// for the walk's end, so planning never slows the walk down and starts the moment it is over (unless the main
// thread withdraws it first, having reached it). The listings a walk
// met or a unit brought are kept for its lease: later units of those folders arrive without them.
import { type PlanMemory, type PlanUnit, planFiles } from './scan-plans.ts';
import { keepScanCodeBelowTopTier } from './scan-tiering.ts';
import type { FromWorker, ToWorker, WalkError } from './scan-worker-pool.ts';
import { packFolders } from './walk-batch.ts';
import { type StattedFolder, statVideos, walk } from './walker.ts';

declare const self: Worker;

keepScanCodeBelowTopTier();

/** A batch goes back once it holds this many files (or at the end of a root)... */
const BATCH_FILES = 100;
/** ...but a root's first one at this many, each next one twice as many: the main thread starts on the first soon. */
const FIRST_BATCH_FILES = 25;

const walks = new Map<number, AbortController>();
const send = (m: FromWorker) => self.postMessage(m);
type PlanMessage = Extract<ToWorker, { type: 'plan' }>;
/** Units a lease sent while its walk runs: planned the moment that walk ends, not between its steps. */
const queued = new Map<number, PlanMessage[]>();

/** Per lease: the listings its walk met (its units come without them) and folder facts kept across its units. */
const memories = new Map<number, Required<PlanMemory>>();
const memoryOf = (lease: number) => {
  let m = memories.get(lease);
  if (!m) {
    m = { listings: new Map(), facts: new WeakMap() };
    memories.set(lease, m);
  }
  return m;
};

function plan(m: PlanMessage): void {
  const memory = memoryOf(m.lease);
  const unit = JSON.parse(m.unit) as PlanUnit;
  // Kept for the lease's later units, which come without the listings this one brought.
  for (const [dir, files] of unit.listings) memory.listings.set(dir, files);
  send({ type: 'plans', lease: m.lease, seq: m.seq, plans: JSON.stringify(planFiles(unit, memory)) });
}

async function walkRoots(lease: number, roots: string[]): Promise<void> {
  const stop = new AbortController();
  walks.set(lease, stop);
  const { listings } = memoryOf(lease);
  try {
    for (const root of roots) {
      let folders: StattedFolder[] = [];
      let errors: WalkError[] = [];
      let files = 0;
      let limit = FIRST_BATCH_FILES;
      const flush = () => {
        if (folders.length || errors.length)
          send({ type: 'walked', lease, root, batch: packFolders(folders), errors });
        folders = [];
        errors = [];
        files = 0;
        limit = Math.min(limit * 2, BATCH_FILES);
      };
      await walk(
        root,
        (folder) => {
          listings.set(folder.dir, folder.files);
          folders.push(statVideos(root, folder, true));
          files += folder.files.length;
          if (files >= limit) flush();
        },
        { signal: stop.signal, onError: (dir, err) => errors.push({ dir, message: err.message }) },
      );
      flush();
    }
    send({ type: 'walk-done', lease });
  } catch (err) {
    send({ type: 'walk-done', lease, error: (err as Error).message });
  } finally {
    walks.delete(lease);
    const waiting = queued.get(lease) ?? [];
    queued.delete(lease);
    if (!stop.signal.aborted) for (const m of waiting) plan(m);
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const m = event.data;
  if (m.type === 'plan') {
    if (walks.has(m.lease)) queued.set(m.lease, [...(queued.get(m.lease) ?? []), m]);
    else plan(m);
  } else if (m.type === 'withdraw') {
    // Only a unit still waiting for the walk's end can be taken back (one being planned is answered as usual).
    const waiting = queued.get(m.lease);
    if (waiting) {
      const left = waiting.filter((p) => p.seq !== m.seq);
      queued.set(m.lease, left);
    }
  } else if (m.type === 'walk') void walkRoots(m.lease, m.roots);
  else {
    // The lease is over (or its scan cancelled): nothing of it is needed any more.
    walks.get(m.lease)?.abort();
    memories.delete(m.lease);
  }
};
