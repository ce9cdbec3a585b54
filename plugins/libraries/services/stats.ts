// Library statistics: item counts; the present main files (movies' and episodes' videos) with their bytes and grouped
// by codec, resolution, HDR type and container, so each grouping adds up to their count; extras counted apart.
import type { Database } from 'bun:sqlite';

const RESOLUTION = `CASE WHEN height IS NULL THEN 'unknown' WHEN width >= 3200 OR height >= 2000 THEN '2160p'
  WHEN width >= 1800 OR height >= 1000 THEN '1080p' WHEN width >= 1200 OR height >= 700 THEN '720p' ELSE 'sd' END`;

export function libraryStats(db: Database, libraryId: string) {
  const group = (expr: string) =>
    Object.fromEntries(
      db
        .query<{ k: string; n: number }, [string]>(
          `SELECT ${expr} AS k, COUNT(*) AS n FROM libraries_files WHERE library_id = ? AND role = 'main' AND missing_since IS NULL GROUP BY k`,
        )
        .all(libraryId)
        .map((r) => [r.k, r.n]),
    );
  const items = Object.fromEntries(
    db
      .query<{ kind: string; n: number }, [string]>(
        'SELECT kind, COUNT(*) AS n FROM libraries_items WHERE library_id = ? AND missing = 0 GROUP BY kind',
      )
      .all(libraryId)
      .map((r) => [r.kind, r.n]),
  );
  const byRole = new Map(
    db
      .query<{ role: string; n: number; bytes: number | null }, [string]>(
        `SELECT role, COUNT(*) AS n, SUM(size) AS bytes FROM libraries_files WHERE library_id = ? AND missing_since IS NULL
           GROUP BY role`,
      )
      .all(libraryId)
      .map((r) => [r.role, r]),
  );
  const main = byRole.get('main');
  const extra = byRole.get('extra');
  const missing = db
    .query<{ n: number }, [string]>(
      'SELECT COUNT(*) AS n FROM libraries_items WHERE library_id = ? AND missing = 1',
    )
    .get(libraryId)!;
  return {
    libraryId,
    items,
    missingItems: missing.n,
    totalFiles: main?.n ?? 0,
    totalSizeBytes: main?.bytes ?? 0,
    extraFiles: extra?.n ?? 0,
    extraSizeBytes: extra?.bytes ?? 0,
    byCodec: group(`COALESCE(video_codec, 'unknown')`),
    byResolution: group(RESOLUTION),
    byHdr: group(`CASE WHEN video_codec IS NULL THEN 'unknown' ELSE COALESCE(hdr, 'sdr') END`),
    byContainer: group(`COALESCE(container, 'unknown')`),
  };
}
