// /v1/search: results, suggestions for the search box, and (admins) engine status and a full reindex.
import { HttpError, t } from '@bijou/sdk';
import { ReindexBody, SearchPage, SearchQuery, SearchStatus, Suggestions, SuggestQuery } from './model.ts';
import type { SearchService } from './services/search-service.ts';
import type { Ctx } from './services/types.ts';

export function searchRoutes(ctx: Ctx, svc: SearchService) {
  const viewer = (user: { id: string; role: 'admin' | 'user' }, request: Request) =>
    ctx.use('libraries').viewerFor(user, request);
  ctx.http
    .get('/v1/search', ({ user, request, query }) => svc.search(viewer(user, request), query), {
      auth: 'user',
      query: SearchQuery,
      response: SearchPage,
      detail: { summary: 'Search titles, episodes, people and plugin documents (typo-tolerant)' },
    })
    .get(
      '/v1/search/suggestions',
      async ({ user, request, query }) => ({
        items: await svc.suggest(viewer(user, request), query.q, 10, query.types),
      }),
      {
        auth: 'user',
        query: SuggestQuery,
        response: Suggestions,
        detail: { summary: 'Up to 10 completions while typing' },
      },
    )
    .get('/v1/search/status', async () => status(ctx, svc), {
      auth: 'admin',
      response: SearchStatus,
      detail: { summary: 'Engine in use, index sizes, Meilisearch state and fallback' },
    })
    .post(
      '/v1/search/reindex',
      ({ body, set }) => {
        const r = ctx.jobs.start('reindex', { input: { force: body?.force ?? false } });
        if (!r.ok) throw new HttpError(409, 'A reindex is already running');
        set.status = 202;
        return { runId: r.runId };
      },
      {
        auth: 'admin',
        body: t.Optional(ReindexBody),
        response: { 202: t.Object({ runId: t.String() }) },
        detail: { summary: 'Rebuild the index (a job with progress at /v1/jobs)' },
      },
    );
}

async function status(ctx: Ctx, svc: SearchService) {
  const m = svc.meili;
  let documents: number | null = null;
  if (m && svc.meiliState === 'ready') {
    try {
      documents = await m.documents();
    } catch (err) {
      svc.markDown(err);
    }
  }
  const runId = ctx.jobs.running('reindex');
  return {
    engine: svc.activeEngine(),
    fts5: svc.fts.store.counts(),
    meilisearch: {
      configured: !!m,
      state: svc.meiliState,
      url: m?.config.url ?? null,
      index: m?.config.index ?? null,
      documents,
      fallback: !!m && svc.activeEngine() === 'fts5',
      pending: svc.pending.size,
      lastError: svc.lastError,
      lastSyncAt: svc.lastSyncAt,
    },
    reindex: { running: !!runId, runId },
  };
}
