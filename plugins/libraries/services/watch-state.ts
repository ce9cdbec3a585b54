// Per-profile watch state: progress (with the file it is in), watched at 90%, play counts (a mark as watched of
// what was not, or a playback that reached the end). Shows and seasons roll up from their episodes.
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

  /**
   * Marks an item (or every episode of a show or season) watched or unwatched for a profile; returns how many
   * movies or episodes that covers. Idempotent, as PUT and DELETE are: marking watched changes only what is not
   * watched yet (a play counted, the resume point cleared, the play dated now), so marking it again, or a show of
   * which some episodes are watched, leaves their count and date alone. Unwatching clears the resume point and
   * keeps the play count.
   */
  setWatched(profileId: string, itemId: string, watched: boolean): number {
    return this.mark(profileId, this.leafIds(itemId), watched ? 'watched' : 'unwatched');
  }

  /**
   * One write of watch state for `ids`: `watched` and `unwatched` as above; `played`, a playback that reached the
   * end, marks watched and counts a play even when the item was watched already (as Jellyfin counts every finished
   * play), dating it now.
   */
  private mark(profileId: string, ids: string[], how: 'watched' | 'unwatched' | 'played'): number {
    const now = new Date().toISOString();
    const on = how === 'unwatched' ? 0 : 1;
    // ?3 watched or not, ?4 whether an item already watched counts the play again, ?5 now.
    const upsert = this.db.query(
      `INSERT INTO libraries_watch_state (profile_id, item_id, watched, position_seconds, play_count, last_played_at, updated_at)
       VALUES (?1, ?2, ?3, 0, ?3, CASE WHEN ?3 = 1 THEN ?5 END, ?5)
       ON CONFLICT (profile_id, item_id) DO UPDATE SET watched = ?3, position_seconds = 0, file_id = NULL,
         play_count = play_count + ?3, last_played_at = CASE WHEN ?3 = 1 THEN ?5 ELSE last_played_at END,
         updated_at = ?5
       WHERE ?3 = 0 OR ?4 = 1 OR watched = 0`,
    );
    this.db.transaction(() => {
      for (const id of ids) upsert.run(profileId, id, on, how === 'played' ? 1 : 0, now);
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
      this.mark(profileId, this.leafIds(itemId), 'played');
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
