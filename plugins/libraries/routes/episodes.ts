// /v1/episodes/:id: one episode by id (for links from continue watching, next up and search), its cast, file
// stats and watched on/off — the same as the show/season/number routes, addressed directly.
import type { Catalog } from '../services/catalog.ts';
import type { Ctx } from '../services/types.ts';
import type { WatchState } from '../services/watch-state.ts';
import { itemRoutes } from './item-routes.ts';

export function episodeRoutes(ctx: Ctx, catalog: Catalog, watch: WatchState) {
  itemRoutes(ctx, catalog, watch, {
    prefix: '/v1/episodes',
    kind: 'episode',
    routes: ['detail', 'credits', 'file-stats', 'watched'],
    detailSummary: 'Episode details: files, artwork, its show and season, how it was identified',
  });
}
