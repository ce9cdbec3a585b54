// The plugin host: validates, orders and boots plugins (migrate → config → setup → mount), tracks a state per
// plugin, enables and disables at runtime, applies config changes, and tears down in reverse order.

import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Elysia } from 'elysia';
import type { Manifest } from '../../sdk/manifest.ts';
import type { AnyPlugin } from '../../sdk/types.ts';
import { SDK_VERSION } from '../../sdk/version.ts';
import { runMigrations } from '../db/migrate.ts';
import { plugins as pluginRows } from '../db/schema.ts';
import type { CoreServices } from '../services.ts';
import { resolveConfig, secretValues } from '../settings/config.ts';
import { buildContext, type ContextHandle } from './context.ts';
import { type Candidate, loadEntry } from './discover.ts';
import { resolveOrder } from './order.ts';
import { checkListens, type PluginError, validateManifest } from './validate.ts';

export type PluginState =
  | 'invalid'
  | 'incompatible'
  | 'disabled'
  | 'blocked'
  | 'misconfigured'
  | 'failed'
  | 'active';

export interface PluginEntry {
  id: string;
  dir: string;
  source: Candidate['source'];
  manifest: Manifest | null;
  state: PluginState;
  reason: string | null;
  code: string | null;
  details?: { path: string; message: string }[];
  def?: AnyPlugin;
  handle?: ContextHandle;
  /** Routes mounted in this process (routes stay mounted; a gate answers 503 while not active). */
  mounted: boolean;
  /** Declared route prefixes answered with 503 while the plugin is not active, mounted or not. */
  gate?: string[];
}

const INCOMPATIBLE = new Set(['MANIFEST_API_UNSATISFIED', 'DEPENDENCY_VERSION']);

export class PluginHost {
  readonly entries = new Map<string, PluginEntry>();
  private order: string[] = [];
  private readonly apis = new Map<string, unknown>();
  private readonly valid = new Map<string, Manifest>();

  constructor(
    private readonly core: CoreServices,
    private readonly app: Elysia<any, any, any, any, any, any, any>,
  ) {
    // Routes are only mounted by setup, so a plugin disabled or misconfigured since boot has none: without this
    // gate its paths would answer 404 instead of 503.
    app.onRequest(({ request }) => this.gateRequest(request));
  }

  isActive = (id: string): boolean => this.entries.get(id)?.state === 'active';

  list(): PluginEntry[] {
    return this.order
      .concat([...this.entries.keys()].filter((id) => !this.order.includes(id)).sort())
      .map((id) => this.entries.get(id)!);
  }

  /** Validates every candidate, orders them and brings each up; one plugin's failure never stops the rest. */
  async load(candidates: Candidate[]): Promise<void> {
    const valid = this.valid;
    for (const c of candidates) {
      const m = c.manifest as Manifest | null;
      const id = c.folder;
      const errs: PluginError[] = c.loadError
        ? [{ code: 'MANIFEST_MISSING', message: c.loadError }]
        : validateManifest(m, c.folder, SDK_VERSION);
      if (this.entries.has(id))
        errs.unshift({ code: 'MANIFEST_DUPLICATE_ID', message: `a plugin "${id}" is already installed` });
      const entry: PluginEntry = {
        id,
        dir: c.dir,
        source: c.source,
        manifest: errs.length ? (m ?? null) : m,
        state: 'active',
        reason: null,
        code: null,
        mounted: false,
      };
      if (errs.length && this.entries.has(id)) {
        this.core.log.warn('plugin skipped', { id, dir: c.dir, reason: errs[0].message });
        continue;
      }
      this.entries.set(id, entry);
      if (errs.length) this.mark(entry, INCOMPATIBLE.has(errs[0].code) ? 'incompatible' : 'invalid', errs[0]);
      else {
        valid.set(id, m!);
        entry.gate = this.freePrefixes(m!);
      }
    }
    for (const [id, m] of valid) {
      if (this.entries.get(id)?.handle) continue;
      const errs = checkListens(m, valid);
      if (errs.length) {
        this.mark(this.entries.get(id)!, 'invalid', errs[0]);
        valid.delete(id);
      }
    }
    const { order, errors } = resolveOrder(valid);
    for (const [id, err] of errors) {
      if (this.entries.get(id)?.handle) continue;
      const state: PluginState =
        err.code === 'DEPENDENCY_MISSING'
          ? 'blocked'
          : INCOMPATIBLE.has(err.code)
            ? 'incompatible'
            : 'invalid';
      this.mark(this.entries.get(id)!, state, err);
    }
    this.order = order;
    await this.refresh();
  }

