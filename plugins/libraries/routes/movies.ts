// /v1/movies: list (filters, sorts, cursor), recently added, detail, credits, file stats, watched on/off.
import type { Catalog } from '../services/catalog.ts';
import type { Ctx } from '../services/types.ts';
import type { WatchState } from '../services/watch-state.ts';
import { itemRoutes, listRoutes } from './item-routes.ts';

export function movieRoutes(ctx: Ctx, catalog: Catalog, watch: WatchState) {
  listRoutes(ctx, catalog, '/v1/movies', 'movie', 'Movies');
  itemRoutes(ctx, catalog, watch, {
    prefix: '/v1/movies',
    kind: 'movie',
    routes: ['detail', 'credits', 'file-stats', 'watched'],
    detailSummary: 'Movie details: files, extras, artwork, how it was identified',
  });
}
