// Manual metadata: edits lock the fields they touch against rescans; identify assigns provider ids; refresh re-reads.
import { HttpError } from '@bijou/sdk';
import { sortTitleOf } from '../lib/identity.ts';
import { cleanEdit, type MetadataEdit, unlockProblems } from '../lib/metadata-edit.ts';
import { sortKeyOf } from '../lib/sort-key.ts';
import type { Ctx } from './types.ts';

const COLUMN: Record<keyof MetadataEdit, string> = {
  title: 'title',
  sortTitle: 'sort_title',
  originalTitle: 'original_title',
  year: 'year',
  overview: 'overview',
  tagline: 'tagline',
  contentRating: 'content_rating',
  rating: 'rating',
  genres: 'genres',
  studios: 'studios',
  tags: 'tags',
  providerIds: 'provider_ids',
};

/** Applies an edit, records the fields as locked, and marks the match as manual. */
export function editItem(ctx: Ctx, itemId: string, edit: MetadataEdit): void {
  const row = ctx.sqlite
    .query<{ locked_fields: string; library_id: string }, [string]>(
      'SELECT locked_fields, library_id FROM libraries_items WHERE id = ?',
    )
    .get(itemId);
  if (!row) throw new HttpError(404, 'Not found');
  const { edit: e, problems } = cleanEdit(edit);
  if (problems.length) throw new HttpError(422, 'Validation error', {}, problems);
  if (e.title !== undefined && e.sortTitle === undefined) e.sortTitle = sortTitleOf(e.title);
  else if (e.sortTitle !== undefined) e.sortTitle = sortTitleOf(e.sortTitle);
  const keys = Object.keys(e).filter(
    (k) => (e as Record<string, unknown>)[k] !== undefined,
  ) as (keyof MetadataEdit)[];
  if (!keys.length)
    throw new HttpError(422, 'Validation error', {}, [{ path: 'body', message: 'Nothing to change' }]);
  const locked = [...new Set([...(JSON.parse(row.locked_fields) as string[]), ...keys])];
  const sets = keys.map((k) => `${COLUMN[k]} = ?`);
  const values = keys.map((k) => {
    const v = e[k];
    return v !== null && typeof v === 'object' ? JSON.stringify(v) : v;
  });
  // The list key goes with the sort title (lib/sort-key.ts).
  if (e.sortTitle !== undefined) {
    sets.push('sort_key = ?');
    values.push(sortKeyOf(e.sortTitle));
  }
  ctx.sqlite
    .query(
      `UPDATE libraries_items SET ${sets.join(', ')}, locked_fields = ?, match_method = 'manual',
         match_confidence = 1, updated_at = ? WHERE id = ?`,
    )
    .run(...(values as never[]), JSON.stringify(locked), new Date().toISOString(), itemId);
  if (e.genres) {
    ctx.sqlite.query('DELETE FROM libraries_item_genres WHERE item_id = ?').run(itemId);
    const ins = ctx.sqlite.query(
      'INSERT OR IGNORE INTO libraries_item_genres (item_id, genre) VALUES (?, ?)',
    );
    for (const g of e.genres) ins.run(itemId, g.toLowerCase());
  }
  const change = { libraryId: row.library_id, added: [], missing: [], restored: [], removed: [] };
  ctx.events.emit('libraries.items.changed', { ...change, updated: [itemId] }, 'all');
}

/** Removes locks (all, or the named fields) so the next scan may overwrite them again. */
export function unlockItem(ctx: Ctx, itemId: string, fields: string[] | undefined): string[] {
  const row = ctx.sqlite
    .query<{ locked_fields: string }, [string]>('SELECT locked_fields FROM libraries_items WHERE id = ?')
    .get(itemId);
  if (!row) throw new HttpError(404, 'Not found');
  const problems = unlockProblems(fields);
  if (problems.length) throw new HttpError(422, 'Validation error', {}, problems);
  const left = fields ? (JSON.parse(row.locked_fields) as string[]).filter((f) => !fields.includes(f)) : [];
  ctx.sqlite
    .query('UPDATE libraries_items SET locked_fields = ? WHERE id = ?')
    .run(JSON.stringify(left), itemId);
  return left;
}

/** Makes the next scan re-read every file of the item (and below it), then returns the library to scan. */
export function markForRefresh(ctx: Ctx, itemId: string): string {
  const row = ctx.sqlite
    .query<{ library_id: string }, [string]>('SELECT library_id FROM libraries_items WHERE id = ?')
    .get(itemId);
  if (!row) throw new HttpError(404, 'Not found');
  ctx.sqlite
    .query(
      `UPDATE libraries_files SET mtime_ms = -1, probe_key = NULL WHERE item_id IN
         (SELECT id FROM libraries_items WHERE id = ?1 OR parent_id = ?1 OR show_id = ?1)`,
    )
    .run(itemId);
  return row.library_id;
}
