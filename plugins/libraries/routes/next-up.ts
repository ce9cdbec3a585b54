// GET /v1/shows/next-up: the next unwatched episode of each show the profile has watched an episode of.
import { PageQuery, t } from '@bijou/sdk';
import { NextUpItem } from '../model.ts';
import type { Catalog } from '../services/catalog.ts';
import { brief, loadItems, showRefs } from '../services/item-view.ts';
import { nextUpEntries, nextUpPage } from '../services/next-up.ts';
import type { Ctx } from '../services/types.ts';

export function nextUpRoute(ctx: Ctx, catalog: Catalog) {
  ctx.http.get(
    '/v1/shows/next-up',
    ({ user, request, query }) => {
      const v = catalog.viewers.viewerFor(user, request);
      const all = nextUpEntries(ctx.sqlite, v.profileId, catalog.viewers.visibility(v));
      const page = nextUpPage(all, query.cursor, query.limit ?? 20);
      const episodes = loadItems(
        ctx.sqlite,
        page.entries.map((e) => e.episodeId),
        v.profileId,
      );
      const shows = showRefs(
        ctx.sqlite,
        page.entries.map((e) => e.showId),
        v.profileId,
      );
      const at = new Map(page.entries.map((e) => [e.episodeId, e.lastPlayedAt]));
      return {
        items: episodes.flatMap((e) => {
          const show = e.showId ? shows.get(e.showId) : undefined;
          return show ? [{ ...brief(e), show, lastPlayedAt: at.get(e.id) ?? null }] : [];
        }),
        nextCursor: page.nextCursor,
      };
    },
    {
      auth: 'user',
      query: PageQuery,
      response: t.Object({ items: t.Array(NextUpItem), nextCursor: t.Union([t.String(), t.Null()]) }),
      detail: {
        summary: 'Next episode of each show the profile has started, newest activity first',
        description:
          'For every show with a watched episode: the first unwatched episode after the most recently played ' +
          'watched one (specials skipped; finished shows and missing episodes left out). Per profile, and only ' +
          'shows the visibility filters let the viewer see.',
      },
    },
  );
}
