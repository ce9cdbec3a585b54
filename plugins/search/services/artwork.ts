// Poster URLs for catalog hits (movies, shows, episodes), read from the libraries' items in one query per page:
// an item's poster, an episode's thumb, else its show's poster; served by the libraries' image route.
import type { Database } from 'bun:sqlite';

const CATALOG = new Set(['movie', 'show', 'episode']);

/** `/v1/images/…` URL of the best picture of each catalog item in `hits`, by id. */
export function posterUrls(db: Database, hits: { type: string; id: string }[]): Map<string, string> {
  const ids = hits.filter((h) => CATALOG.has(h.type)).map((h) => h.id);
  const out = new Map<string, string>();
  if (!ids.length) return out;
  const rows = db
    .query<{ id: string; artwork: string; showId: string | null; showArtwork: string | null }, string[]>(
      `SELECT i.id, i.artwork, s.id AS showId, s.artwork AS showArtwork FROM libraries_items i
       LEFT JOIN libraries_items s ON s.id = i.show_id WHERE i.id IN (${ids.map(() => '?').join(', ')})`,
    )
    .all(...ids);
  for (const r of rows) {
    const own = JSON.parse(r.artwork) as Record<string, string>;
    const show = r.showArtwork ? (JSON.parse(r.showArtwork) as Record<string, string>) : {};
    const kind = own.poster ? 'poster' : own.thumb ? 'thumb' : null;
    if (kind) out.set(r.id, `/v1/images/${r.id}/${kind}`);
    else if (r.showId && show.poster) out.set(r.id, `/v1/images/${r.showId}/poster`);
  }
  return out;
}

export type WithArtwork<T> = T & { artwork: string | null };

/** The hits with `artwork` (a poster URL, or null). */
export function withArtwork<T extends { type: string; id: string }>(
  db: Database,
  hits: T[],
): WithArtwork<T>[] {
  const urls = posterUrls(db, hits);
  return hits.map((h) => ({ ...h, artwork: CATALOG.has(h.type) ? (urls.get(h.id) ?? null) : null }));
}
