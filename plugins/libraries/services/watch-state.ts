// Per-profile watch state: progress (with the file it is in), watched at 90%, play counts. Shows and seasons roll
// up from their episodes.
import type { Database } from 'bun:sqlite';

export const WATCHED_AT = 0.9;

export class WatchState {
  constructor(private readonly db: Database) {}

  private leafIds(itemId: string): string[] {
    const row = this.db
      .query<{ kind: string }, [string]>('SELECT kind FROM libraries_items WHERE id = ?')
      .get(itemId);
    if (!row) return [];
    if (row.kind === 'movie' || row.kind === 'episode') return [itemId];
    const col = row.kind === 'show' ? 'show_id' : 'parent_id';
    return this.db
      .query<{ id: string }, [string]>(`SELECT id FROM libraries_items WHERE ${col} = ? AND kind = 'episode'`)
      .all(itemId)
      .map((r) => r.id);
  }

  /** Marks an item (or every episode of a show or season) watched or unwatched for a profile. */
  setWatched(profileId: string, itemId: string, watched: boolean): number {
    const now = new Date().toISOString();
    const ids = this.leafIds(itemId);
    const upsert = this.db.query(
      `INSERT INTO libraries_watch_state (profile_id, item_id, watched, position_seconds, play_count, last_played_at, updated_at)
       VALUES (?1, ?2, ?3, 0, ?4, ?5, ?6)
       ON CONFLICT (profile_id, item_id) DO UPDATE SET watched = ?3, position_seconds = 0, file_id = NULL,
         play_count = play_count + ?4, last_played_at = COALESCE(?5, last_played_at), updated_at = ?6`,
    );
    this.db.transaction(() => {
      for (const id of ids)
        upsert.run(profileId, id, watched ? 1 : 0, watched ? 1 : 0, watched ? now : null, now);
    })();
    return ids.length;
  }

  /** Records the position in `fileId` (a part or version; null: the item's first file), or watched at 90%. */
  setProgress(
    profileId: string,
    itemId: string,
    position: number,
    duration: number | null,
    fileId: string | null = null,
  ): void {
    const done = duration !== null && duration > 0 && position / duration >= WATCHED_AT;
    if (done) {
      this.setWatched(profileId, itemId, true);
      return;
    }
    const now = new Date().toISOString();
    this.db
      .query(
        `INSERT INTO libraries_watch_state (profile_id, item_id, watched, position_seconds, file_id, play_count, last_played_at, updated_at)
         VALUES (?1, ?2, 0, ?3, ?5, 0, ?4, ?4)
         ON CONFLICT (profile_id, item_id) DO UPDATE SET position_seconds = ?3, file_id = ?5, last_played_at = ?4,
           updated_at = ?4`,
      )
      .run(profileId, itemId, Math.max(0, position), now, fileId);
  }
}
