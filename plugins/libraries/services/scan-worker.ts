// Scan worker thread: plans units of changed files (names, NFOs, sidecars) while the main thread walks and writes.
import { type PlanUnit, planFiles } from './scan-plans.ts';

declare const self: Worker;

self.onmessage = (event: MessageEvent<{ lease: number; seq: number; unit: PlanUnit }>) => {
  const { lease, seq, unit } = event.data;
  self.postMessage({ lease, seq, plans: planFiles(unit) });
};
