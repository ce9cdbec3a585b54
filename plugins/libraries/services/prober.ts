// Probes files with ffprobe through the work queue; results cached by path + size + mtime (the probe key). Fills
// the runtime of items that have none from their files' lengths.
import type { Database } from 'bun:sqlite';
import { parseProbe } from '../lib/probe.ts';
import { sortableId } from '../lib/sortable-id.ts';
import type { Ctx } from './types.ts';

interface FileRow {
  id: string;
  path: string;
  size: number;
  mtime_ms: number;
  probe_key: string | null;
}

export function probeKey(f: { path: string; size: number; mtime_ms: number }): string {
  return `${f.size}:${f.mtime_ms}`;
}

/** An ffprobe still running after this is stopped (a hung network share, a file that is not one). */
export const PROBE_TIMEOUT_MS = 60_000;

/**
 * Runs ffprobe on one file and stores file facts and embedded tracks; a no-op when the key is unchanged. A probe
 * stopped by `signal` (the server stopping) throws and records nothing, so the file is probed again later; one
 * that takes too long is recorded as failed, saying so.
 */
export async function probeFile(
  ctx: Pick<Ctx, 'sqlite' | 'exec'>,
  fileId: string,
  signal: AbortSignal,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<'probed' | 'cached' | 'gone'> {
  const db: Database = ctx.sqlite;
  const f = db
    .query<FileRow, [string]>('SELECT id, path, size, mtime_ms, probe_key FROM libraries_files WHERE id = ?')
    .get(fileId);
  if (!f) return 'gone';
  const key = probeKey(f);
  if (f.probe_key === key) {
    // A rescan that read the item again (an NFO or a subtitle changed beside it) wrote the runtime its NFO gives.
    fillRuntime(db, f.id);
    return 'cached';
  }
  if (!ctx.exec) throw new Error('exec:ffmpeg permission not granted');
  const timeout = AbortSignal.timeout(timeoutMs);
  const proc = ctx.exec(
    'ffprobe',
    ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', f.path],
    { signal: AbortSignal.any([signal, timeout]) },
  );
  const [out, err, code] = await Promise.all([
    new Response(proc.stdout).text(),
    new Response(proc.stderr).text(),
    proc.exited,
  ]);
  if (signal.aborted) throw signal.reason ?? new Error('probe stopped');
  const parsed = code === 0 ? parseProbe(out) : null;
  if (!parsed) {
    const problem = timeout.aborted
      ? `ffprobe took longer than ${Math.ceil(timeoutMs / 1000)} s and was stopped`
      : err.trim() || `ffprobe exited ${code}`;
    db.query('UPDATE libraries_files SET probe_key = ?, probe_error = ? WHERE id = ?').run(
      key,
      problem.slice(0, 500),
      f.id,
    );
    return 'probed';
  }
  const insert = db.query(
    `INSERT INTO libraries_tracks (id, file_id, kind, stream_index, codec, language, title, channels, is_default, forced, sdh, external_path)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
  );
  db.transaction(() => {
    db.query('DELETE FROM libraries_tracks WHERE file_id = ? AND external_path IS NULL').run(f.id);
    for (const t of parsed.tracks) {
      insert.run(
        sortableId(),
        f.id,
        t.kind,
        t.streamIndex,
        t.codec,
        t.language,
        t.title,
        t.channels,
        t.isDefault,
        t.forced,
        t.sdh,
      );
    }
    db.query(
      `UPDATE libraries_files SET probe_key = ?, probe_error = NULL, duration_seconds = ?, bitrate = ?, video_codec = ?,
         video_profile = ?, width = ?, height = ?, frame_rate = ?, hdr = ? WHERE id = ?`,
    ).run(
      key,
      parsed.durationSeconds,
      parsed.bitrate,
      parsed.videoCodec,
      parsed.videoProfile,
      parsed.width,
      parsed.height,
      parsed.frameRate,
      parsed.hdr,
      f.id,
    );
    fillRuntime(db, f.id);
  })();
  return 'probed';
}

/**
 * Gives the item of a probed main file the file's length in minutes as its runtime when it has none (no NFO gave
 * one); for a title split in parts, the length of all its present parts together, once each of them is probed.
 */
function fillRuntime(db: Database, fileId: string): void {
  const f = db
    .query<{ item_id: string | null; part: number | null; duration_seconds: number | null }, [string]>(
      `SELECT item_id, part, duration_seconds FROM libraries_files WHERE id = ? AND role = 'main'`,
    )
    .get(fileId);
  if (!f?.item_id || !f.duration_seconds) return;
  let seconds = f.duration_seconds;
  if (f.part !== null) {
    const parts = db
      .query<{ parts: number; timed: number; total: number | null }, [string]>(
        `SELECT COUNT(*) AS parts, COUNT(duration_seconds) AS timed, SUM(duration_seconds) AS total FROM libraries_files
         WHERE item_id = ? AND role = 'main' AND part IS NOT NULL AND missing_since IS NULL`,
      )
      .get(f.item_id);
    if (!parts?.total || parts.timed < parts.parts) return;
    seconds = parts.total;
  }
  const minutes = Math.round(seconds / 60);
  if (minutes > 0)
    db.query('UPDATE libraries_items SET runtime_minutes = ? WHERE id = ? AND runtime_minutes IS NULL').run(
      minutes,
      f.item_id,
    );
}
