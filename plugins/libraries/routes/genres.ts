// GET /v1/genres: the genres a library page can filter by, with counts (visibility applies).
import { t } from '@bijou/sdk';
import type { Catalog } from '../services/catalog.ts';
import { genreCounts } from '../services/genres.ts';
import type { Ctx } from '../services/types.ts';

const Genre = t.Object({
  name: t.String({ description: 'As the items spell it' }),
  value: t.String({ description: 'What the genre filter of /v1/movies and /v1/shows takes' }),
  count: t.Integer(),
});
const GenresQuery = t.Object({
  kind: t.Optional(t.Union([t.Literal('movie'), t.Literal('show')])),
  library: t.Optional(t.String({ maxLength: 64, description: 'Only this library' })),
});

export function genreRoutes(ctx: Ctx, catalog: Catalog) {
  ctx.http.get(
    '/v1/genres',
    ({ user, request, query }) => {
      const v = catalog.viewers.viewerFor(user, request);
      const kinds = query.kind ? [query.kind] : (['movie', 'show'] as const);
      return {
        items: genreCounts(ctx.sqlite, catalog.viewers.visibility(v), {
          kinds: [...kinds],
          libraryId: query.library,
        }),
        nextCursor: null,
      };
    },
    {
      auth: 'user',
      query: GenresQuery,
      response: t.Object({ items: t.Array(Genre), nextCursor: t.Null() }),
      detail: {
        summary: 'Genres of movies or shows with item counts, by name',
        description:
          'Distinct genres of the present movies and/or shows the viewer may see (visibility filters apply), ' +
          'optionally of one library. All of them on one page.',
      },
    },
  );
}