  /** Adds one newly installed plugin while the server runs (an upgrade of a loaded plugin needs a restart). */
  async loadOne(candidate: Candidate): Promise<boolean> {
    if (this.entries.has(candidate.folder)) return false;
    await this.load([candidate]);
    return true;
  }

  /** Recomputes every state in load order, setting up plugins that became eligible. */
  async refresh(): Promise<void> {
    let mountedAny = false;
    for (const id of this.order) {
      const e = this.entries.get(id)!;
      if (e.state === 'invalid' || e.state === 'incompatible') continue;
      if (e.code === 'DEPENDENCY_MISSING') continue;
      const before = e.state;
      const mounted = await this.evaluate(e);
      mountedAny = mounted || mountedAny;
      if (e.state !== 'active' && e.handle) {
        this.pause(id);
        if (before === 'active') await this.hook(e, 'onDisable');
      }
      if (e.state === 'active' && before !== 'active') {
        this.resume(id);
        if (e.handle && !mounted) await this.hook(e, 'onEnable');
      }
    }
    if (mountedAny) this.app.compile();
  }

  async setEnabled(id: string, enabled: boolean): Promise<PluginEntry | null> {
    const e = this.entries.get(id);
    if (!e) return null;
    this.row(id, e);
    this.core.db
      .update(pluginRows)
      .set({ enabled, updatedAt: new Date().toISOString() })
      .where(eq(pluginRows.id, id))
      .run();
    await this.refresh();
    return e;
  }

  /** Stores a new config (already merged with secrets) and applies it; returns validation errors if any. */
  async setConfig(
    id: string,
    value: Record<string, unknown>,
  ): Promise<{ path: string; message: string }[] | null> {
    const e = this.entries.get(id);
    const schema = e?.manifest?.config?.schema;
    if (!e || !schema) return [{ path: '', message: 'plugin has no settings' }];
    const r = resolveConfig(schema, value);
    if (!r.ok) return r.errors;
    this.row(id, e);
    this.core.db
      .update(pluginRows)
      .set({
        config: r.value,
        configVersion: e.manifest!.config!.version,
        updatedAt: new Date().toISOString(),
      })
      .where(eq(pluginRows.id, id))
      .run();
    for (const s of secretValues(schema, r.value)) this.core.secrets.add(s);
    if (e.handle) {
      const prev = { ...e.handle.config };
      for (const k of Object.keys(e.handle.config)) delete e.handle.config[k];
      Object.assign(e.handle.config, r.value);
      for (const fn of e.handle.onChange) {
        try {
          fn(e.handle.config, prev);
        } catch (err) {
          this.core.log.error('settings.onChange failed', { id, err });
        }
      }
    }
    await this.refresh();
    return null;
  }

  storedConfig(id: string): Record<string, unknown> | null {
    return this.core.db.select().from(pluginRows).where(eq(pluginRows.id, id)).get()?.config ?? null;
  }

  api(id: string): unknown {
    return this.apis.get(id);
  }

  /** Tears plugins down in reverse load order. */
  async stop(): Promise<void> {
    for (const id of [...this.order].reverse()) {
      const e = this.entries.get(id)!;
      if (!e.handle) continue;
      e.handle.abort.abort(new Error('server stopping'));
      try {
        await e.def?.teardown?.(e.handle.ctx as never);
      } catch (err) {
        this.core.log.error('plugin teardown failed', { id, err });
      }
    }
  }

  /** Decides one plugin's state; returns true when it mounted new routes. */
  private async evaluate(e: PluginEntry): Promise<boolean> {
    const m = e.manifest!;
    const row = this.row(e.id, e);
    const down = Object.keys(m.dependsOn ?? {}).find((d) => !this.isActive(d));
    if (down) {
      const message = `dependency "${down}" is ${this.entries.get(down)?.state ?? 'missing'}`;
      return this.settle(e, 'blocked', { code: 'DEPENDENCY_INACTIVE', message });
    }
    if (!row.enabled)
      return this.settle(e, 'disabled', { code: 'DISABLED', message: 'disabled by an administrator' });
    const cfg = m.config
      ? resolveConfig(m.config.schema, row.config ?? {})
      : ({ ok: true, value: {} } as const);
    if (!cfg.ok) {
      this.mark(e, 'misconfigured', {
        code: 'CONFIG_INVALID',
        message: cfg.errors.map((x) => `${x.path}: ${x.message}`).join('; '),
      });
      e.details = cfg.errors;
      return false;
    }
    if (e.handle) return this.settle(e, 'active', null);
    if (e.state === 'failed') return false;
    return this.setUp(e, cfg.value);
  }

