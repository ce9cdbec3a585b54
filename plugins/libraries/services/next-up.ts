// Next up for a profile: per show it has watched an episode of, the next unwatched episode (lib/next-up.ts),
// only among shows the viewer may see, newest activity first; keyset pages for /v1/shows/next-up.
import type { Database } from 'bun:sqlite';
import { decodeCursor, encodeCursor } from '@bijou/sdk';
import type { SQL } from 'drizzle-orm';
import type { NextUpEntry } from '../api.ts';
import { type EpisodeState, nextUp } from '../lib/next-up.ts';
import { renderCondition } from './sql.ts';

type Row = EpisodeState & { showId: string; missing: number; watched: number | boolean };

/** Next episodes of the shows a profile has started, newest activity first (present episodes only). */
export function nextUpEntries(db: Database, profileId: string, visibility: SQL | undefined): NextUpEntry[] {
  const vis = renderCondition(visibility);
  const rows = db
    .query<Row, any[]>(
      `SELECT e.id, e.show_id AS showId, e.season_number AS season, e.episode_number AS episode, e.missing,
         COALESCE(w.watched, 0) AS watched, w.last_played_at AS lastPlayedAt
       FROM libraries_items e LEFT JOIN libraries_watch_state w ON w.item_id = e.id AND w.profile_id = ?
       WHERE e.kind = 'episode' AND e.show_id IN (
           SELECT x.show_id FROM libraries_watch_state ww JOIN libraries_items x ON x.id = ww.item_id
           WHERE ww.profile_id = ? AND ww.watched = 1 AND x.kind = 'episode')
         AND EXISTS (SELECT 1 FROM libraries_items WHERE libraries_items.id = e.show_id AND libraries_items.missing = 0
           AND ${vis.text})`,
    )
    .all(profileId, profileId, ...vis.params);
  const byShow = new Map<string, Row[]>();
  for (const r of rows) {
    const list = byShow.get(r.showId) ?? [];
    list.push({ ...r, watched: !!r.watched });
    byShow.set(r.showId, list);
  }
  const out: NextUpEntry[] = [];
  for (const [showId, list] of byShow) {
    const next = nextUp(list as EpisodeState[]);
    if (!next || list.find((e) => e.id === next.id)?.missing) continue;
    const latest = list
      .map((e) => e.lastPlayedAt ?? '')
      .sort()
      .at(-1);
    out.push({ episodeId: next.id, showId, lastPlayedAt: latest || null });
  }
  return out.sort(newestFirst);
}

function newestFirst(a: NextUpEntry, b: NextUpEntry): number {
  return (b.lastPlayedAt ?? '').localeCompare(a.lastPlayedAt ?? '') || a.episodeId.localeCompare(b.episodeId);
}

/** One page of entries after `cursor` (the last entry's activity time and episode id). */
export function nextUpPage(
  all: NextUpEntry[],
  cursor: string | undefined,
  limit: number,
): { entries: NextUpEntry[]; nextCursor: string | null } {
  const c = decodeCursor(cursor, 2) as [string, string] | null;
  const after = c
    ? all.filter((e) => newestFirst(e, { episodeId: c[1], showId: '', lastPlayedAt: c[0] || null }) > 0)
    : all;
  const entries = after.slice(0, limit);
  const last = entries.at(-1);
  return {
    entries,
    nextCursor: after.length > limit && last ? encodeCursor([last.lastPlayedAt ?? '', last.episodeId]) : null,
  };
}
