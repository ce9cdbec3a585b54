// Table tests of a library's scan status from its stored summary (services/scan-types.ts storedScanStatus).
import { describe, expect, test } from 'bun:test';
import type { ScanStatus } from '../api.ts';
import { emptyCounts, idleScanStatus, storedScanStatus } from '../services/scan-types.ts';

const counts = { ...emptyCounts(), files: 12, added: 12 };
const { processed: _, ...older } = counts;

describe('storedScanStatus', () => {
  test.each<[string, Partial<ScanStatus> | null, Partial<ScanStatus>]>([
    ['no summary', null, idleScanStatus()],
    [
      'a scan that never finished',
      { state: 'scanning', phase: 'walking' },
      { state: 'idle', phase: 'walking' },
    ],
    ['a failed scan', { state: 'failed', error: 'disk full' }, { state: 'failed', error: 'disk full' }],
    [
      'a finished scan',
      { phase: 'done', counts: { ...counts, processed: 12 } },
      { counts: { ...counts, processed: 12 } },
    ],
    [
      'a finished scan stored before processed was',
      { phase: 'done', counts: older as never },
      { counts: { ...counts, processed: 12 } },
    ],
    [
      'a cancelled one stored before processed was',
      { state: 'cancelled', phase: 'walking', counts: older as never },
      { counts: { ...counts, processed: 0 } },
    ],
  ])('%s', (_name, stored, expected) => {
    expect(storedScanStatus(stored)).toMatchObject(expected);
  });
});
