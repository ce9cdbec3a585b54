// createApp(): opens the database, creates core services, mounts core routes and loads plugins. No listen here.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Elysia } from 'elysia';
import { createAuthPlugin } from './auth/macro.ts';
import { AuthService } from './auth/service.ts';
import { LoginThrottle } from './auth/throttle.ts';
import { Checkpointer } from './db/checkpointer.ts';
import { CORE_MIGRATIONS, runMigrations } from './db/migrate.ts';
import { openDatabase } from './db/open.ts';
import { type Env, parseEnv } from './env.ts';
import { EventBus } from './events/bus.ts';
import { registerNumberFormats } from './http/number-formats.ts';
import { RateLimiter } from './http/rate-limit.ts';
import { createShell } from './http/shell.ts';
import { staticRoutes } from './http/static.ts';
import { settleGuardedQueries } from './http/unknown-input.ts';
import { JobScheduler } from './jobs/scheduler.ts';
import { createLogger, type LogSink, SecretRegistry } from './log/logger.ts';
import { type Candidate, discover, discoverOne } from './plugin-host/discover.ts';
import { PluginHost } from './plugin-host/host.ts';
import { PluginInstaller } from './plugin-host/install.ts';
import { registerSdkModule } from './plugin-host/sdk-module.ts';
import { WorkQueue } from './queue/queue.ts';
import { adminUserRoutes } from './routes/admin-users.ts';
import { authRoutes } from './routes/auth.ts';
import { eventRoutes } from './routes/events.ts';
import { fsRoutes } from './routes/fs.ts';
import { jobRoutes } from './routes/jobs.ts';
import { pluginRoutes } from './routes/plugins.ts';
import { setupRoutes } from './routes/setup.ts';
import { systemRoutes } from './routes/system.ts';
import { userRoutes } from './routes/users.ts';
import type { CoreServices } from './services.ts';
import { AuditLog, FeatureFlags, SettingsStore } from './settings/store.ts';

export const PROJECT_ROOT = resolve(import.meta.dir, '..', '..');
export const VERSION: string = (await Bun.file(join(PROJECT_ROOT, 'package.json')).json()).version;

export interface CreateAppOptions {
  /** Raw environment (defaults to process.env); parsed and validated. */
  env?: Record<string, string | undefined>;
  /** First-party plugins: a folder of plugin folders, or a list of plugin folders (tests boot only what they need). */
  firstParty?: string | string[];
  logSink?: LogSink;
  /** The built web client served at `/` (default web/dist). */
  webDir?: string;
}

export async function createApp(opts: CreateAppOptions = {}) {
  const parsed = parseEnv(opts.env ?? process.env);
  if (!parsed.ok) throw new Error(`Invalid environment:\n${parsed.errors.join('\n')}`);
  const env: Env = parsed.env;
  const dataDir = resolve(env.BIJOU_DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const secrets = new SecretRegistry();
  const log = createLogger({ level: env.BIJOU_LOG_LEVEL, sink: opts.logSink, secrets });
  for (const s of [env.BIJOU_MEILI_KEY]) secrets.add(s);
  const dbFile = join(dataDir, 'bijou.sqlite');
  const { sqlite, db } = openDatabase(dbFile);
  runMigrations(sqlite, CORE_MIGRATIONS, 'core');
  const checkpointer = new Checkpointer(sqlite, dbFile);
  checkpointer.start();
  registerSdkModule();
  registerNumberFormats();

  let host: PluginHost | null = null;
  const bus = new EventBus(log, (owner) => host?.isActive(owner) ?? true);
  const auth = new AuthService(db);
  const core: CoreServices = {
    env,
    dataDir,
    log,
    secrets,
    sqlite,
    db,
    bus,
    jobs: new JobScheduler(db, bus, log),
    queue: new WorkQueue(sqlite, log),
    auth,
    throttle: new LoginThrottle(),
    authPlugin: createAuthPlugin(auth, ['/v1/events', '/api/stream/']),
    settings: new SettingsStore(db),
    flags: new FeatureFlags(db),
    audit: new AuditLog(db),
    limits: {
      general: new RateLimiter(env.BIJOU_RATE_LIMIT, 60_000),
      exempt: ['/api/stream/', '/assets/'],
      special: [],
    },
    health: new Map(),
    startedAt: Date.now(),
  };
  core.jobs.recover();
  const requeued = core.queue.recover();
  if (requeued) log.info('queue items from an earlier run put back to pending', { count: requeued });

  const app = new Elysia().use(createShell(core, VERSION));
  host = new PluginHost(core, app as never);
  const firstParty = opts.firstParty ?? env.BIJOU_FIRST_PARTY_PLUGINS ?? join(PROJECT_ROOT, 'plugins');
  const candidates: Candidate[] = Array.isArray(firstParty)
    ? await Promise.all(firstParty.map((dir) => discoverOne(resolve(dir), 'first-party')))
    : await discover(firstParty, 'first-party');
  const firstIds = new Set(candidates.map((c) => c.folder));
  const installer = new PluginInstaller(dataDir, db, () => firstIds);
  app
    .use(setupRoutes(core))
    .use(authRoutes(core))
    .use(userRoutes(core))
    .use(adminUserRoutes(core))
    .use(systemRoutes(core, host, VERSION))
    .use(pluginRoutes(core, host, installer))
    .use(jobRoutes(core, host))
    .use(fsRoutes(core))
    .use(eventRoutes(core))
    .use(staticRoutes(core, opts.webDir ?? join(PROJECT_ROOT, 'web', 'dist')));
  settleGuardedQueries(app.routes);
  const thirdParty = await discover(installer.root, 'third-party');
  await host.load([...candidates, ...thirdParty]);
  core.queue.start();

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try {
      if (app.server) await app.stop(true);
    } catch {}
    await host!.stop();
    await core.jobs.stop();
    await core.queue.stop();
    await checkpointer.stop();
    try {
      sqlite.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    } catch {}
    sqlite.close();
  };
  return { app, host, core, installer, checkpointer, stop };
}

export type BijouApp = Awaited<ReturnType<typeof createApp>>;
