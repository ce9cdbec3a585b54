// /v1/images/:itemId/:kind: local artwork with validators (ETag, Last-Modified) answering conditional requests, a
// revalidating cache policy, byte ranges, and resized variants (?width=); HEAD as GET; not rate limited.
import { fileResponse, HttpError, notModifiedResponse, t, variantValidators } from '@bijou/sdk';
import type { Catalog } from '../services/catalog.ts';
import { artworkPath, snapWidth, variantBytes } from '../services/images.ts';
import type { Ctx } from '../services/types.ts';

const POLICY = { 'cache-control': 'private, no-cache' };

export function imageRoutes(ctx: Ctx, catalog: Catalog) {
  ctx.rateLimit.exempt('/v1/images/');
  ctx.http.get(
    '/v1/images/:itemId/:kind',
    async ({ user, request, params, query }) => {
      const viewer = catalog.viewers.viewerFor(user, request);
      if (!catalog.canSee(viewer, params.itemId)) throw new HttpError(404, 'Not found');
      const img = artworkPath(ctx, params.itemId, params.kind);
      if (!img) throw new HttpError(404, 'No such artwork');
      const width = query.width ? snapWidth(query.width) : null;
      // An item's artwork URL stays the same when its file is replaced: clients revalidate (a 304 costs a stat).
      const served = { validators: width ? variantValidators(img, `w${width}`) : img, headers: POLICY };
      const unchanged = notModifiedResponse(request, served);
      if (unchanged) return unchanged;
      const variant = width ? await variantBytes(ctx, img, width) : null;
      // A rendered variant's type is its extension's; the original's is what it holds (a `.tbn` is a JPEG).
      if (variant?.bytes)
        return fileResponse(request, variant.bytes, { ...served, type: Bun.file(variant.path).type });
      const file = Bun.file(img.path);
      return fileResponse(request, file, { ...served, type: img.type ?? file.type });
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
