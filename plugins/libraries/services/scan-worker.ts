// Scan worker thread: walks library roots (videos statted, folders sent back in batches) and plans units of
// changed files (names, NFOs, sidecars) while the main thread writes.
import { planFiles } from './scan-plans.ts';
import type { FromWorker, ToWorker, WalkError } from './scan-worker-pool.ts';
import { type StattedFolder, statVideos, walk } from './walker.ts';

declare const self: Worker;

/** A batch goes back once it holds this many files (or at the end of a root). */
const BATCH_FILES = 100;

const walks = new Map<number, AbortController>();
const send = (m: FromWorker) => self.postMessage(m);

async function walkRoots(lease: number, roots: string[]): Promise<void> {
  const stop = new AbortController();
  walks.set(lease, stop);
  try {
    for (const root of roots) {
      let folders: StattedFolder[] = [];
      let errors: WalkError[] = [];
      let files = 0;
      const flush = () => {
        if (folders.length || errors.length) send({ type: 'walked', lease, root, folders, errors });
        folders = [];
        errors = [];
        files = 0;
      };
      await walk(
        root,
        (folder) => {
          folders.push(statVideos(root, folder, true));
          files += folder.files.length;
          if (files >= BATCH_FILES) flush();
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
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const m = event.data;
  if (m.type === 'plan') send({ type: 'plans', lease: m.lease, seq: m.seq, plans: planFiles(m.unit) });
  else if (m.type === 'walk') void walkRoots(m.lease, m.roots);
  else walks.get(m.lease)?.abort();
};
