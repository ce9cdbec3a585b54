// Catalog reads for routes: visible lists (serialised pages cached per viewer), one item (404 when hidden), extras,
// credits, tracks and file stats.
import { changeStamp, HttpError } from '@bijou/sdk';
import type { Viewer } from '../api.ts';
import { PageCache } from '../lib/page-cache.ts';
import { type ListFilters, listIds } from './catalog-query.ts';
import { type FileColumns, fileView, loadBriefs, loadItems, MAIN_FILE_ORDER } from './item-view.ts';
import { placeholders, renderCondition } from './sql.ts';
import type { Ctx } from './types.ts';
import type { Viewers } from './viewers.ts';

/** The list query fields, in the fixed order a page's cache key lists them. */
const QUERY_FIELDS = [
  'cursor',
  'limit',
  'library',
  'genre',
  'yearFrom',
  'yearTo',
  'contentRating',
  'resolution',
  'codec',
  'hdr',
  'watched',
  'q',
  'sort',
  'order',
] as const;
const JSON_INIT: ResponseInit = { headers: { 'content-type': 'application/json' } };
type Defaults = { sort: ListFilters['sort']; order: 'asc' | 'desc' };
type Rendered = { text: string; params: unknown[] };

type Query = {
  cursor?: string;
  limit?: number;
  library?: string;
  genre?: string[];
  yearFrom?: number;
  yearTo?: number;
  contentRating?: string[];
  resolution?: ListFilters['resolution'];
  codec?: string;
  hdr?: string;
  watched?: boolean;
  q?: string;
  sort?: string;
  order?: 'asc' | 'desc';
};

/** Compile-time check that every query field is part of a page's cache key (an error names a missing one). */
const _everyFieldKeyed: Record<Exclude<keyof Query, (typeof QUERY_FIELDS)[number]>, never> = {};

export class Catalog {
  /**
   * Serialised list pages. Any write to the database empties it (see `changeStamp`), so a page can never outlive a
   * scan, an edit, a watch-state change or a change in whatever data a visibility filter reads; the key holds the
   * viewer, the rendered visibility filters and the query, so viewers never share pages.
   */
  private readonly pages: PageCache<Blob>;

  constructor(
    private readonly ctx: Ctx,
    readonly viewers: Viewers,
  ) {
    this.pages = new PageCache(changeStamp(ctx.sqlite));
  }

  /**
   * An `ItemPage` as a JSON Blob, from the page cache unless the plugin's `pageCache` setting is off. A Blob, because
   * a Response made from one neither copies nor re-encodes the body.
   */
  listBody(viewer: Viewer, kind: 'movie' | 'show', q: Query, defaults: Defaults): Blob {
    const vis = renderCondition(this.viewers.visibility(viewer));
    const build = () => {
      const page = this.list(viewer, kind, q, defaults, vis);
      const json = JSON.stringify({ items: page.items, nextCursor: page.nextCursor });
      return new Blob([json], { type: 'application/json' });
    };
    if (!this.ctx.config.pageCache) return build();
    // No replacer (it would slow every request down): bigint params, which JSON cannot hold, are spelled out first.
    const params = vis.params.map((p) => (typeof p === 'bigint' ? `${p}n` : p));
    const key = JSON.stringify([
      viewer.userId,
      viewer.role,
      viewer.profileId,
      vis.text,
      params,
      kind,
      defaults.sort,
      defaults.order,
      ...QUERY_FIELDS.map((f) => q[f] ?? null),
    ]);
    return this.pages.get(key, build);
  }

  /**
   * The same page as a ready `Response`: Elysia passes a returned Response through without validating and
   * normalising it against the route's `response` schema, which stays declared for OpenAPI.
   */
  listResponse(viewer: Viewer, kind: 'movie' | 'show', q: Query, defaults: Defaults): Response {
    return new Response(this.listBody(viewer, kind, q, defaults), JSON_INIT);
  }

  list(
    viewer: Viewer,
    kind: 'movie' | 'show',
    q: Query,
    defaults: Defaults,
    visibility: Rendered = renderCondition(this.viewers.visibility(viewer)),
  ) {
    const page = listIds(this.ctx.sqlite, {
      kind,
      profileId: viewer.profileId,
      visibility,
      libraryId: q.library,
      genre: q.genre,
      yearFrom: q.yearFrom,
      yearTo: q.yearTo,
      contentRating: q.contentRating?.map((s) => s.trim()).filter(Boolean),
      resolution: q.resolution,
      codec: q.codec,
      hdr: q.hdr,
      watched: q.watched,
      text: q.q,
      sort: (q.sort as ListFilters['sort']) ?? defaults.sort,
      order: q.order ?? defaults.order,
      cursor: q.cursor,
      limit: q.limit ?? 20,
    });
    return {
      ids: page.ids,
      items: loadBriefs(this.ctx.sqlite, page.ids, viewer.profileId),
      nextCursor: page.nextCursor,
    };
  }

