// The playback plugin: wires sessions, streams, continue watching and preferences to the libraries and
// transcoder APIs, registers optimization's source resolver, and runs the session reaper.
import { definePlugin } from '@bijou/sdk';
import type { PlaybackApi } from './api.ts';
import manifest from './manifest.ts';
import { extraRoutes } from './routes/extras.ts';
import { sessionRoutes } from './routes/sessions.ts';
import { streamRoutes } from './routes/stream.ts';
import * as schema from './schema.ts';
import { ContinueWatching } from './services/continue-watching.ts';
import { Media } from './services/media.ts';
import { Preferences } from './services/preferences.ts';
import { Sessions } from './services/sessions.ts';
import { Streams } from './services/stream.ts';
import { StreamTokens } from './services/tokens.ts';

// Per context, not per module: several hosts (tests) may run this plugin in one process.
const stores = new WeakMap<object, Sessions>();

export default definePlugin(manifest, {
  schema,
  setup(ctx) {
    const libs = ctx.use('libraries');
    const tc = ctx.use('transcoder');
    const media = new Media(ctx.sqlite, (id) => libs.filesOf(id).map((f) => f.id));
    const prefs = new Preferences(ctx);
    const tokens = new StreamTokens(ctx.paths.data);
    const sessions = new Sessions(ctx, libs, tc, media, prefs);
    stores.set(ctx, sessions);
    const streams = new Streams(ctx, sessions, tokens, tc);
    const unresolve = tc.setSourceResolver((target) => media.sources(target));

    // A quarter of the timeout between sweeps (5 s at most), rescheduled when the timeout changes.
    let reaper: ReturnType<typeof setInterval> | undefined;
    const schedule = () => {
      clearInterval(reaper);
      const every = Math.min(5000, Math.max(100, ctx.config.sessionTimeoutSeconds * 250));
      reaper = setInterval(() => {
        sessions.reap().catch((err) => ctx.log.error('session reaper failed', { err }));
      }, every);
    };
    schedule();
    ctx.settings.onChange(schedule);
    ctx.signal.addEventListener(
      'abort',
      () => {
        clearInterval(reaper);
        unresolve();
      },
      { once: true },
    );

    const api: PlaybackApi = { active: () => [...sessions.live.values()].map((s) => sessions.info(s)) };
    ctx.provide(api);
    sessionRoutes(ctx, sessions, tokens, media);
    streamRoutes(ctx, streams);
    extraRoutes(ctx, libs, new ContinueWatching(ctx, libs), prefs);
  },
  async teardown(ctx) {
    const sessions = stores.get(ctx);
    stores.delete(ctx);
    if (sessions) for (const id of [...sessions.live.keys()]) await sessions.end(id, 'shutdown');
  },
  async onDisable(ctx) {
    const sessions = stores.get(ctx);
    if (sessions) for (const id of [...sessions.live.keys()]) await sessions.end(id, 'shutdown');
  },
});
