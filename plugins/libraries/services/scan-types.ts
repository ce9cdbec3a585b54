// What a library scan reports: its counts, phases and result, and the options it runs with (scanner.ts); a
// library's scan status before any scan and as its stored summary reads.
import type { ScanStatus } from '../api.ts';
export interface ScanCounts {
  /** Videos found so far, and how many of them are dealt with (unchanged, written, skipped; extras once attached). */
  files: number;
  processed: number;
  unchanged: number;
  added: number;
  updated: number;
  extras: number;
  unmatched: number;
  missing: number;
  restored: number;
  /** Items removed: no file row of theirs was left (scan-reconcile.ts). */
  removed: number;
  errors: number;
}
export type ScanPhase = 'walking' | 'processing' | 'finalizing' | 'done';
export interface ScanOptions {
  force?: boolean;
  /** The library's previous scan did not finish: the reconcile runs whatever this scan finds (reconcileScan). */
  reconcileOwed?: boolean;
  batchSize?: number;
  signal: AbortSignal;
  progress(phase: ScanPhase, fraction: number, counts: ScanCounts): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}
export interface ScanResult {
  counts: ScanCounts;
  changedFileIds: string[];
  added: string[];
  updated: string[];
  missing: string[];
  restored: string[];
  removed: string[];
}

/** Counts of a scan that has seen nothing yet. */
export function emptyCounts(): ScanCounts {
  return {
    files: 0,
    processed: 0,
    unchanged: 0,
    added: 0,
    updated: 0,
    extras: 0,
    unmatched: 0,
    missing: 0,
    restored: 0,
    removed: 0,
    errors: 0,
  };
}

/** The scan status of a library no scan is running for, and none has. */
export function idleScanStatus(): ScanStatus {
  return {
    state: 'idle',
    phase: null,
    progress: 0,
    startedAt: null,
    finishedAt: null,
    jobId: null,
    counts: null,
    error: null,
  };
}

/**
 * A library's stored scan summary as its status: only a running scan is 'scanning', so a summary saying so is from a
 * scan that never finished (idle). Counts an earlier version stored lack the newer ones: those are 0, but `processed`
 * is all files of a scan that got done.
 */
export function storedScanStatus(stored: Partial<ScanStatus> | null): ScanStatus {
  const last = stored ?? {};
  const counts = last.counts ? { ...emptyCounts(), ...last.counts } : null;
  if (counts && last.counts?.processed === undefined && last.phase === 'done')
    counts.processed = counts.files;
  return {
    ...idleScanStatus(),
    ...last,
    counts,
    state: last.state === 'scanning' ? 'idle' : (last.state ?? 'idle'),
  };
}
