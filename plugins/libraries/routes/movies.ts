// /v1/movies: list (filters, sorts, cursor), recently added, detail, credits, file stats, watched on/off.
import { t } from '@bijou/sdk';
import { Credit, FileStats, ItemDetail, ItemPage, ListQuery } from '../model.ts';
import type { Catalog } from '../services/catalog.ts';
import { brief } from '../services/item-view.ts';
import type { Ctx } from '../services/types.ts';
import type { WatchState } from '../services/watch-state.ts';

const IdParams = t.Object({ id: t.String({ maxLength: 64 }) });

export function movieRoutes(ctx: Ctx, catalog: Catalog, watch: WatchState) {
  const viewer = (user: { id: string; role: 'admin' | 'user' }, request: Request) =>
    catalog.viewers.viewerFor(user, request);
  ctx.http
    .get(
      '/v1/movies',
      ({ user, request, query }) => {
        const page = catalog.list(viewer(user, request), 'movie', query, { sort: 'title', order: 'asc' });
        return { items: page.items.map(brief), nextCursor: page.nextCursor };
      },
      {
        auth: 'user',
        query: ListQuery,
        response: ItemPage,
        detail: { summary: 'Movies with filters and sorting' },
      },
    )
    .get(
      '/v1/movies/recently-added',
      ({ user, request, query }) => {
        const page = catalog.list(
          viewer(user, request),
          'movie',
          { ...query, sort: 'added', order: 'desc' },
          { sort: 'added', order: 'desc' },
        );
        return { items: page.items.map(brief), nextCursor: page.nextCursor };
      },
      { auth: 'user', query: ListQuery, response: ItemPage, detail: { summary: 'Movies, newest first' } },
    )
    .get(
      '/v1/movies/:id',
      ({ user, request, params }) => catalog.detail(viewer(user, request), params.id, ['movie']),
      {
        auth: 'user',
        params: IdParams,
        response: ItemDetail,
        detail: { summary: 'Movie details: files, extras, artwork, how it was identified' },
      },
    )
    .get(
      '/v1/movies/:id/credits',
      ({ user, request, params }) => {
        catalog.get(viewer(user, request), params.id, ['movie']);
        return { items: catalog.credits(params.id) };
      },
      {
        auth: 'user',
        params: IdParams,
        response: t.Object({ items: t.Array(Credit) }),
        detail: { summary: 'Cast and crew' },
      },
    )
    .get(
      '/v1/movies/:id/file-stats',
      ({ user, request, params }) => {
        catalog.get(viewer(user, request), params.id, ['movie']);
        return { items: catalog.fileStats([params.id]) };
      },
      {
        auth: 'user',
        params: IdParams,
        response: t.Object({ items: t.Array(FileStats) }),
        detail: { summary: 'Codec, resolution, HDR and tracks of each file' },
      },
    )
    .put(
      '/v1/movies/:id/watched',
      ({ user, request, params }) => {
        const v = viewer(user, request);
        catalog.get(v, params.id, ['movie']);
        watch.setWatched(v.profileId, params.id, true);
        return { id: params.id, watched: true };
      },
      {
        auth: 'user',
        params: IdParams,
        response: t.Object({ id: t.String(), watched: t.Boolean() }),
        detail: { summary: 'Mark watched' },
      },
    )
    .delete(
      '/v1/movies/:id/watched',
      ({ user, request, params }) => {
        const v = viewer(user, request);
        catalog.get(v, params.id, ['movie']);
        watch.setWatched(v.profileId, params.id, false);
        return { id: params.id, watched: false };
      },
      {
        auth: 'user',
        params: IdParams,
        response: t.Object({ id: t.String(), watched: t.Boolean() }),
        detail: { summary: 'Mark unwatched' },
      },
    );
}
