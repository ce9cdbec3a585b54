// Routes shared by movies, shows and episodes: the filtered list and recently added, detail, cast and crew,
// file stats, watched on and off.
import { HttpError, t } from '@bijou/sdk';
import { Credit, FileStats, ItemDetail, ItemPage, ListQuery, RecentQuery } from '../model.ts';
import type { Catalog } from '../services/catalog.ts';
import type { Ctx } from '../services/types.ts';
import type { WatchState } from '../services/watch-state.ts';

const IdParams = t.Object({ id: t.String({ maxLength: 64 }) });
const Watched = t.Object({ id: t.String(), watched: t.Boolean() });

export interface ItemRouteSet {
  /** Route prefix, e.g. /v1/movies. */
  prefix: string;
  kind: 'movie' | 'show' | 'episode';
  /** Which of the routes to add. */
  routes: ('detail' | 'credits' | 'file-stats' | 'watched')[];
  detailSummary?: string;
}

export function itemRoutes(ctx: Ctx, catalog: Catalog, watch: WatchState, o: ItemRouteSet) {
  const visible = (user: { id: string; role: 'admin' | 'user' }, request: Request, id: string) => {
    const v = catalog.viewers.viewerFor(user, request);
    catalog.get(v, id, [o.kind]);
    return v;
  };
  const setWatched = (on: boolean) => ({
    handler: ({ user, request, params }: { user: any; request: Request; params: { id: string } }) => {
      watch.setWatched(visible(user, request, params.id).profileId, params.id, on);
      return { id: params.id, watched: on };
    },
    opts: {
      auth: 'user' as const,
      params: IdParams,
      response: Watched,
      detail: { summary: on ? 'Mark watched' : 'Mark unwatched' },
    },
  });
  if (o.routes.includes('detail'))
    ctx.http.get(
      `${o.prefix}/:id`,
      ({ user, request, params }) =>
        catalog.detail(catalog.viewers.viewerFor(user, request), params.id, [o.kind]),
      {
        auth: 'user',
        params: IdParams,
        response: ItemDetail,
        detail: { summary: o.detailSummary ?? `One ${o.kind}` },
      },
    );
  if (o.routes.includes('credits'))
    ctx.http.get(
      `${o.prefix}/:id/credits`,
      ({ user, request, params }) => {
        visible(user, request, params.id);
        return { items: catalog.credits(params.id) };
      },
      {
        auth: 'user',
        params: IdParams,
        response: t.Object({ items: t.Array(Credit) }),
        detail: { summary: 'Cast and crew' },
      },
    );
  if (o.routes.includes('file-stats'))
    ctx.http.get(
      `${o.prefix}/:id/file-stats`,
      ({ user, request, params }) => {
        visible(user, request, params.id);
        return { items: catalog.fileStats([params.id]) };
      },
      {
        auth: 'user',
        params: IdParams,
        response: t.Object({ items: t.Array(FileStats) }),
        detail: { summary: 'Codec, resolution, HDR and tracks of each file' },
      },
    );
  if (o.routes.includes('watched')) {
    const on = setWatched(true);
    const off = setWatched(false);
    ctx.http.put(`${o.prefix}/:id/watched`, on.handler, on.opts);
    ctx.http.delete(`${o.prefix}/:id/watched`, off.handler, off.opts);
  }
}

/** `GET <prefix>` (filters, sorts, cursor) and `GET <prefix>/recently-added` for movies or shows. */
export function listRoutes(ctx: Ctx, catalog: Catalog, prefix: string, kind: 'movie' | 'show', noun: string) {
  const page = (
    user: { id: string; role: 'admin' | 'user' },
    request: Request,
    query: typeof RecentQuery.static & Pick<typeof ListQuery.static, 'sort' | 'order'>,
    added: boolean,
  ) => {
    if (query.yearFrom !== undefined && query.yearTo !== undefined && query.yearFrom > query.yearTo) {
      throw new HttpError(422, 'Validation error', {}, [
        { path: 'query.yearTo', message: `Expected a year from yearFrom (${query.yearFrom}) on` },
      ]);
    }
    const defaults = added
      ? { sort: 'added' as const, order: 'desc' as const }
      : { sort: 'title' as const, order: 'asc' as const };
    // A ready Response (cached JSON): Elysia skips response validation for it; the schema stays for OpenAPI.
    return catalog.listResponse(catalog.viewers.viewerFor(user, request), kind, query, defaults);
  };
  ctx.http
    .get(prefix, ({ user, request, query }) => page(user, request, query, false), {
      auth: 'user',
      query: ListQuery,
      response: ItemPage,
      detail: { summary: `${noun} with filters and sorting` },
    })
    .get(`${prefix}/recently-added`, ({ user, request, query }) => page(user, request, query, true), {
      auth: 'user',
      query: RecentQuery,
      response: ItemPage,
      detail: { summary: `${noun}, newest first` },
    });
}
