// Types a plugin sees: its context, the plugin definition, and the merge points for plugin APIs and events.
import type { Database } from 'bun:sqlite';
import type { Static, TObject } from '@sinclair/typebox';
import type { BunSQLiteDatabase } from 'drizzle-orm/bun-sqlite';
import type { AuthUser } from '../src/auth/service.ts';
import type { Audience } from '../src/events/bus.ts';
import type { PluginHttp } from '../src/http/plugin-http.ts';
import type { JobHandler, StartResult } from '../src/jobs/scheduler.ts';
import type { Logger } from '../src/log/logger.ts';
import type { EnqueueOptions, QueueHandler, QueueOptions, QueueState } from '../src/queue/types.ts';
import type { Manifest } from './manifest.ts';

/**
 * Public APIs of plugins, by id. A plugin adds its own with declaration merging in its `api.ts`:
 * `declare module '@bijou/sdk' { interface PluginApis { libraries: LibrariesApi } }`.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging
export interface PluginApis {}

/**
 * Event payloads by name (`<plugin>.<noun>.<past-verb>`). Plugins merge their events in `api.ts`.
 */
export interface EventMap {
  'core.job.started': { runId: string; pluginId: string; jobId: string };
  'core.job.progressed': {
    runId: string;
    pluginId: string;
    jobId: string;
    progress: number;
    note: string | null;
  };
  'core.job.finished': {
    runId: string;
    pluginId: string;
    jobId: string;
    state: string;
    error: string | null;
  };
  'core.plugin.state-changed': { id: string; state: string; reason: string | null };
}

type Deps<M extends Manifest> = (M['dependsOn'] extends Record<string, string>
  ? keyof M['dependsOn']
  : never) &
  string;
type Peers<M extends Manifest> = M['after'] extends readonly (infer A)[] ? A & string : never;
type JobIds<M extends Manifest> = M['jobs'] extends readonly { id: infer J }[] ? J & string : never;
/** The validated config type of a manifest. */
export type ConfigOf<M extends Manifest> = M['config'] extends { schema: infer S extends TObject }
  ? Static<S>
  : Record<string, never>;

/** Jobs of the plugin: handlers for manifest jobs, and runs started on demand. */
export interface PluginJobs<J extends string> {
  /** Sets the handler of a job declared in the manifest (scheduled by its cron, if any). */
  handle(jobId: J, handler: JobHandler): void;
  /** Starts a declared job now; `key` lets several runs of one job coexist (e.g. one per library). */
  start(jobId: J, opts?: { key?: string; input?: unknown; handler?: JobHandler }): StartResult;
  /** The run id of a running job with that key, or null. */
  running(jobId: J, key?: string): string | null;
  cancel(runId: string): boolean;
  /** Replaces the job's cron pattern (null: no schedule); throws on an invalid pattern. */
  schedule(jobId: J, cron: string | null): void;
}

/** The persistent work queue, scoped to the plugin (queue names are prefixed with the plugin id). */
export interface PluginQueue {
  define(name: string, opts: QueueOptions, handler: QueueHandler): void;
  /** Changes a defined queue's concurrency while it runs (running items go on; waiting ones start when it rises). */
  setConcurrency(name: string, concurrency: number): void;
  enqueue(name: string, payload: unknown, opts?: EnqueueOptions): string;
  cancel(itemId: string): boolean;
  stats(): Record<string, Record<QueueState, number>>;
  /** Resolves when the named queue has nothing pending or running. */
  idle(name: string, timeoutMs?: number): Promise<void>;
}

/** Everything a plugin receives in `setup`. */
export interface PluginContext<
  M extends Manifest = Manifest,
  S extends Record<string, unknown> = Record<string, never>,
