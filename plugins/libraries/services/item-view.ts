// Turns item rows into API objects: files, watch state for the viewer's profile, match info; one query per kind.
import type { Database } from 'bun:sqlite';
import { placeholders } from './sql.ts';

/** The columns a list needs (`BRIEF_COLUMNS`); detail views read every column (`ItemRow`). */
interface BriefRow {
  id: string;
  kind: string;
  library_id: string;
  title: string;
  sort_title: string;
  original_title: string | null;
  year: number | null;
  overview: string | null;
  runtime_minutes: number | null;
  rating: number | null;
  content_rating: string | null;
  genres: string;
  provider_ids: string;
  artwork: string;
  added_at: string;
  missing: number;
  match_method: 'nfo' | 'provider-id' | 'filename' | 'manual';
  match_confidence: number;
  season_number: number | null;
  episode_number: number | null;
  ending_episode_number: number | null;
  absolute_number: number | null;
  air_date: string | null;
  show_id: string | null;
  parent_id: string | null;
  edition: string | null;
}
const BRIEF_COLUMNS = `id, kind, library_id, title, sort_title, original_title, year, overview, runtime_minutes, rating,
  content_rating, genres, provider_ids, artwork, added_at, missing, match_method, match_confidence, season_number,
  episode_number, ending_episode_number, absolute_number, air_date, show_id, parent_id, edition`;

interface ItemRow extends BriefRow {
  tagline: string | null;
  studios: string;
  tags: string;
  set_name: string | null;
  locked_fields: string;
}

type WatchRow = { item_id: string; watched: number; position_seconds: number; file_id: string | null };
type Watch = WatchRow | undefined;

/** JSON.parse with the common empty values short-cut (most items have no studios, tags or provider ids). */
function parse<T>(text: string): T {
  if (text === '[]') return [] as T;
  if (text === '{}') return {} as T;
  return JSON.parse(text) as T;
}

export type ItemBrief = ReturnType<typeof briefOf>;
export type ItemView = ItemBrief & { extra: ReturnType<typeof extraOf> };

function briefOf(r: BriefRow, files: FileView[], w: Watch) {
  const art = parse<Record<string, string>>(r.artwork);
  const artwork: Record<string, string> = {};
  for (const k in art) artwork[k] = `/v1/images/${r.id}/${k}`;
  return {
    id: r.id,
    kind: r.kind,
    libraryId: r.library_id,
    title: r.title,
    sortTitle: r.sort_title,
    originalTitle: r.original_title,
    year: r.year,
    overview: r.overview,
    runtime: r.runtime_minutes,
    rating: r.rating,
    contentRating: r.content_rating,
    genres: parse<string[]>(r.genres),
    providerIds: parse<Record<string, string>>(r.provider_ids),
    artwork,
    addedAt: r.added_at,
    missing: r.missing === 1,
    match: { method: r.match_method, confidence: r.match_confidence },
    watched: w?.watched === 1,
    position: w?.position_seconds ?? 0,
    resumeFileId: resumeFileOf(files, w),
    seasonNumber: r.season_number,
    episodeNumber: r.episode_number,
    endingEpisodeNumber: r.ending_episode_number,
    absoluteNumber: r.absolute_number,
    airDate: r.air_date,
    showId: r.show_id,
    parentId: r.parent_id,
    edition: r.edition,
    files,
  };
}

/**
 * The file (part or version) a resume point is in; null when there is no point, or it is in the item's first
 * file: recorded without one, or in a file that is no longer a present main file of the item.
 */
function resumeFileOf(files: FileView[], w: Watch): string | null {
  if (!w?.file_id || w.watched === 1 || w.position_seconds <= 0) return null;
  return files.some((f) => f.id === w.file_id && !f.missing) ? w.file_id : null;
}

function extraOf(r: ItemRow) {
  return {
    tagline: r.tagline,
    studios: parse<string[]>(r.studios),
    tags: parse<string[]>(r.tags),
    setName: r.set_name,
    lockedFields: parse<string[]>(r.locked_fields),
  };
}

/**
 * Order of an item's main files, the first being the default: present before missing, then by part, then versions
 * as Jellyfin orders them (resolution labels such as `2160p` highest first, other labels alphabetically), then path.
 */
export const MAIN_FILE_ORDER = `missing_since IS NOT NULL, part,
  CASE WHEN version_label GLOB '[0-9]*[pPiI]' AND NOT substr(version_label, 1, length(version_label) - 1) GLOB '*[^0-9]*'
    THEN CAST(version_label AS INTEGER) END DESC, version_label, path`;

