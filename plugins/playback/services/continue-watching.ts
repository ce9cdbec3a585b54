// Continue watching for a profile: resume points of started movies and episodes (with the part or version they are
// in), and the next episode of shows in progress, newest activity first, only among items the libraries' visibility
// filters let the viewer see.
import type { SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { LibrariesApi, Viewer } from '../../libraries/api.ts';
import type { Ctx } from './types.ts';

export interface ContinueItem {
  itemId: string;
  kind: 'movie' | 'episode';
  title: string;
  showId: string | null;
  showTitle: string | null;
  seasonNumber: number | null;
  episodeNumber: number | null;
  reason: 'resume' | 'next-up';
  positionSeconds: number;
  /** The main file (part or version) the position is in; null: the item's first file, or next up. */
  resumeFileId: string | null;
  /** The part or version label of that file, when the item has more than one main file. */
  resumePart: number | null;
  resumeVersionLabel: string | null;
  durationSeconds: number | null;
  progress: number;
  lastPlayedAt: string | null;
  /** Artwork URLs by kind (poster, backdrop, thumb, …): the item's own, and its show's where it has none. */
  artwork: Record<string, string>;
}

interface Row {
  id: string;
  kind: 'movie' | 'episode';
  title: string;
  showId: string | null;
  seasonNumber: number | null;
  episodeNumber: number | null;
  position: number;
  lastPlayedAt: string | null;
  resumeFileId: string | null;
  resumePart: number | null;
  resumeVersionLabel: string | null;
  /** Present main files of the item (a part or version is named only when there are several). */
  mainFiles: number;
  /** The duration of the resume file. */
  fileDuration: number | null;
  duration: number | null;
  runtime: number | null;
  artwork: string;
  showArtwork: string | null;
}

const dialect = new SQLiteSyncDialect();
function render(fragment: SQL | undefined): { text: string; params: unknown[] } {
  if (!fragment) return { text: '1', params: [] };
  const q = dialect.sqlToQuery(fragment);
  return { text: `(${q.sql})`, params: q.params };
}

const ITEM = `ci.id, ci.kind, ci.title, ci.show_id AS showId, ci.season_number AS seasonNumber,
  ci.episode_number AS episodeNumber, ci.runtime_minutes AS runtime, ci.artwork,
  (SELECT s.artwork FROM libraries_items s WHERE s.id = ci.show_id) AS showArtwork,
  (SELECT MAX(f.duration_seconds) FROM libraries_files f WHERE f.item_id = ci.id AND f.role = 'main') AS duration,
  (SELECT COUNT(*) FROM libraries_files f WHERE f.item_id = ci.id AND f.role = 'main' AND f.missing_since IS NULL)
    AS mainFiles`;
// The filters speak of unaliased libraries_items; an episode is visible when its show is.
const VISIBLE = (col: string, vis: string) =>
  `EXISTS (SELECT 1 FROM libraries_items WHERE libraries_items.id = ${col} AND ${vis})`;

export class ContinueWatching {
  constructor(
    private readonly ctx: Ctx,
    private readonly libs: LibrariesApi,
  ) {}

  list(viewer: Viewer): ContinueItem[] {
    const vis = render(this.libs.visibility(viewer));
    const db = this.ctx.sqlite;
    const resume = db
      .query<Row, any[]>(
        `SELECT ${ITEM}, ws.position_seconds AS position, ws.last_played_at AS lastPlayedAt,
           rf.id AS resumeFileId, rf.part AS resumePart, rf.version_label AS resumeVersionLabel,
           rf.duration_seconds AS fileDuration
         FROM libraries_watch_state ws JOIN libraries_items ci ON ci.id = ws.item_id
         LEFT JOIN libraries_files rf ON rf.id = ws.file_id AND rf.item_id = ci.id AND rf.role = 'main'
           AND rf.missing_since IS NULL
         WHERE ws.profile_id = ? AND ws.watched = 0 AND ws.position_seconds > 0
           AND ci.kind IN ('movie', 'episode') AND ci.missing = 0 AND ${VISIBLE('COALESCE(ci.show_id, ci.id)', vis.text)}`,
      )
      .all(viewer.profileId, ...vis.params);
    const inProgress = new Set(resume.map((r) => r.id));
    const next = this.libs
      .nextUp(viewer)
      .filter((n) => !inProgress.has(n.episodeId))
      .map((n) => ({ id: n.episodeId, lastPlayedAt: n.lastPlayedAt }));
    const nextRows = this.rows(next.map((n) => n.id));
    const out = [
      ...resume.map((r) => this.view(r, 'resume', r.position, r.lastPlayedAt)),
      ...next.flatMap((n) => {
        const r = nextRows.get(n.id);
        return r ? [this.view(r, 'next-up', 0, n.lastPlayedAt)] : [];
      }),
    ];
    return out.sort(
      (a, b) =>
        (b.lastPlayedAt ?? '').localeCompare(a.lastPlayedAt ?? '') || a.itemId.localeCompare(b.itemId),
    );
  }

  private rows(ids: string[]): Map<string, Row> {
    if (!ids.length) return new Map();
    const rows = this.ctx.sqlite
      .query<Row, string[]>(
        `SELECT ${ITEM}, 0 AS position, NULL AS lastPlayedAt, NULL AS resumeFileId, NULL AS resumePart,
           NULL AS resumeVersionLabel, NULL AS fileDuration
         FROM libraries_items ci
         WHERE ci.id IN (${ids.map(() => '?').join(', ')})`,
      )
      .all(...ids);
    return new Map(rows.map((r) => [r.id, r]));
  }

  private showTitle(id: string | null): string | null {
    if (!id) return null;
    return (
      this.ctx.sqlite
        .query<{ title: string }, [string]>('SELECT title FROM libraries_items WHERE id = ?')
        .get(id)?.title ?? null
    );
  }

  private view(r: Row, reason: ContinueItem['reason'], position: number, at: string | null): ContinueItem {
    const duration = r.fileDuration ?? r.duration ?? (r.runtime ? r.runtime * 60 : null);
    return {
      itemId: r.id,
      kind: r.kind,
      title: r.title,
      showId: r.showId,
      showTitle: this.showTitle(r.showId),
      seasonNumber: r.seasonNumber,
      episodeNumber: r.episodeNumber,
      reason,
      positionSeconds: position,
      resumeFileId: r.resumeFileId,
      resumePart: r.mainFiles > 1 ? r.resumePart : null,
      resumeVersionLabel: r.mainFiles > 1 ? r.resumeVersionLabel : null,
      durationSeconds: duration,
      progress: duration ? Math.min(1, position / duration) : 0,
      lastPlayedAt: at,
      artwork: artworkOf(r),
    };
  }
}

/** Image URLs of the libraries plugin for the stored artwork kinds; an episode borrows its show's poster etc. */
function artworkOf(r: Row): Record<string, string> {
  const urls = (id: string | null, json: string | null) =>
    id && json ? Object.keys(JSON.parse(json)).map((k) => [k, `/v1/images/${id}/${k}`]) : [];
  return Object.fromEntries([...urls(r.showId, r.showArtwork), ...urls(r.id, r.artwork)]);
}
