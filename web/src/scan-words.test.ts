// Table tests of scans in words: phases (a walk in counts, not percent), plurals, finished, failed and never run;
// library kinds.
import { describe, expect, test } from 'bun:test';
import type { ScanState } from './api.ts';
import { describeScan, kindName } from './scan-words.ts';

const scan = (o: Partial<ScanState>): ScanState => ({
  state: 'idle',
  phase: null,
  progress: 0,
  counts: null,
  error: null,
  ...o,
});
const counts = (files: number, added: number) => ({ files, added, updated: 0 });

describe('describeScan', () => {
  test.each([
    [scan({}), 'Not scanned yet'],
    [scan({ state: 'running' }), 'Scanning: starting 0%'],
    [scan({ state: 'running', phase: 'walking', progress: 0 }), 'Scanning: finding files'],
    [
      scan({
        state: 'running',
        phase: 'walking',
        progress: 0,
        counts: { ...counts(1234, 800), processed: 800 },
      }),
      'Scanning: finding files — 1234 files found, 800 processed',
    ],
    [
      scan({ state: 'running', phase: 'walking', progress: 0, counts: { ...counts(1, 0), processed: 0 } }),
      'Scanning: finding files — 1 file found, 0 processed',
    ],
    [
      scan({ state: 'running', phase: 'processing', progress: 0.4, counts: counts(12, 3) }),
      'Scanning: reading titles 40% — 12 files, 3 added, 0 updated',
    ],
    [
      scan({ phase: 'done', progress: 1, counts: counts(1, 1) }),
      'Scan finished — 1 file, 1 added, 0 updated',
    ],
    [
      scan({ phase: 'done', progress: 1, counts: counts(29, 26) }),
      'Scan finished — 29 files, 26 added, 0 updated',
    ],
    [scan({ phase: 'done', error: 'folder gone' }), 'Scan failed: folder gone'],
  ])('%p → %s', (s, text) => {
    expect(describeScan(s)).toBe(text);
  });
});

describe('kindName', () => {
  test.each([
    ['movies', 'Movies'],
    ['shows', 'TV shows'],
  ])('%s → %s', (kind, name) => {
    expect(kindName(kind)).toBe(name);
  });
});
