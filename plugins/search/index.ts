// The search plugin: one SearchEngine interface, SQLite FTS5 always kept current (and used by default),
// Meilisearch when configured; library events and registered sources keep the index in sync.
import { definePlugin } from '@bijou/sdk';
import type { SearchApi } from './api.ts';
import manifest from './manifest.ts';
import { searchRoutes } from './routes.ts';
import * as schema from './schema.ts';
import { FtsEngine } from './services/fts-engine.ts';
import { FtsStore } from './services/fts-store.ts';
import { Indexer } from './services/indexer.ts';
import { MeiliVisibilityPlanner } from './services/meili-visibility.ts';
import { SearchService } from './services/search-service.ts';
import { Sources } from './services/sources.ts';
import { Visibility } from './services/visibility.ts';

export default definePlugin(manifest, {
  schema,
  setup(ctx) {
    const sources = new Sources();
    const visibility = new Visibility(() => ctx.use('libraries'), sources);
    const fts = new FtsEngine(ctx.sqlite, new FtsStore(ctx.sqlite), visibility);
    const planner = new MeiliVisibilityPlanner(ctx.sqlite, visibility);
    const svc = new SearchService(ctx, fts, { visibility, planner, sources });
    const indexer = new Indexer(ctx, svc, sources);

    ctx.jobs.handle('reindex', indexer.reindex);
    ctx.jobs.handle('sync', () => indexer.sweep());
    svc.startMirror = () => void ctx.jobs.start('reindex', { input: { mirrorOnly: true } });
    ctx.events.on('libraries.items.changed', (p) =>
      indexer.itemsChanged([...p.added, ...p.updated, ...p.missing, ...p.restored, ...p.removed]),
    );
    ctx.settings.onChange(() => svc.configure());
    ctx.signal.addEventListener('abort', () => svc.stop());
    // Search always answers (FTS5 is the fallback); readiness says which engine does and why.
    ctx.health.register('engine', () => {
      const engine = svc.activeEngine();
      if (!svc.meili) return { ready: true, detail: 'fts5 (Meilisearch not configured)' };
      const why =
        svc.meiliState === 'ready'
          ? ''
          : ` — Meilisearch ${svc.meiliState}${svc.lastError ? `: ${svc.lastError}` : ''}, falling back`;
      return { ready: true, detail: `${engine}${why}` };
    });

    const api: SearchApi = {
      registerSource(id, source) {
        const off = sources.register(id, source);
        void ctx.jobs.start('reindex', { key: `source:${id}`, input: { source: id } });
        return off;
      },
      upsert: (id, docs) => indexer.enqueue(() => svc.apply(indexer.toIndexed(id, docs), [])),
      remove(id, type, ids) {
        if (sources.sourceOfType(type) !== id)
          throw new Error(`SEARCH_TYPE_FOREIGN: "${type}" is not "${id}"'s`);
        return indexer.enqueue(() =>
          svc.apply(
            [],
            ids.map((x) => `${type}:${x}`),
          ),
        );
      },
      search: (viewer, query) => svc.search(viewer, query),
      suggest: (viewer, q, limit) => svc.suggest(viewer, q, limit),
    };
    ctx.provide(api);
    searchRoutes(ctx, svc);

    svc.configure();
    // An empty index, one never swept, or one whose documents an older version made is rebuilt from the sources.
    const empty = fts.store.counts().documents === 0;
    if (empty || !indexer.readState('sweep') || !indexer.docsCurrent()) ctx.jobs.start('reindex');
  },
});
