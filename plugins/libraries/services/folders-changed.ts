// When a library's folders change: the file rows it had outside its new folders leave its catalog (tracks with them),
// so no two libraries ever hold rows for one file; items left without a present file are missing, keeping their
// watch state and edits, until a scan of a folder holding them again restores them.
import type { Database } from 'bun:sqlite';
import { isWithin } from './library-folders.ts';
import { reconcileMissing } from './scan-reconcile.ts';

/** Removes the file rows of `libraryId` under none of `roots`; returns the items this made missing. */
export function dropFilesOutside(db: Database, libraryId: string, roots: string[], now: string): string[] {
  const rows = db
    .query<{ id: string; path: string }, [string]>(
      'SELECT id, path FROM libraries_files WHERE library_id = ?',
    )
    .all(libraryId);
  const inside = (path: string) => roots.some((root) => isWithin(path, root));
  const outside = rows.filter((r) => !inside(r.path));
  if (!outside.length) return [];
  const remove = db.query('DELETE FROM libraries_files WHERE id = ?');
  for (const r of outside) remove.run(r.id);
  // Every remaining row counts as seen: only the flags of items (and their seasons and shows) are brought up to date.
  const kept = new Set(rows.filter((r) => inside(r.path)).map((r) => r.id));
  return reconcileMissing(db, libraryId, kept, now).missing;
}
