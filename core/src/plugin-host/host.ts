// The plugin host: validates, orders and boots plugins (migrate → config → setup → mount), tracks a state per
// plugin, enables and disables at runtime, applies config changes, and tears down in reverse order. The calls into
// a plugin's code are lifecycle.ts, its rows rows.ts, its entry and state changes entry.ts, the 503 gate gate.ts.

import type { Elysia } from 'elysia';
import type { Manifest } from '../../sdk/manifest.ts';
import { SDK_VERSION } from '../../sdk/version.ts';
import { settleGuardedQueries } from '../http/unknown-input.ts';
import type { CoreServices } from '../services.ts';
import { resolveConfig, secretValues } from '../settings/config.ts';
import type { Candidate } from './discover.ts';
import { markState, type PluginEntry, type PluginState, type StateReason } from './entry.ts';
import { freePrefixes, gateRequest } from './gate.ts';
import { pushConfig, runHook, setUpPlugin, tearDown } from './lifecycle.ts';
import { resolveOrder } from './order.ts';
import { ensureRow, readStoredConfig, updateRow } from './rows.ts';
import { checkListens, type PluginError, validateManifest } from './validate.ts';

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
    app.onRequest(({ request }) => gateRequest(this.entries.values(), request));
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
        entry.gate = freePrefixes(this.app, m!);
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
        if (before === 'active') await runHook(this.core, e, 'onDisable');
      }
      if (e.state === 'active' && before !== 'active') {
        this.resume(id);
        if (e.handle && !mounted) await runHook(this.core, e, 'onEnable');
      }
    }
    if (mountedAny) this.app.compile();
  }

  async setEnabled(id: string, enabled: boolean): Promise<PluginEntry | null> {
    const e = this.entries.get(id);
    if (!e) return null;
    ensureRow(this.core.db, e);
    updateRow(this.core.db, id, { enabled });
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
    ensureRow(this.core.db, e);
    updateRow(this.core.db, id, { config: r.value, configVersion: e.manifest!.config!.version });
    for (const s of secretValues(schema, r.value)) this.core.secrets.add(s);
    pushConfig(this.core, e, r.value);
    await this.refresh();
    return null;
  }

  storedConfig(id: string): Record<string, unknown> | null {
    return readStoredConfig(this.core.db, id);
  }

  api(id: string): unknown {
    return this.apis.get(id);
  }

  /** Tears plugins down in reverse load order. */
  async stop(): Promise<void> {
    for (const id of [...this.order].reverse()) await tearDown(this.core, this.entries.get(id)!);
  }

  /** Decides one plugin's state; returns true when it mounted new routes. */
  private async evaluate(e: PluginEntry): Promise<boolean> {
    const m = e.manifest!;
    const row = ensureRow(this.core.db, e);
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
    const err = await setUpPlugin(e, config, { core: this.core, isActive: this.isActive, apis: this.apis });
    if (err) return this.settle(e, 'failed', err);
    this.app.use(e.handle!.ctx.http);
    settleGuardedQueries(this.app.routes);
    e.mounted = true;
    this.mark(e, 'active', null);
    return true;
  }

  private pause(id: string): void {
    this.core.jobs.pause(id);
    this.core.queue.pause(id);
  }

  private resume(id: string): void {
    this.core.jobs.resume(id);
    this.core.queue.resume(id);
  }

  /** Sets a state that mounted nothing new. */
  private settle(e: PluginEntry, state: PluginState, err: StateReason): false {
    this.mark(e, state, err);
    return false;
  }

  private mark(e: PluginEntry, state: PluginState, err: StateReason): void {
    markState(this.core, e, state, err);
  }
}
