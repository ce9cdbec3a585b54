// /v1/playback/continue-watching, /v1/playback/speedtest (3 a minute) and /v1/playback-preferences.
import { randomBytes } from 'node:crypto';
import { decodeCursor, encodeCursor, PageOf, PageQuery, t } from '@bijou/sdk';
import type { LibrariesApi } from '../../libraries/api.ts';
import { ContinueItem, PreferencesBody, PreferencesView } from '../model.ts';
import type { ContinueWatching } from '../services/continue-watching.ts';
import type { Preferences } from '../services/preferences.ts';
import type { Ctx } from '../services/types.ts';

const CHUNK = 1 << 20;
const MAX_BYTES = 32 * CHUNK;

export function extraRoutes(ctx: Ctx, libs: LibrariesApi, cw: ContinueWatching, prefs: Preferences) {
  // Random bytes do not compress, so a proxy cannot make the link look faster than it is.
  const noise = randomBytes(CHUNK);
  ctx.rateLimit.limit('/v1/playback/speedtest', 3);
  ctx.http
    .get(
      '/v1/playback/continue-watching',
      ({ user, request, query }) => {
        const limit = query.limit ?? 20;
        const offset = Number(decodeCursor(query.cursor, 1)?.[0] ?? 0);
        const all = cw.list(libs.viewerFor(user, request));
        const items = all.slice(offset, offset + limit);
        const more = offset + limit < all.length;
        return { items, nextCursor: more ? encodeCursor([offset + limit]) : null };
      },
      {
        auth: 'user',
        query: PageQuery,
        response: PageOf(ContinueItem),
        detail: {
          summary: 'Resume points and next-up episodes of the current profile, newest first',
          description: 'Only items the profile may see (visibility filters of the libraries plugin apply).',
        },
      },
    )
    .get(
      '/v1/playback/speedtest',
      ({ query }) => {
        const size = query.bytes ?? 4 * CHUNK;
        let sent = 0;
        const body = new ReadableStream<Uint8Array>({
          pull(c) {
            if (sent >= size) return c.close();
            const n = Math.min(CHUNK, size - sent);
            c.enqueue(noise.subarray(0, n));
            sent += n;
          },
        });
        return new Response(body, {
          headers: {
            'content-type': 'application/octet-stream',
            'content-length': String(size),
            'cache-control': 'no-store',
          },
        });
      },
      {
        auth: 'user',
        query: t.Object({
          bytes: t.Optional(
            t.Integer({ minimum: 1, maximum: MAX_BYTES, description: 'Bytes to download (default 4 MiB)' }),
          ),
        }),
        response: { 200: t.Any({ description: 'Random bytes; time the download to estimate bandwidth' }) },
        detail: { summary: 'Download test for picking a bitrate (3 requests a minute)' },
      },
    )
    .get('/v1/playback-preferences', ({ user }) => prefs.get(user.id), {
      auth: 'user',
      response: PreferencesView,
      detail: { summary: 'Your audio and subtitle language rules' },
    })
    .put('/v1/playback-preferences', ({ user, body }) => prefs.set(user.id, body), {
      auth: 'user',
      body: PreferencesBody,
      response: PreferencesView,
      detail: { summary: 'Replace your audio and subtitle language rules' },
    });
}