  private async setUp(e: PluginEntry, config: Record<string, unknown>): Promise<boolean> {
    const m = e.manifest!;
    try {
      if (m.migrations) runMigrations(this.core.sqlite, join(e.dir, m.migrations), e.id);
    } catch (err) {
      return this.settle(e, 'failed', { code: 'MIGRATION_FAILED', message: (err as Error).message });
    }
    if (m.config) for (const s of secretValues(m.config.schema, config)) this.core.secrets.add(s);
    let handle: ContextHandle | undefined;
    try {
      const def = (await loadEntry(e.dir)) as AnyPlugin;
      if (!def || typeof def.setup !== 'function' || def.manifest?.id !== e.id)
        throw new Error('index does not default-export definePlugin(manifest, …) for this manifest');
      e.def = def;
      handle = buildContext(def, config, {
        core: this.core,
        isActive: this.isActive,
        api: (d) => this.apis.get(d),
        provide: (d, a) => this.apis.set(d, a),
      });
      e.handle = handle;
      e.state = 'active';
      await def.setup(handle.ctx as never);
    } catch (err) {
      e.handle = undefined;
      this.pauseOwner(e.id);
      this.apis.delete(e.id);
      this.core.log.error('plugin setup failed', { id: e.id, err });
      return this.settle(e, 'failed', { code: 'SETUP_FAILED', message: (err as Error).message });
    }
    this.app.use(handle.ctx.http);
    e.mounted = true;
    this.mark(e, 'active', null);
    return true;
  }

  private async hook(e: PluginEntry, name: 'onEnable' | 'onDisable'): Promise<void> {
    try {
      await e.def?.[name]?.(e.handle!.ctx as never);
    } catch (err) {
      this.core.log.error(`plugin ${name} failed`, { id: e.id, err });
    }
  }

  private pauseOwner(id: string): void {
    this.core.bus.removeOwner(id);
    this.core.jobs.pause(id);
    this.core.queue.pause(id);
  }

  private pause(id: string): void {
    this.core.jobs.pause(id);
    this.core.queue.pause(id);
  }

  private resume(id: string): void {
    this.core.jobs.resume(id);
    this.core.queue.resume(id);
  }

  private row(id: string, e: PluginEntry) {
    const existing = this.core.db.select().from(pluginRows).where(eq(pluginRows.id, id)).get();
    if (existing) return existing;
    const row = {
      id,
      enabled: true,
      config: null,
      configVersion: null,
      source: e.source,
      version: e.manifest?.version ?? null,
      hash: null,
      installedAt: null,
      updatedAt: new Date().toISOString(),
    };
    this.core.db.insert(pluginRows).values(row).run();
    return row;
  }

  /** Declared prefixes that no route mounted so far (core's, or another plugin's) falls under. */
  private freePrefixes(m: Manifest): string[] {
    const taken = this.app.routes.map((r: { path: string }) => r.path);
    return (m.routes ?? []).filter((p) => !taken.some((path: string) => underPrefix(path, p)));
  }

  private gateRequest(request: Request): Response | undefined {
    let path: string | null = null;
    for (const e of this.entries.values()) {
      if (e.state === 'active' || !e.gate?.length) continue;
      path ??= new URL(request.url).pathname;
      if (e.gate.some((p) => underPrefix(path!, p))) {
        return Response.json(
          { error: `Plugin "${e.id}" is not active` },
          { status: 503, headers: { 'Retry-After': '60' } },
        );
      }
    }
    return undefined;
  }

  /** Sets a state that mounted nothing new. */
  private settle(e: PluginEntry, state: PluginState, err: { code: string; message: string } | null): false {
    this.mark(e, state, err);
    return false;
  }

  private mark(e: PluginEntry, state: PluginState, err: { code: string; message: string } | null): void {
    const changed = e.state !== state || e.reason !== (err?.message ?? null);
    e.state = state;
    e.code = err?.code ?? null;
    e.reason = err?.message ?? null;
    if (state !== 'misconfigured') e.details = undefined;
    if (changed) {
      this.core.log.info('plugin state', { id: e.id, state, reason: e.reason });
      this.core.bus.emit('core.plugin.state-changed', { id: e.id, state, reason: e.reason }, 'admin');
    }
  }
}

function underPrefix(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
}
