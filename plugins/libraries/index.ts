// The libraries plugin: wires the scanner, prober, catalog, visibility extension point and routes.
import { definePlugin } from '@bijou/sdk';
import type { LibrariesApi } from './api.ts';
import manifest from './manifest.ts';
import { episodeRoutes } from './routes/episodes.ts';
import { genreRoutes } from './routes/genres.ts';
import { imageRoutes } from './routes/images.ts';
import { libraryRoutes } from './routes/libraries.ts';
import { metadataRoutes } from './routes/metadata.ts';
import { movieRoutes } from './routes/movies.ts';
import { peopleRoutes } from './routes/people.ts';
import { showRoutes } from './routes/shows.ts';
import { trackRoutes } from './routes/tracks.ts';
import * as schema from './schema.ts';
import { Catalog } from './services/catalog.ts';
import { MAIN_FILE_ORDER } from './services/item-view.ts';
import { LibrariesService } from './services/libraries-service.ts';
import { nextUpEntries } from './services/next-up.ts';
import { probeFile } from './services/prober.ts';
import { Viewers } from './services/viewers.ts';
import { WatchState } from './services/watch-state.ts';
import { LibraryWatcher } from './services/watcher.ts';

export default definePlugin(manifest, {
  schema,
  setup(ctx) {
    const svc = new LibrariesService(ctx);
    const viewers = new Viewers();
    const catalog = new Catalog(ctx, viewers);
    const watch = new WatchState(ctx.sqlite);

    ctx.queue.define(
      'probe',
      { concurrency: ctx.config.probeConcurrency, maxAttempts: 3, backoffMs: 2000 },
      async (p: { fileId: string }, job) => {
        await probeFile(ctx, p.fileId, job.signal);
      },
    );
    ctx.jobs.handle('rescan-all', async ({ progress }) => {
      const libs = svc.list();
      libs.forEach((lib, i) => {
        if (!ctx.jobs.running('scan', lib.id)) svc.startScan(lib.id);
        progress((i + 1) / libs.length, `started ${lib.name}`);
      });
    });

    const api: LibrariesApi = {
      addVisibilityFilter: (f) => viewers.addVisibilityFilter(f),
      visibility: (v) => viewers.visibility(v),
      addProfileResolver: (r) => viewers.addProfileResolver(r),
      viewerFor: (u, r) => viewers.viewerFor(u, r),
      canSee: (v, id) => catalog.canSee(v, id),
      filesOf: (id) =>
        ctx.sqlite
          .query<{ id: string; path: string; size: number; container: string | null }, [string]>(
            `SELECT id, path, size, container FROM libraries_files WHERE item_id = ? AND role = 'main' ORDER BY ${MAIN_FILE_ORDER}`,
          )
          .all(id),
      setProgress: (v, id, pos, dur, file) => watch.setProgress(v.profileId, id, pos, dur, file ?? null),
      setWatched: (v, id, on) => void watch.setWatched(v.profileId, id, on),
      nextUp: (v) => nextUpEntries(ctx.sqlite, v.profileId, viewers.visibility(v)),
    };
    ctx.provide(api);

    const schedule = () => {
      try {
        ctx.jobs.schedule('rescan-all', ctx.config.rescanCron.trim() || null);
      } catch (err) {
        ctx.log.warn('rescanCron is not a valid cron pattern; scheduled rescans are off', {
          error: (err as Error).message,
        });
        ctx.jobs.schedule('rescan-all', null);
      }
    };
    schedule();
    const watcher = new LibraryWatcher(ctx, svc);
    svc.onChange = () => watcher.sync();
    ctx.settings.onChange(() => {
      watcher.sync();
      schedule();
      // Applies to the running queue: probes under way go on, waiting ones start at once when it rises.
      ctx.queue.setConcurrency('probe', ctx.config.probeConcurrency);
    });
    ctx.signal.addEventListener('abort', () => watcher.stop());
    watcher.sync();

    libraryRoutes(ctx, svc);
    movieRoutes(ctx, catalog, watch);
    showRoutes(ctx, catalog, watch);
    episodeRoutes(ctx, catalog, watch);
    peopleRoutes(ctx, catalog);
    metadataRoutes(ctx, catalog, svc);
    trackRoutes(ctx, catalog);
    imageRoutes(ctx, catalog);
    genreRoutes(ctx, catalog);
  },
});
