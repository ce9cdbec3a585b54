// The last step of a scan: files not seen are marked missing, items are missing exactly when none of their main files
// is present, seasons and shows when none of their episodes is; a vanished file of a present item (renamed, moved)
// is removed, and so are items no file can bring back (lib/ghost-items.ts), their watch state going to the item that
// took their files (scan-ghost-watch.ts) — and when that step can be skipped.
import type { Database } from 'bun:sqlite';
import { statSync } from 'node:fs';
import { type FilelessTitle, removableTitles } from '../lib/ghost-items.ts';
import { assertRootsScannable } from './library-folders.ts';
import type { WorkCollector } from './scan-collect.ts';
import { bequeathWatchState, type FormerMainFiles, forgetMoves } from './scan-ghost-watch.ts';
import type { ScanResult } from './scanner.ts';

/**
 * What a reconcile changed: items it flagged missing, flagged present again, and removed, and the items that
 * inherited watch state of removed ones (`heirs`).
 */
export interface Reconciled {
  missing: string[];
  restored: string[];
  removed: string[];
  heirs: string[];
}

/**
 * Where a scan's reconcile may remove items: under the library's folders, and not written since the scan began;
 * `formerFiles`: the main files items had when it began, to find who inherits a removed item's watch state (without
 * it, the watch state goes with the item).
 */
export interface GhostScope {
  roots: string[];
  startedAt: string;
  formerFiles?: FormerMainFiles;
}

/**
 * The reconcile of a scan that has written its files (one transaction), unless {@link nothingToReconcile} says it
 * cannot change anything; `seen` gains the files the scan wrote. `owed`: the library's previous scan did not finish
 * (the process died, or it was cancelled or failed) and may have written files without the reconcile that goes with
 * them — this one reconciles whatever it finds. An item that inherits a removed item's watch state joins the
 * result's `updated` (and its count) unless this scan already added or updated it.
 */
export function reconcileScan(
  sqlite: Database,
  lib: { id: string; paths: string[] },
  collector: WorkCollector,
  result: Pick<ScanResult, 'counts' | 'changedFileIds' | 'added' | 'updated'>,
  startedAt: string,
  owed = false,
): Reconciled {
  if (!owed && nothingToReconcile(sqlite, lib.id, collector, result))
    return { missing: [], restored: [], removed: [], heirs: [] };
  // A root that went away during the walk would look like a library whose files all vanished.
  assertRootsScannable(sqlite, lib.id, lib.paths);
  const r = sqlite.transaction(() => {
    const { seen } = collector;
    for (const id of result.changedFileIds) seen.add(id);
    const formerFiles: FormerMainFiles = (ids) => collector.formerMainFiles(ids);
    return reconcileMissing(sqlite, lib.id, seen, new Date().toISOString(), {
      roots: lib.paths,
      startedAt,
      formerFiles,
    });
  })();
  for (const id of r.heirs)
    if (!result.added.includes(id) && !result.updated.includes(id)) {
      result.updated.push(id);
      result.counts.updated += 1;
    }
  return r;
}

/**
 * Whether the missing-file reconcile can be skipped because it cannot change anything:
 * - a library that had no files before this scan, scanned without errors: every file row is this scan's, every
 *   item was written with its file, and every show and season with an episode;
 * - a scan that changed no file, had no extra to attach and found every known file as it was — unless an earlier
 *   scan died between writing files and reconciling, which leaves items flagged missing; those are checked for,
 *   so the reconcile then runs and repairs them.
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

/** True when nothing exists at `path` (a file that cannot be read, or lies in a folder that cannot, is not gone). */
export function isGone(path: string): boolean {
  try {
    statSync(path);
    return false;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR';
  }
}

