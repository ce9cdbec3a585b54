// Checkpoint worker thread: its own connection to the database file runs PASSIVE WAL checkpoints on a timer
// (they never block readers or writers) and reports each result to the main thread.
import { Database } from 'bun:sqlite';

declare const self: Worker;

interface Start {
  type: 'start';
  file: string;
  intervalMs: number;
}

let db: Database | null = null;
let timer: ReturnType<typeof setInterval> | undefined;

function checkpoint(): void {
  if (!db) return;
  try {
    const r = db
      .query<{ busy: number; log: number; checkpointed: number }, []>('PRAGMA wal_checkpoint(PASSIVE)')
      .get();
    if (r && r.log > 0) self.postMessage({ type: 'result', ...r });
  } catch (err) {
    self.postMessage({ type: 'error', message: (err as Error).message });
  }
}

self.onmessage = (event: MessageEvent<Start | { type: 'stop' }>) => {
  const m = event.data;
  if (m.type === 'start') {
    db = new Database(m.file);
    db.exec('PRAGMA busy_timeout = 1000');
    timer = setInterval(checkpoint, m.intervalMs);
    self.postMessage({ type: 'ready' });
  } else {
    clearInterval(timer);
    db?.close();
    db = null;
    self.postMessage({ type: 'stopped' });
  }
};