> {
  readonly id: M['id'];
  readonly manifest: M;
  /** drizzle over the shared connection, typed to the plugin's schema. Write only your own tables. */
  readonly db: BunSQLiteDatabase<S>;
  /** The raw bun:sqlite connection (FTS5, pragmas, hand-written SQL). */
  readonly sqlite: Database;
  /** The plugin's validated config, defaults applied; replaced in place when an admin changes it. */
  readonly config: ConfigOf<M>;
  readonly settings: { onChange(fn: (next: ConfigOf<M>, prev: ConfigOf<M>) => void): void };
  readonly events: {
    emit<K extends keyof EventMap>(name: K, payload: EventMap[K], audience?: Audience): void;
    on<K extends keyof EventMap>(name: K, fn: (payload: EventMap[K]) => void | Promise<void>): () => void;
  };
  readonly jobs: PluginJobs<JobIds<M>>;
  readonly queue: PluginQueue;
  /** Elysia instance with the `auth` macro; every route must declare `auth: 'public' | 'user' | 'admin'`. */
  readonly http: PluginHttp;
  /** Exempts a path prefix from the general rate limit, or gives it its own per-minute limit. */
  readonly rateLimit: { exempt(prefix: string): void; limit(prefix: string, perMinute: number): void };
  /** Public API of a declared dependency. */
  use<K extends Deps<M> & keyof PluginApis>(id: K): PluginApis[K];
  /** Public API of an optional peer, or undefined when it is not active. */
  tryUse<K extends (Deps<M> | Peers<M>) & keyof PluginApis>(id: K): PluginApis[K] | undefined;
  /** Publishes this plugin's API for plugins that depend on it. */
  provide(api: M['id'] extends keyof PluginApis ? PluginApis[M['id']] : unknown): void;
  /** Records an admin or security-relevant action in the audit log. */
  audit(
    action: string,
    opts: { actor?: AuthUser | null; target?: string; details?: Record<string, unknown> },
  ): void;
  readonly log: Logger;
  readonly paths: { readonly data: string; readonly cache: string };
  /** Aborted when the plugin is disabled or the server stops. */
  readonly signal: AbortSignal;
  /** Granted with the `network` permission. */
  readonly fetch?: typeof fetch;
  /** Granted with `exec:ffmpeg`: runs ffmpeg/ffprobe (only those binaries). */
  readonly exec?: (
    cmd: 'ffmpeg' | 'ffprobe',
    args: string[],
    opts?: { signal?: AbortSignal },
  ) => Bun.Subprocess<'ignore', 'pipe', 'pipe'>;
  /** Whether a feature flag is on. */
  flag(key: string): boolean;
  /** Adds a component to `/v1/health?probe=ready` details (e.g. the transcoder's encoder probe). */
  readonly health: { register(name: string, check: () => { ready: boolean; detail: string }): void };
}

/** A plugin: its manifest, optional drizzle schema, and lifecycle. */
export interface PluginDefinition<M extends Manifest = Manifest, S extends Record<string, unknown> = any> {
  readonly manifest: M;
  readonly schema?: S;
  setup(ctx: PluginContext<M, S>): void | Promise<void>;
  /** Mirrors setup: release what setup acquired outside the context (the host cleans up the rest). */
  teardown?(ctx: PluginContext<M, S>): void | Promise<void>;
  /** Called when the plugin stops being active at runtime (disabled, or a dependency went away). */
  onDisable?(ctx: PluginContext<M, S>): void | Promise<void>;
  /** Called when a plugin that was set up becomes active again. */
  onEnable?(ctx: PluginContext<M, S>): void | Promise<void>;
}

/** Declares a plugin. `index.ts` of every plugin default-exports the result. */
export function definePlugin<
  const M extends Manifest,
  S extends Record<string, unknown> = Record<string, never>,
>(manifest: M, impl: Omit<PluginDefinition<M, S>, 'manifest'>): PluginDefinition<M, S> {
  return { manifest, ...impl };
}

export type { Audience, AuthUser, EnqueueOptions, JobHandler, QueueHandler, QueueOptions, StartResult };
export type AnyPlugin = PluginDefinition<any, any>;
