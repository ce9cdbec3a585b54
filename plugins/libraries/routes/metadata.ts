// /v1/metadata: search the catalog, any item by id, edit an item (fields locked against rescans), identify, unlock, refresh.
import { t } from '@bijou/sdk';
import { ItemBrief, ItemDetail, NullableString } from '../model.ts';
import type { Catalog } from '../services/catalog.ts';
import type { LibrariesService } from '../services/libraries-service.ts';
import { editItem, markForRefresh, unlockItem } from '../services/metadata.ts';
import type { Ctx } from '../services/types.ts';

const Params = t.Object({ itemId: t.String({ maxLength: 64 }) });
const Strings = t.Array(t.String({ minLength: 1, maxLength: 80 }), { maxItems: 50 });
const Edit = t.Object(
  {
    title: t.Optional(t.String({ minLength: 1, maxLength: 300 })),
    sortTitle: t.Optional(t.String({ minLength: 1, maxLength: 300 })),
    originalTitle: t.Optional(t.String({ maxLength: 300 })),
    year: t.Optional(t.Union([t.Integer({ minimum: 1800, maximum: 3000 }), t.Null()])),
    overview: t.Optional(t.Union([t.String({ maxLength: 10000 }), t.Null()])),
    tagline: t.Optional(t.Union([t.String({ maxLength: 500 }), t.Null()])),
    contentRating: t.Optional(t.Union([t.String({ maxLength: 20 }), t.Null()])),
    rating: t.Optional(t.Union([t.Number({ minimum: 0, maximum: 10 }), t.Null()])),
    genres: t.Optional(Strings),
    studios: t.Optional(Strings),
    tags: t.Optional(Strings),
  },
  { additionalProperties: false, description: 'At least one field' },
);
const Ids = t.Object(
  {
    tmdb: t.Optional(t.String({ pattern: '^\\d{1,10}$' })),
    imdb: t.Optional(t.String({ pattern: '^tt\\d{7,9}$' })),
    tvdb: t.Optional(t.String({ pattern: '^\\d{1,10}$' })),
  },
  { minProperties: 1, additionalProperties: false },
);
const SearchQuery = t.Object({
  q: t.String({ minLength: 1, maxLength: 200 }),
  kind: t.Optional(t.Union([t.Literal('movie'), t.Literal('show')])),
});
const Identify = t.Object(
  {
    providerIds: Ids,
    title: t.Optional(t.String({ minLength: 1, maxLength: 300 })),
    year: t.Optional(t.Integer({ minimum: 1800, maximum: 3000 })),
  },
  { additionalProperties: false },
);
const Unlock = t.Object(
  { fields: t.Optional(t.Array(t.String({ maxLength: 40 }), { maxItems: 20 })) },
  { additionalProperties: false },
);

export function metadataRoutes(ctx: Ctx, catalog: Catalog, svc: LibrariesService) {
  const detail = (user: { id: string; role: 'admin' | 'user' }, request: Request, id: string) =>
    catalog.detail(catalog.viewers.viewerFor(user, request), id, ['movie', 'show', 'season', 'episode']);
  ctx.http
    .get(
      '/v1/metadata/search',
      ({ user, request, query }) => {
        const v = catalog.viewers.viewerFor(user, request);
        const kinds = query.kind ? [query.kind] : (['movie', 'show'] as const);
        const items = kinds.flatMap(
          (k) => catalog.list(v, k, { q: query.q, limit: 10 }, { sort: 'title', order: 'asc' }).items,
        );
        return { items };
      },
      {
        auth: 'user',
        query: SearchQuery,
        response: t.Object({ items: t.Array(ItemBrief) }),
        detail: { summary: 'Find catalog items by title' },
      },
    )
    .get('/v1/metadata/:itemId', ({ user, request, params }) => detail(user, request, params.itemId), {
      auth: 'user',
      params: Params,
      response: ItemDetail,
      detail: {
        summary:
          'Any movie, show, season or episode by id (with showId/parentId to find its show and season)',
      },
    })
    .patch(
      '/v1/metadata/:itemId',
      ({ user, request, params, body }) => {
        detail(user, request, params.itemId);
        editItem(ctx, params.itemId, body);
        ctx.audit('libraries.metadata.edited', {
          actor: user,
          target: params.itemId,
          details: { fields: Object.keys(body) },
        });
        return detail(user, request, params.itemId);
      },
      {
        auth: 'admin',
        params: Params,
        body: Edit,
        response: ItemDetail,
        detail: { summary: 'Edit an item; edited fields are kept on rescans' },
      },
    )
    .post(
      '/v1/metadata/:itemId/identify',
      ({ user, request, params, body }) => {
        const cur = detail(user, request, params.itemId);
        editItem(ctx, params.itemId, {
          providerIds: { ...cur.providerIds, ...body.providerIds },
          ...(body.title ? { title: body.title } : {}),
          ...(body.year ? { year: body.year } : {}),
        });
        ctx.audit('libraries.metadata.identified', {
          actor: user,
          target: params.itemId,
          details: body.providerIds,
        });
        return detail(user, request, params.itemId);
      },
      {
        auth: 'admin',
        params: Params,
        body: Identify,
        response: ItemDetail,
        detail: { summary: 'Identify an item by provider ids (match becomes manual)' },
      },
    )
    .post(
      '/v1/metadata/:itemId/unlock',
      ({ user, request, params, body }) => {
        detail(user, request, params.itemId);
        return { lockedFields: unlockItem(ctx, params.itemId, body?.fields) };
      },
      {
        auth: 'admin',
        params: Params,
        body: t.Optional(Unlock),
        response: t.Object({ lockedFields: t.Array(t.String()) }),
        detail: { summary: 'Let rescans overwrite edited fields again' },
      },
    )
    .post(
      '/v1/metadata/:itemId/refresh',
      ({ user, request, params, set }) => {
        detail(user, request, params.itemId);
        const libraryId = markForRefresh(ctx, params.itemId);
        set.status = 202;
        return { jobId: svc.startScan(libraryId), libraryId: libraryId as string | null };
      },
      {
        auth: 'admin',
        params: Params,
        response: { 202: t.Object({ jobId: t.String(), libraryId: NullableString }) },
        detail: {
          summary: 'Re-read NFO, names and media info of an item (starts a library scan; 409 while one runs)',
        },
      },
    );
}
