// The last step of a scan: files not seen are marked missing (never deleted), items are missing exactly when none of
// their main files is present, seasons and shows when none of their episodes is — and when that step can be skipped.
import type { Database } from 'bun:sqlite';
import type { WorkCollector } from './scan-collect.ts';
import type { ScanResult } from './scanner.ts';

/**
 * Whether the missing-file reconcile can be skipped because it cannot change anything:
 * - a library that had no files before this scan, scanned without errors: every file row is this scan's, every
 *   item was written with its file, and every show and season with an episode;
 * - a scan that changed no file, met no extra and found every known file as it was — unless an earlier scan died
 *   between writing files and reconciling, which leaves items flagged missing; those are checked for, so the
 *   reconcile then runs and repairs them.
 */
export function nothingToReconcile(
  sqlite: Database,
  libraryId: string,
  collector: WorkCollector,
  r: Pick<ScanResult, 'counts' | 'changedFileIds'>,
): boolean {
  if (collector.knownCount === 0 && r.counts.errors === 0) return true;
  if (r.changedFileIds.length > 0 || collector.extras.length > 0 || !collector.allKnownUnchanged())
    return false;
  return !sqlite
    .query('SELECT 1 FROM libraries_items WHERE library_id = ? AND missing = 1 LIMIT 1')
    .get(libraryId);
}

/**
 * After a complete walk: files not seen are marked missing (never deleted), and items are missing exactly when
 * none of their main files is present — so a returning file restores its item with watch state intact.
 */
export function reconcileMissing(
  db: Database,
  libraryId: string,
  seenFileIds: Set<string>,
  now: string,
): { missing: string[]; restored: string[] } {
  const rows = db
    .query<{ id: string; missing_since: string | null }, [string]>(
      'SELECT id, missing_since FROM libraries_files WHERE library_id = ?',
    )
    .all(libraryId);
  const mark = db.query('UPDATE libraries_files SET missing_since = ? WHERE id = ?');
  for (const r of rows) if (!seenFileIds.has(r.id) && !r.missing_since) mark.run(now, r.id);
  const missing = db
    .query<{ id: string }, [string, string]>(
      `UPDATE libraries_items SET missing = 1, updated_at = ? WHERE library_id = ? AND missing = 0 AND kind IN ('movie','episode')
         AND NOT EXISTS (SELECT 1 FROM libraries_files f WHERE f.item_id = libraries_items.id AND f.role = 'main' AND f.missing_since IS NULL)
       RETURNING id`,
    )
    .all(now, libraryId);
  const restored = db
    .query<{ id: string }, [string, string]>(
      `UPDATE libraries_items SET missing = 0, updated_at = ? WHERE library_id = ? AND missing = 1 AND kind IN ('movie','episode')
         AND EXISTS (SELECT 1 FROM libraries_files f WHERE f.item_id = libraries_items.id AND f.role = 'main' AND f.missing_since IS NULL)
       RETURNING id`,
    )
    .all(now, libraryId);
  // Seasons and shows are missing when every episode below them is.
  for (const kind of ['season', 'show'] as const) {
    const link = kind === 'season' ? 'parent_id' : 'show_id';
    db.query(
      `UPDATE libraries_items SET missing = NOT EXISTS (SELECT 1 FROM libraries_items e WHERE e.${link} = libraries_items.id
           AND e.kind = 'episode' AND e.missing = 0) WHERE library_id = ? AND kind = ?`,
    ).run(libraryId, kind);
  }
  return { missing: missing.map((r) => r.id), restored: restored.map((r) => r.id) };
}