/** The columns of a main file that `fileView` reads. */
export const FILE_COLUMNS = 'id, path, size, container, missing_since, version_label, part';

export interface FileColumns {
  id: string;
  path: string;
  size: number;
  container: string | null;
  missing_since: string | null;
  version_label: string | null;
  part: number | null;
}

type FileView = ReturnType<typeof fileView>;

/** A main file as items carry it in lists and details. */
export function fileView(f: FileColumns) {
  return {
    id: f.id,
    path: f.path,
    size: f.size,
    container: f.container,
    missing: f.missing_since !== null,
    versionLabel: f.version_label,
    part: f.part,
  };
}

/** Loads items by id with every field, keeping the order of `ids`. */
export function loadItems(db: Database, ids: string[], profileId: string): ItemView[] {
  return load<ItemRow, ItemView>(db, ids, profileId, '*', (r, files, w) => {
    const v = briefOf(r, files, w) as ItemView;
    v.extra = extraOf(r);
    return v;
  });
}

/** Loads items by id with the fields lists show (no detail-only columns read), keeping the order of `ids`. */
export function loadBriefs(db: Database, ids: string[], profileId: string): ItemBrief[] {
  return load<BriefRow, ItemBrief>(db, ids, profileId, BRIEF_COLUMNS, briefOf);
}

function load<R extends BriefRow, V>(
  db: Database,
  ids: string[],
  profileId: string,
  columns: string,
  view: (r: R, files: FileView[], w: Watch) => V,
): V[] {
  if (!ids.length) return [];
  const ph = placeholders(ids.length);
  const rows = db
    .query<R, string[]>(`SELECT ${columns} FROM libraries_items WHERE id IN (${ph})`)
    .all(...ids);
  const files = db
    .query<FileColumns & { item_id: string }, string[]>(
      `SELECT item_id, ${FILE_COLUMNS} FROM libraries_files WHERE role = 'main' AND item_id IN (${ph})
       ORDER BY ${MAIN_FILE_ORDER}`,
    )
    .all(...ids);
  const watch = db
    .query<WatchRow, string[]>(
      `SELECT item_id, watched, position_seconds, file_id FROM libraries_watch_state
       WHERE profile_id = ? AND item_id IN (${ph})`,
    )
    .all(profileId, ...ids);
  const byItem = new Map<string, FileView[]>();
  for (const f of files) {
    const list = byItem.get(f.item_id);
    const file = fileView(f);
    if (list) list.push(file);
    else byItem.set(f.item_id, [file]);
  }
  const w = new Map(watch.map((x) => [x.item_id, x]));
  for (const kind of ['show', 'season'] as const)
    for (const x of rollUp(
      db,
      kind,
      rows.filter((r) => r.kind === kind).map((r) => r.id),
      profileId,
    ))
      w.set(x.item_id, x);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: V[] = [];
  for (const id of ids) {
    const r = byId.get(id);
    if (r) out.push(view(r, byItem.get(id) ?? [], w.get(id)));
  }
  return out;
}

/** Shows and seasons count as watched when the profile has watched every present episode of them. */
function rollUp(db: Database, kind: 'show' | 'season', ids: string[], profileId: string) {
  if (!ids.length) return [];
  const col = kind === 'show' ? 'show_id' : 'parent_id';
  return db
    .query<WatchRow, string[]>(
      `SELECT e.${col} AS item_id, MIN(COALESCE(w.watched, 0)) AS watched, 0 AS position_seconds, NULL AS file_id
       FROM libraries_items e LEFT JOIN libraries_watch_state w ON w.item_id = e.id AND w.profile_id = ?
       WHERE e.${col} IN (${placeholders(ids.length)}) AND e.kind = 'episode' AND e.missing = 0 GROUP BY e.${col}`,
    )
    .all(profileId, ...ids);
}

/** Strips detail-only fields for list responses. */
export function brief(v: ItemView): ItemBrief {
  const { extra: _extra, ...rest } = v;
  return rest;
}

/** The shows of episode entries (next up, new episodes) by id: `{ id, title, year, artwork }`. */
export function showRefs(db: Database, ids: string[], profileId: string) {
  return new Map(
    loadItems(db, [...new Set(ids)], profileId).map((s) => [
      s.id,
      { id: s.id, title: s.title, year: s.year, artwork: s.artwork },
    ]),
  );
}
