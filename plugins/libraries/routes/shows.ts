// /v1/shows: list, recently added (shows and episodes), next up, show, credits, seasons, season, episodes of a
// season, one episode, watched on/off for a show, a season or an episode.
import { HttpError, t } from '@bijou/sdk';
import type { Viewer } from '../api.ts';
import { ChildQuery, ItemDetail, ItemPage } from '../model.ts';
import type { Catalog } from '../services/catalog.ts';
import { childPage } from '../services/children.ts';
import type { Ctx } from '../services/types.ts';
import type { WatchState } from '../services/watch-state.ts';
import { itemRoutes, listRoutes } from './item-routes.ts';
import { nextUpRoute } from './next-up.ts';
import { recentEpisodesRoute } from './recent-episodes.ts';

const Id = t.String({ maxLength: 64 });
const Num = t.Integer({ minimum: 0, maximum: 100000 });

export function showRoutes(ctx: Ctx, catalog: Catalog, watch: WatchState) {
  const viewer = (user: { id: string; role: 'admin' | 'user' }, request: Request) =>
    catalog.viewers.viewerFor(user, request);
  const children = (
    v: Viewer,
    parentId: string,
    kind: 'season' | 'episode',
    query: typeof ChildQuery.static,
  ) => childPage(ctx.sqlite, { parentId, kind, profileId: v.profileId }, query);
  const season = (v: Viewer, showId: string, num: number) => {
    catalog.get(v, showId, ['show']);
    const row = ctx.sqlite
      .query<{ id: string }, [string, number]>(
        `SELECT id FROM libraries_items WHERE show_id = ? AND kind = 'season' AND season_number = ?`,
      )
      .get(showId, num);
    if (!row) throw new HttpError(404, 'Season not found');
    return row.id;
  };
  const episode = (v: Viewer, showId: string, s: number, e: number) => {
    const seasonId = season(v, showId, s);
    // The episode numbered e, else a multi-episode file whose range holds e (S01E02-E03 answers to 3), else a row
    // scanned before absolute-numbered files got an episode number; present rows before missing ones.
    const row = ctx.sqlite
      .query<{ id: string }, [string, number, number, number, number, number]>(
        `SELECT id FROM libraries_items WHERE parent_id = ? AND kind = 'episode'
           AND (episode_number = ? OR (episode_number < ? AND ending_episode_number >= ?)
             OR (episode_number IS NULL AND absolute_number = ?))
         ORDER BY missing, (episode_number IS ?) DESC, episode_number DESC LIMIT 1`,
      )
      .get(seasonId, e, e, e, e, e);
    if (!row) throw new HttpError(404, 'Episode not found');
    return row.id;
  };
  const watched = (v: Viewer, id: string, on: boolean) => ({
    id,
    watched: on,
    episodes: watch.setWatched(v.profileId, id, on),
  });
  const WatchedResult = t.Object({ id: t.String(), watched: t.Boolean(), episodes: t.Number() });
  listRoutes(ctx, catalog, '/v1/shows', 'show', 'TV shows');
  nextUpRoute(ctx, catalog);
  recentEpisodesRoute(ctx, catalog);
  itemRoutes(ctx, catalog, watch, { prefix: '/v1/shows', kind: 'show', routes: ['credits'] });
  ctx.http
    .get(
      '/v1/shows/:id',
      ({ user, request, params }) => catalog.detail(viewer(user, request), params.id, ['show']),
      {
        auth: 'user',
        params: t.Object({ id: Id }),
        response: ItemDetail,
        detail: { summary: 'Show details' },
      },
    )
    .get(
      '/v1/shows/:id/seasons',
      ({ user, request, params, query }) => {
        const v = viewer(user, request);
        catalog.get(v, params.id, ['show']);
        return children(v, params.id, 'season', query);
      },
      {
        auth: 'user',
        params: t.Object({ id: Id }),
        query: ChildQuery,
        response: ItemPage,
        detail: { summary: 'Seasons of a show (every one without a limit)' },
      },
    )
    .get(
      '/v1/shows/:id/seasons/:num',
      ({ user, request, params }) => {
        const v = viewer(user, request);
        return catalog.detail(v, season(v, params.id, params.num), ['season']);
      },
      {
        auth: 'user',
        params: t.Object({ id: Id, num: Num }),
        response: ItemDetail,
        detail: { summary: 'One season' },
      },
    )
    .get(
      '/v1/shows/:id/seasons/:num/episodes',
      ({ user, request, params, query }) => {
        const v = viewer(user, request);
        return children(v, season(v, params.id, params.num), 'episode', query);
      },
      {
        auth: 'user',
        params: t.Object({ id: Id, num: Num }),
        query: ChildQuery,
        response: ItemPage,
        detail: { summary: 'Episodes of a season (every one without a limit)' },
      },
    )
    .get(
      '/v1/shows/:id/seasons/:num/episodes/:ep',
      ({ user, request, params }) => {
        const v = viewer(user, request);
        return catalog.detail(v, episode(v, params.id, params.num, params.ep), ['episode']);
      },
      {
        auth: 'user',
        params: t.Object({ id: Id, num: Num, ep: Num }),
        response: ItemDetail,
        detail: { summary: 'One episode' },
      },
    );
  type P = { id: string; num: number; ep: number };
  const targets: {
    path: string;
    params: ReturnType<typeof t.Object>;
    what: string;
    resolve(v: Viewer, p: P): string;
  }[] = [
    {
      path: '/v1/shows/:id',
      params: t.Object({ id: Id }),
      what: 'every episode',
      resolve: (v, p) => catalog.get(v, p.id, ['show']).id,
    },
    {
      path: '/v1/shows/:id/seasons/:num',
      params: t.Object({ id: Id, num: Num }),
      what: 'every episode of a season',
      resolve: (v, p) => season(v, p.id, p.num),
    },
    {
      path: '/v1/shows/:id/seasons/:num/episodes/:ep',
      params: t.Object({ id: Id, num: Num, ep: Num }),
      what: 'an episode',
      resolve: (v, p) => episode(v, p.id, p.num, p.ep),
    },
  ];
  for (const target of targets)
    for (const on of [true, false]) {
      const handler = ({ user, request, params }: { user: any; request: Request; params: any }) => {
        const v = viewer(user, request);
        return watched(v, target.resolve(v, params as P), on);
      };
      const opts = {
        auth: 'user' as const,
        params: target.params,
        response: WatchedResult,
        detail: { summary: `Mark ${target.what} ${on ? 'watched' : 'unwatched'}` },
      };
      if (on) ctx.http.put(`${target.path}/watched`, handler, opts);
      else ctx.http.delete(`${target.path}/watched`, handler, opts);
    }
}
