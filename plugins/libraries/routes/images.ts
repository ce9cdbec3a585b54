// /v1/images/:itemId/:kind: local artwork with ETag/Cache-Control and resized variants (?width=); not rate limited.
import { HttpError, t } from '@bijou/sdk';
import type { Catalog } from '../services/catalog.ts';
import { artworkPath, resized, snapWidth } from '../services/images.ts';
import type { Ctx } from '../services/types.ts';

export function imageRoutes(ctx: Ctx, catalog: Catalog) {
  ctx.rateLimit.exempt('/v1/images/');
  ctx.http.get(
    '/v1/images/:itemId/:kind',
    async ({ user, request, params, query, set }) => {
      const viewer = catalog.viewers.viewerFor(user, request);
      if (!catalog.canSee(viewer, params.itemId)) throw new HttpError(404, 'Not found');
      const img = artworkPath(ctx, params.itemId, params.kind);
      if (!img) throw new HttpError(404, 'No such artwork');
      const etag = query.width ? `${img.etag.slice(0, -1)}-w${snapWidth(query.width)}"` : img.etag;
      set.headers['cache-control'] = 'private, max-age=86400';
      set.headers.etag = etag;
      if (request.headers.get('if-none-match') === etag) {
        set.status = 304;
        return '';
      }
      const path = query.width ? await resized(ctx, img, snapWidth(query.width)) : img.path;
      return Bun.file(path);
    },
    {
      auth: 'user',
      params: t.Object({
        itemId: t.String({ maxLength: 64 }),
        kind: t.Union([
          t.Literal('poster'),
          t.Literal('backdrop'),
          t.Literal('banner'),
          t.Literal('logo'),
          t.Literal('thumb'),
          t.Literal('disc'),
          t.Literal('clearart'),
        ]),
      }),
      query: t.Object({ width: t.Optional(t.Integer({ minimum: 16, maximum: 4096 })) }),
      response: t.Any({ description: 'The image bytes' }),
      detail: { summary: 'Artwork of an item, optionally resized' },
    },
  );
}
