// Probes files with ffprobe through the work queue; results cached by path + size + mtime (the probe key).
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
  if (f.probe_key === key) return 'cached';
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
    const runtime = parsed.durationSeconds ? Math.round(parsed.durationSeconds / 60) : null;
    if (runtime) {
      db.query(
        `UPDATE libraries_items SET runtime_minutes = ? WHERE id = (SELECT item_id FROM libraries_files WHERE id = ? AND role = 'main')
           AND runtime_minutes IS NULL`,
      ).run(runtime, f.id);
    }
  })();
  return 'probed';
}
