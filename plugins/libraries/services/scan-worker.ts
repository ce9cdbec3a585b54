// Scan worker thread: plans units of changed files (names, NFOs, sidecars) while the main thread writes.
import { type PlanUnit, planFiles } from './scan-plans.ts';

declare const self: Worker;

self.onmessage = (event: MessageEvent<{ seq: number; unit: PlanUnit }>) => {
  const { seq, unit } = event.data;
  self.postMessage({ seq, plans: planFiles(unit) });
};
