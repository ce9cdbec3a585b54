// GET /v1/shows/recently-added-episodes: new episodes grouped per show (its newest batch), newest first.
import { t } from '@bijou/sdk';
import { ItemPage, RecentEpisodes } from '../model.ts';
import type { Catalog } from '../services/catalog.ts';
import { brief, loadItems, showRefs } from '../services/item-view.ts';
import { recentEpisodeGroups } from '../services/recent-episodes.ts';
import type { Ctx } from '../services/types.ts';

const RecentQuery = t.Object({
  cursor: t.Optional(t.String({ maxLength: 512 })),
  limit: t.Optional(t.Integer({ minimum: 1, maximum: 100 })),
  library: t.Optional(t.String({ maxLength: 64, description: 'Only this library' })),
});

export function recentEpisodesRoute(ctx: Ctx, catalog: Catalog) {
  ctx.http.get(
    '/v1/shows/recently-added-episodes',
    ({ user, request, query }) => {
      const v = catalog.viewers.viewerFor(user, request);
      const page = recentEpisodeGroups(ctx.sqlite, catalog.viewers.visibility(v), {
        libraryId: query.library,
        cursor: query.cursor,
        limit: query.limit ?? 20,
      });
      const lastOf = page.items.map((g) => g.episodes.at(-1)?.id ?? '');
      const episodes = new Map(loadItems(ctx.sqlite, lastOf, v.profileId).map((e) => [e.id, brief(e)]));
      const shows = showRefs(
        ctx.sqlite,
        page.items.map((g) => g.showId),
        v.profileId,
      );
      return {
        items: page.items.flatMap((g, i) => {
          const show = shows.get(g.showId);
          const episode = episodes.get(lastOf[i]);
          if (!show || !episode) return [];
          const seasons = new Set(
            g.episodes.flatMap((e) => (e.seasonNumber === null ? [] : [e.seasonNumber])),
          );
          return [
            {
              show,
              addedAt: g.addedAt,
              count: g.episodes.length,
              seasonNumbers: [...seasons].sort((a, b) => a - b),
              episode,
            },
          ];
        }),
        nextCursor: page.nextCursor,
      };
    },
    {
      auth: 'user',
      query: RecentQuery,
      response: t.Object({ items: t.Array(RecentEpisodes), nextCursor: ItemPage.properties.nextCursor }),
      detail: {
        summary: 'Recently added episodes, one entry per show, newest first',
        description:
          'Each show with present episodes is one entry: its newest batch (episodes added within a day of its ' +
          'newest one) with the count, the seasons it touches and its last episode, so one new season is one ' +
          'entry. Only shows the visibility filters let the viewer see.',
      },
    },
  );
}
