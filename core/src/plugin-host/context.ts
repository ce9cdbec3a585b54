// Builds the `ctx` a plugin receives: scoped db, config, events, jobs, queue, HTTP, APIs, paths and permissions.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/bun-sqlite';
import type { Manifest } from '../../sdk/manifest.ts';
import type { AnyPlugin, PluginContext } from '../../sdk/types.ts';
import { createPluginHttp } from '../http/plugin-http.ts';
import { RateLimiter } from '../http/rate-limit.ts';
import type { CoreServices } from '../services.ts';
import { mediaToolPath } from './tools.ts';

export interface ContextDeps {
  core: CoreServices;
  isActive(id: string): boolean;
  api(id: string): unknown;
  provide(id: string, api: unknown): void;
}

/** Mutable parts of a plugin's context that the host updates (config on change). */
export interface ContextHandle {
  ctx: PluginContext<Manifest, any>;
  config: Record<string, unknown>;
  onChange: ((next: any, prev: any) => void)[];
  abort: AbortController;
}

export function buildContext(
  def: AnyPlugin,
  config: Record<string, unknown>,
  deps: ContextDeps,
): ContextHandle {
  const { core } = deps;
  const m: Manifest = def.manifest;
  const id = m.id;
  const log = core.log.child(id);
  const abort = new AbortController();
  const onChange: ContextHandle['onChange'] = [];
  const perms = new Set(m.permissions ?? []);
  const emits = new Set(m.events?.emits ?? []);
  const listens = new Set(m.events?.listens ?? []);
  const declared = new Set([...Object.keys(m.dependsOn ?? {}), ...(m.after ?? [])]);
  const paths = { data: join(core.dataDir, 'plugin-data', id), cache: join(core.dataDir, 'cache', id) };
  for (const p of Object.values(paths)) mkdirSync(p, { recursive: true });
  for (const j of m.jobs ?? []) core.jobs.declare(id, j.id, { cron: j.cron, description: j.description });
  for (const f of m.featureFlags ?? []) core.flags.declare({ ...f, owner: id });

  const ctx: PluginContext<Manifest, any> = {
    id,
    manifest: m,
    db: drizzle(core.sqlite, { schema: def.schema ?? {} }),
    sqlite: core.sqlite,
    config: config as any,
    settings: { onChange: (fn) => void onChange.push(fn) },
    events: {
      emit(name, payload, audience) {
        if (!emits.has(name))
          throw new Error(`EVENT_UNDECLARED: ${id} emits "${String(name)}" without declaring it`);
        core.bus.emit(name, payload, audience);
      },
      on(name, fn) {
        if (!listens.has(name) && !String(name).startsWith('core.')) {
          throw new Error(`EVENT_UNDECLARED: ${id} listens to "${String(name)}" without declaring it`);
        }
        return core.bus.on(id, name, fn as (p: unknown) => void);
      },
    },
    jobs: {
      handle: (jobId, handler) => core.jobs.handle(id, jobId, handler),
      start: (jobId, o = {}) => core.jobs.start(id, jobId, { trigger: 'api', ...o }),
      running: (jobId, key) => core.jobs.isRunning(id, jobId, key),
      cancel: (runId) => core.jobs.cancel(runId),
      schedule: (jobId, cron) => core.jobs.reschedule(id, jobId, cron),
    },
    queue: {
      define: (name, opts, handler) => core.queue.define(id, name, opts, handler),
      setConcurrency: (name, n) => core.queue.setConcurrency(id, name, n),
      enqueue: (name, payload, opts) => core.queue.enqueue(id, name, payload, opts),
      cancel: (itemId) => core.queue.cancel(itemId),
      stats: () => {
        const all = core.queue.stats();
        return Object.fromEntries(Object.entries(all).filter(([q]) => q.startsWith(`${id}.`)));
      },
      idle: (name, timeoutMs) => core.queue.idle(`${id}.${name}`, timeoutMs),
    },
    http: createPluginHttp(id, core.authPlugin, () => deps.isActive(id)),
    rateLimit: {
      exempt: (prefix) => void core.limits.exempt.push(prefix),
      limit: (prefix, perMinute) =>
        void core.limits.special.push({ prefix, limiter: new RateLimiter(perMinute, 60_000) }),
    },
    use(dep) {
      if (!declared.has(dep)) throw new Error(`PLUGIN_UNDECLARED: ${id} uses "${dep}" without declaring it`);
      if (!deps.isActive(dep)) throw new Error(`PLUGIN_INACTIVE: "${dep}" is not active`);
      return deps.api(dep) as never;
    },
    tryUse(dep) {
      if (!declared.has(dep) || !deps.isActive(dep)) return undefined;
      return deps.api(dep) as never;
    },
    provide: (api) => deps.provide(id, api),
    audit: (action, o) =>
      core.audit.record({ action, actorId: o.actor?.id ?? null, target: o.target, details: o.details }),
    log,
    paths,
    signal: abort.signal,
    flag: (key) => core.flags.isOn(key),
    health: { register: (name, check) => void core.health.set(`${id}.${name}`, check) },
    ...(perms.has('network') ? { fetch: globalThis.fetch } : {}),
    ...(perms.has('exec:ffmpeg')
      ? {
          exec: (cmd: 'ffmpeg' | 'ffprobe', args: string[], o?: { signal?: AbortSignal }) => {
            if (cmd !== 'ffmpeg' && cmd !== 'ffprobe')
              throw new Error('EXEC_DENIED: only ffmpeg and ffprobe');
            return Bun.spawn([mediaToolPath(cmd), ...args], {
              stdin: 'ignore',
              stdout: 'pipe',
              stderr: 'pipe',
              signal: o?.signal,
            });
          },
        }
      : {}),
  };
  return { ctx, config, onChange, abort };
}