  /** Whether the viewer may see the item (visibility filters apply to the item, or to its show for episodes). */
  canSee(viewer: Viewer, itemId: string): boolean {
    const vis = renderCondition(this.viewers.visibility(viewer));
    const row = this.ctx.sqlite
      .query<{ id: string }, any[]>(
        `SELECT libraries_items.id FROM libraries_items WHERE libraries_items.id = (SELECT COALESCE(show_id, id) FROM libraries_items WHERE id = ?) AND ${vis.text}`,
      )
      .get(itemId, ...vis.params);
    return !!row;
  }

  /** One item the viewer may see, of one of `kinds`; 404 otherwise (hidden items are indistinguishable from absent). */
  get(viewer: Viewer, id: string, kinds: string[]) {
    const [item] = loadItems(this.ctx.sqlite, [id], viewer.profileId);
    if (!item || !kinds.includes(item.kind) || !this.canSee(viewer, id))
      throw new HttpError(404, 'Not found');
    return item;
  }

  detail(viewer: Viewer, id: string, kinds: string[]) {
    const item = this.get(viewer, id, kinds);
    const { extra, ...rest } = item;
    const extras = this.ctx.sqlite
      .query<{ id: string; kind: string; title: string; path: string; size: number }, [string]>(
        `SELECT id, COALESCE(extra_kind, 'other') AS kind, COALESCE(extra_title, rel_path) AS title, path, size FROM libraries_files
         WHERE item_id = ? AND role = 'extra' AND missing_since IS NULL ORDER BY extra_kind, extra_title`,
      )
      .all(id);
    // The detail's files in their default-first order, each with its probe facts and tracks.
    const stats = new Map(this.fileStats([id]).map((f) => [f.id, f]));
    return {
      ...rest,
      files: rest.files.flatMap((f) => stats.get(f.id) ?? []),
      tagline: extra.tagline,
      studios: extra.studios,
      tags: extra.tags,
      setName: extra.setName,
      lockedFields: extra.lockedFields,
      extras,
    };
  }

  credits(id: string) {
    return this.ctx.sqlite
      .query<
        {
          personId: string;
          name: string;
          role: string;
          character: string | null;
          order: number;
          thumb: string | null;
        },
        [string]
      >(
        `SELECT p.id AS personId, p.name, c.role, c.character, c.ord AS "order", p.thumb FROM libraries_credits c
         JOIN libraries_people p ON p.id = c.person_id WHERE c.item_id = ? ORDER BY c.role, c.ord`,
      )
      .all(id);
  }

  /** Main files of items with probe facts and tracks, in the detail's order (the default version first, parts by number). */
  fileStats(ids: string[]) {
    if (!ids.length) return [];
    const rows = this.ctx.sqlite
      .query<Record<string, any>, string[]>(
        `SELECT * FROM libraries_files WHERE item_id IN (${placeholders(ids.length)}) AND role = 'main'
         ORDER BY ${MAIN_FILE_ORDER}`,
      )
      .all(...ids);
    return rows.map((f) => ({
      ...fileView(f as FileColumns),
      durationSeconds: f.duration_seconds,
      bitrate: f.bitrate,
      videoCodec: f.video_codec,
      videoProfile: f.video_profile,
      width: f.width,
      height: f.height,
      frameRate: f.frame_rate,
      hdr: f.hdr,
      probed: f.probe_key !== null,
      probeError: f.probe_error,
      tracks: this.tracks(f.id),
    }));
  }

  tracks(fileId: string, kind?: 'audio' | 'subtitle') {
    return this.ctx.sqlite
      .query<Record<string, any>, any[]>(
        `SELECT * FROM libraries_tracks WHERE file_id = ? ${kind ? 'AND kind = ?' : ''} ORDER BY external_path IS NOT NULL, stream_index, external_path`,
      )
      .all(fileId, ...(kind ? [kind] : []))
      .map((t) => ({
        id: t.id,
        fileId: t.file_id,
        kind: t.kind,
        streamIndex: t.stream_index,
        codec: t.codec,
        language: t.language,
        title: t.title,
        channels: t.channels,
        default: t.is_default === 1,
        forced: t.forced === 1,
        sdh: t.sdh === 1,
        external: t.external_path !== null,
      }));
  }
}
