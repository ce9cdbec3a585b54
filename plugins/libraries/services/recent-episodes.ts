// Recently added episodes, one entry per show: the show's newest batch (episodes added within a day of its newest
// one), so a whole new season is one entry, not a flood; newest first, present episodes of shows the viewer may
// see, keyset pages on (newest addition, show id).
import type { Database } from 'bun:sqlite';
import { decodeCursor, toPage } from '@bijou/sdk';
import type { SQL } from 'drizzle-orm';
import { renderCondition } from './sql.ts';

/** Episodes added within this long before a show's newest one belong to the same batch. */
export const BATCH_MS = 24 * 3600_000;

export interface RecentGroup {
  showId: string;
  /** When the newest episode of the batch was added. */
  addedAt: string;
  /** Episodes of the batch in season and episode order. */
  episodes: { id: string; seasonNumber: number | null }[];
}

export function recentEpisodeGroups(
  db: Database,
  visibility: SQL | undefined,
  o: { libraryId?: string; cursor?: string; limit: number },
): { items: RecentGroup[]; nextCursor: string | null } {
  const vis = renderCondition(visibility);
  const after = decodeCursor(o.cursor, 2) as [string, string] | null;
  const rows = db
    .query<{ showId: string; addedAt: string }, any[]>(
      `SELECT e.show_id AS showId, MAX(e.added_at) AS addedAt FROM libraries_items e
       WHERE e.kind = 'episode' AND e.missing = 0 AND e.show_id IS NOT NULL ${o.libraryId ? 'AND e.library_id = ?' : ''}
         AND EXISTS (SELECT 1 FROM libraries_items WHERE libraries_items.id = e.show_id AND libraries_items.missing = 0
           AND ${vis.text})
       GROUP BY e.show_id
       ${after ? 'HAVING MAX(e.added_at) < ? OR (MAX(e.added_at) = ? AND e.show_id < ?)' : ''}
       ORDER BY addedAt DESC, showId DESC LIMIT ?`,
    )
    .all(
      ...(o.libraryId ? [o.libraryId] : []),
      ...vis.params,
      ...(after ? [after[0], after[0], after[1]] : []),
      o.limit + 1,
    );
  const batch = db.query<{ id: string; seasonNumber: number | null }, [string, string]>(
    `SELECT id, season_number AS seasonNumber FROM libraries_items
     WHERE show_id = ? AND kind = 'episode' AND missing = 0 AND added_at >= ?
     ORDER BY season_number, episode_number, absolute_number, air_date, sort_title`,
  );
  return toPage(
    rows,
    o.limit,
    (r) => [r.addedAt, r.showId],
    (r) => ({
      ...r,
      episodes: batch.all(r.showId, new Date(Date.parse(r.addedAt) - BATCH_MS).toISOString()),
    }),
  );
}
