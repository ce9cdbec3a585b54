// /v1/subtitles/:itemId and /v1/audio/:itemId: tracks (embedded and sidecar) of an item's main files.
import { t } from '@bijou/sdk';
import { Track } from '../model.ts';
import type { Catalog } from '../services/catalog.ts';
import type { Ctx } from '../services/types.ts';

export function trackRoutes(ctx: Ctx, catalog: Catalog) {
  const list = (
    user: { id: string; role: 'admin' | 'user' },
    request: Request,
    itemId: string,
    kind: 'audio' | 'subtitle',
  ) => {
    catalog.get(catalog.viewers.viewerFor(user, request), itemId, ['movie', 'episode']);
    const files = ctx.sqlite
      .query<{ id: string }, [string]>(
        `SELECT id FROM libraries_files WHERE item_id = ? AND role = 'main' AND missing_since IS NULL ORDER BY part, path`,
      )
      .all(itemId);
    return { items: files.flatMap((f) => catalog.tracks(f.id, kind)) };
  };
  const opts = (summary: string) => ({
    auth: 'user' as const,
    params: t.Object({ itemId: t.String({ maxLength: 64 }) }),
    response: t.Object({ items: t.Array(Track) }),
    detail: { summary },
  });
  ctx.http
    .get(
      '/v1/subtitles/:itemId',
      ({ user, request, params }) => list(user, request, params.itemId, 'subtitle'),
      opts('Subtitle tracks (embedded and sidecar files)'),
    )
    .get(
      '/v1/audio/:itemId',
      ({ user, request, params }) => list(user, request, params.itemId, 'audio'),
      opts('Audio tracks'),
    );
}
