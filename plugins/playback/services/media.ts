// Reads what playback needs from the libraries tables (a declared dependency): items, main files and extras with
// their probe facts, tracks, and the files of a library or item for optimization. Paths only ever come from here.
import type { Database } from 'bun:sqlite';
import type { SourceFile } from '../../transcoder/api.ts';

export interface ItemRow {
  id: string;
  kind: 'movie' | 'show' | 'season' | 'episode';
  title: string;
  showId: string | null;
  seasonNumber: number | null;
  episodeNumber: number | null;
  runtimeMinutes: number | null;
}

export interface FileFacts {
  id: string;
  itemId: string;
  path: string;
  size: number;
  mtimeMs: number;
  container: string | null;
  missing: boolean;
  durationSeconds: number | null;
  bitrate: number | null;
  videoCodec: string | null;
  videoProfile: string | null;
  width: number | null;
  height: number | null;
  frameRate: number | null;
  /** ffprobe ran on this version of the file (successfully or not). */
  probed: boolean;
  probeError: string | null;
  /** The part (cd1, part2 …) of a movie split over several files; null otherwise. */
  part: number | null;
}

export interface TrackRow {
  id: string;
  kind: 'video' | 'audio' | 'subtitle';
  streamIndex: number | null;
  codec: string | null;
  language: string | null;
  title: string | null;
  channels: number | null;
  isDefault: boolean;
  forced: boolean;
  sdh: boolean;
  externalPath: string | null;
}

const FILE_COLUMNS = `id, item_id AS itemId, path, size, mtime_ms AS mtimeMs, container, missing_since IS NOT NULL AS missing,
  duration_seconds AS durationSeconds, bitrate, video_codec AS videoCodec, video_profile AS videoProfile, width, height,
  frame_rate AS frameRate, probe_key IS NOT NULL AS probed, probe_error AS probeError, part`;

export class Media {
  /**
   * `order` gives the ids of an item's main files in the order the libraries plugin lists them (present first, then
   * by part, the highest resolution version first): the first is the one that plays when none is chosen.
   */
  constructor(
    private readonly db: Database,
    private readonly order: (itemId: string) => string[] = () => [],
  ) {}

  item(id: string): ItemRow | null {
    return this.db
      .query<ItemRow, [string]>(
        `SELECT id, kind, title, show_id AS showId, season_number AS seasonNumber, episode_number AS episodeNumber,
           runtime_minutes AS runtimeMinutes FROM libraries_items WHERE id = ?`,
      )
      .get(id);
  }

  /** Main files of a movie or episode in the libraries plugin's order (see the constructor). */
  filesOf(itemId: string): FileFacts[] {
    const files = this.db
      .query<FileFacts, [string]>(
        `SELECT ${FILE_COLUMNS} FROM libraries_files WHERE item_id = ? AND role = 'main'
         ORDER BY missing_since IS NOT NULL, part, path`,
      )
      .all(itemId)
      .map((f) => ({ ...f, missing: !!f.missing, probed: !!f.probed }));
    if (files.length < 2) return files;
    const rank = new Map(this.order(itemId).map((id, i) => [id, i]));
    // Stable: a file the order does not know keeps its place after the ones it does.
    return files.sort((a, b) => (rank.get(a.id) ?? files.length) - (rank.get(b.id) ?? files.length));
  }

  /** An extra (trailer, featurette …) of an item, or null when `fileId` is not one of its extras. */
  extraOf(itemId: string, fileId: string): FileFacts | null {
    const f = this.db
      .query<FileFacts, [string, string]>(
        `SELECT ${FILE_COLUMNS} FROM libraries_files WHERE id = ? AND item_id = ? AND role = 'extra'`,
      )
      .get(fileId, itemId);
    return f ? { ...f, missing: !!f.missing, probed: !!f.probed } : null;
  }

  file(id: string): FileFacts | null {
    const f = this.db
      .query<FileFacts, [string]>(`SELECT ${FILE_COLUMNS} FROM libraries_files WHERE id = ?`)
      .get(id);
    return f ? { ...f, missing: !!f.missing, probed: !!f.probed } : null;
  }

  tracksOf(fileId: string): TrackRow[] {
    return this.db
      .query<TrackRow, [string]>(
        `SELECT id, kind, stream_index AS streamIndex, codec, language, title, channels, is_default AS isDefault,
           forced, sdh, external_path AS externalPath FROM libraries_tracks WHERE file_id = ?
         ORDER BY external_path IS NOT NULL, stream_index, external_path`,
      )
      .all(fileId)
      .map((t) => ({ ...t, isDefault: !!t.isDefault, forced: !!t.forced, sdh: !!t.sdh }));
  }

  /** Present main files of an item (a show or season expands to its episodes) or of a whole library. */
  sources(target: { libraryId?: string; itemId?: string }): SourceFile[] | null {
    let where: string;
    let arg: string;
    if (target.itemId) {
      const item = this.item(target.itemId);
      if (!item) return null;
      arg = item.id;
      where =
        item.kind === 'show' ? 'i.show_id = ?' : item.kind === 'season' ? 'i.parent_id = ?' : 'i.id = ?';
    } else {
      const lib = this.db
        .query('SELECT id FROM libraries_libraries WHERE id = ?')
        .get(target.libraryId ?? '');
      if (!lib) return null;
      arg = target.libraryId!;
      where = 'f.library_id = ?';
    }
    return this.db
      .query<SourceFile, [string]>(
        `SELECT f.id AS key, f.path, f.size, f.mtime_ms AS mtimeMs, f.duration_seconds AS durationSeconds, f.height
         FROM libraries_files f JOIN libraries_items i ON i.id = f.item_id
         WHERE ${where} AND f.role = 'main' AND f.missing_since IS NULL AND i.kind IN ('movie', 'episode')
         ORDER BY f.path`,
      )
      .all(arg);
  }
}
