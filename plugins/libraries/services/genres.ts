// Distinct genres of movies or shows with how many items carry each, from the lower-cased lookup table, shown
// with the spelling the items use; only items the viewer may see, optionally of one library.
import type { Database } from 'bun:sqlite';
import type { SQL } from 'drizzle-orm';
import { renderCondition } from './sql.ts';

export interface GenreCount {
  /** As the items spell it (e.g. "Science Fiction"). */
  name: string;
  /** The lower-cased key the `genre` list filter matches. */
  value: string;
  count: number;
}

export function genreCounts(
  db: Database,
  visibility: SQL | undefined,
  o: { kinds: ('movie' | 'show')[]; libraryId?: string },
): GenreCount[] {
  const vis = renderCondition(visibility);
  const rows = db
    .query<{ value: string; count: number; sample: string }, any[]>(
      `SELECT g.genre AS value, COUNT(*) AS count, MIN(libraries_items.genres) AS sample
       FROM libraries_item_genres g JOIN libraries_items ON libraries_items.id = g.item_id
       WHERE libraries_items.kind IN (${o.kinds.map(() => '?').join(', ')}) AND libraries_items.missing = 0
         ${o.libraryId ? 'AND libraries_items.library_id = ?' : ''} AND ${vis.text}
       GROUP BY g.genre`,
    )
    .all(...o.kinds, ...(o.libraryId ? [o.libraryId] : []), ...vis.params);
  return rows
    .map((r) => {
      const spelled = (JSON.parse(r.sample) as string[]).find((x) => x.trim().toLowerCase() === r.value);
      return { name: spelled?.trim() ?? r.value, value: r.value, count: r.count };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
