// A library scan in words (pure): the progress line under a library ("Scanning: finding files — 1234 files found,
// 800 processed", "Scanning: reading titles 40% — 12 files, 3 added, 0 updated", "Scan finished — 1 file, 1 added,
// 0 updated") and a library's kind.
import type { ScanState } from './api.ts';
import { counted } from './dom.ts';

const PHASES: Record<string, string> = {
  walking: 'finding files',
  processing: 'reading titles',
  finalizing: 'finishing',
};

/** "12 files, 3 added, 0 updated", or '' before the scan has counted anything. */
function found(c: ScanState['counts']): string {
  return c ? `${counted(c.files ?? 0, 'file')}, ${c.added ?? 0} added, ${c.updated ?? 0} updated` : '';
}

/**
 * The progress line of a scan: running (phase in words, percent, counts), finished, failed or never run. While it
 * walks the number of files is unknown: no percent, the files found so far and how many are processed instead.
 */
export function describeScan(s: ScanState): string {
  if (s.error) return `Scan failed: ${s.error}`;
  const counts = found(s.counts);
  if (s.phase === 'walking' && s.progress === 0) {
    const c = s.counts;
    const far = c?.files ? ` — ${counted(c.files, 'file')} found, ${c.processed ?? 0} processed` : '';
    return `Scanning: ${PHASES.walking}${far}`;
  }
  if (s.state === 'running' || (s.phase && s.phase !== 'done' && s.progress < 1)) {
    const phase = s.phase ? (PHASES[s.phase] ?? s.phase) : 'starting';
    return `Scanning: ${phase} ${Math.round(s.progress * 100)}%${counts ? ` — ${counts}` : ''}`;
  }
  return s.phase === 'done' ? `Scan finished — ${counts}` : 'Not scanned yet';
}

/** "Movies" or "TV shows" for a library's kind. */
export const kindName = (kind: string): string =>
  kind === 'shows' ? 'TV shows' : kind === 'movies' ? 'Movies' : kind;