/**
 * After a complete walk: files not seen are marked missing, and items are missing exactly when none of their main
 * files is present — so a returning file restores its item with watch state intact, and an item whose files are
 * all gone keeps their rows. A vanished file (main or extra) of an item that is present is removed with its tracks:
 * it was renamed or moved, or one version or part of several went. A file still on disk that the walk could not
 * read (an unreadable folder, a failed stat) is only marked missing. With `ghosts` (a scan), items with no file row
 * left are removed first (see {@link removeGhosts}); a change of the library's folders leaves them, missing.
 */
export function reconcileMissing(
  db: Database,
  libraryId: string,
  seenFileIds: Set<string>,
  now: string,
  ghosts?: GhostScope,
): Reconciled {
  const rows = db
    .query<{ id: string; missing_since: string | null }, [string]>(
      'SELECT id, missing_since FROM libraries_files WHERE library_id = ?',
    )
    .all(libraryId);
  const vanished = rows.filter((r) => !seenFileIds.has(r.id));
  const mark = db.query('UPDATE libraries_files SET missing_since = ? WHERE id = ?');
  for (const r of vanished) if (!r.missing_since) mark.run(now, r.id);
  const { removed, heirs } = ghosts ? removeGhosts(db, libraryId, ghosts) : { removed: [], heirs: [] };
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
  removeFilesOfPresentItems(db, vanished);
  return { missing: missing.map((r) => r.id), restored: restored.map((r) => r.id), removed, heirs };
}

/**
 * Removes the library's movies and episodes with no file row at all that lie in its folders and were not written
 * since the scan began (lib/ghost-items.ts): every file they had now belongs to another item, so none can return to
 * them. Their watch state first goes to the item that took their files (scan-ghost-watch.ts). Then its seasons with
 * no episode and shows with nothing below, not written since either: they hold no watch state of their own (theirs
 * rolls up from their episodes). Genres, credits and what watch state is left go with them (foreign keys); they have
 * no file or track rows. Last, the recorded moves of items that still have a file are forgotten (forgetMoves).
 * Returns their ids and the heirs of watch state.
 */
function removeGhosts(
  db: Database,
  libraryId: string,
  scope: GhostScope,
): { removed: string[]; heirs: string[] } {
  const fileless = db
    .query<FilelessTitle, [string]>(
      `SELECT id, folder, updated_at AS updatedAt FROM libraries_items WHERE library_id = ? AND kind IN ('movie','episode')
         AND NOT EXISTS (SELECT 1 FROM libraries_files f WHERE f.item_id = libraries_items.id)`,
    )
    .all(libraryId);
  const removed = removableTitles(fileless, scope.roots, scope.startedAt);
  const heirs = scope.formerFiles ? bequeathWatchState(db, removed, scope.formerFiles) : [];
  const remove = db.query('DELETE FROM libraries_items WHERE id = ?');
  for (const id of removed) remove.run(id);
  for (const [kind, link] of [
    ['season', 'parent_id'],
    ['show', 'show_id'],
  ] as const) {
    const emptied = db
      .query<{ id: string }, [string, string, string]>(
        `DELETE FROM libraries_items WHERE library_id = ? AND kind = ? AND updated_at < ?
           AND NOT EXISTS (SELECT 1 FROM libraries_items c WHERE c.${link} = libraries_items.id) RETURNING id`,
      )
      .all(libraryId, kind, scope.startedAt);
    for (const r of emptied) removed.push(r.id);
  }
  forgetMoves(db, libraryId);
  return { removed, heirs };
}

/** Deletes the rows (tracks cascade) of vanished files whose item is present; run after the items' flags are set. */
function removeFilesOfPresentItems(db: Database, files: { id: string }[]): void {
  const pathIfItemPresent = db.query<{ path: string }, [string]>(
    `SELECT f.path FROM libraries_files f JOIN libraries_items i ON i.id = f.item_id WHERE f.id = ? AND i.missing = 0`,
  );
  const remove = db.query('DELETE FROM libraries_files WHERE id = ?');
  for (const { id } of files) {
    const f = pathIfItemPresent.get(id);
    if (f && isGone(f.path)) remove.run(id);
  }
}
