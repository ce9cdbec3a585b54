// /v1/images/:itemId/:kind: local artwork with validators (ETag, Last-Modified) answering conditional requests, a
// revalidating cache policy, and resized variants (?width=); not rate limited.
import { HttpError, notModified, t, variantValidators } from '@bijou/sdk';
import type { Catalog } from '../services/catalog.ts';
import { artworkPath, snapWidth, variantBytes } from '../services/images.ts';
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
      const width = query.width ? snapWidth(query.width) : null;
      const v = width ? variantValidators(img, `w${width}`) : img;
      // An item's artwork URL stays the same when its file is replaced: clients revalidate (a 304 costs a stat).
      set.headers['cache-control'] = 'private, no-cache';
      set.headers.etag = v.etag;
      set.headers['last-modified'] = v.lastModified;
      if (notModified(request.headers.get('if-none-match'), request.headers.get('if-modified-since'), v)) {
        set.status = 304;
        return '';
      }
      const variant = width ? await variantBytes(ctx, img, width) : null;
      if (variant?.bytes) {
        // A rendered variant's type is its extension's.
        set.headers['content-type'] = Bun.file(variant.path).type;
        return variant.bytes;
      }
      const file = Bun.file(img.path);
      // The original's type is what it holds (a `.tbn` is a JPEG).
      set.headers['content-type'] = img.type ?? file.type;
      return file;
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
