// Calls into one plugin's own code for the host, catching what it throws: setup (migrations, importing its index,
// building its ctx), the enable and disable hooks, settings.onChange on a new config, and teardown.
import { join } from 'node:path';
import type { AnyPlugin } from '../../sdk/types.ts';
import { runMigrations } from '../db/migrate.ts';
import type { CoreServices } from '../services.ts';
import { secretValues } from '../settings/config.ts';
import { buildContext } from './context.ts';
import { loadEntry } from './discover.ts';
import type { PluginEntry, StateReason } from './entry.ts';

export interface SetUpDeps {
  core: CoreServices;
  isActive(id: string): boolean;
  /** Every plugin's public API by id; setup adds this plugin's. */
  apis: Map<string, unknown>;
}

/**
 * Migrates, imports and sets one plugin up with its resolved config, leaving its handle on the entry. On failure
 * returns the coded error and leaves nothing of it running: no handle, API, listeners, jobs or queue work.
 */
export async function setUpPlugin(
  e: PluginEntry,
  config: Record<string, unknown>,
  { core, isActive, apis }: SetUpDeps,
): Promise<StateReason> {
  const m = e.manifest!;
  try {
    if (m.migrations) runMigrations(core.sqlite, join(e.dir, m.migrations), e.id);
  } catch (err) {
    return { code: 'MIGRATION_FAILED', message: (err as Error).message };
  }
  if (m.config) for (const s of secretValues(m.config.schema, config)) core.secrets.add(s);
  try {
    const def = (await loadEntry(e.dir)) as AnyPlugin;
    if (!def || typeof def.setup !== 'function' || def.manifest?.id !== e.id)
      throw new Error('index does not default-export definePlugin(manifest, …) for this manifest');
    e.def = def;
    e.handle = buildContext(def, config, {
      core,
      isActive,
      api: (d) => apis.get(d),
      provide: (d, a) => apis.set(d, a),
    });
    e.state = 'active';
    await def.setup(e.handle.ctx as never);
  } catch (err) {
    e.handle = undefined;
    core.bus.removeOwner(e.id);
    core.jobs.pause(e.id);
    core.queue.pause(e.id);
    apis.delete(e.id);
    core.log.error('plugin setup failed', { id: e.id, err });
    return { code: 'SETUP_FAILED', message: (err as Error).message };
  }
  return null;
}

export async function runHook(
  core: CoreServices,
  e: PluginEntry,
  name: 'onEnable' | 'onDisable',
): Promise<void> {
  try {
    await e.def?.[name]?.(e.handle!.ctx as never);
  } catch (err) {
    core.log.error(`plugin ${name} failed`, { id: e.id, err });
  }
}

/** Swaps a running plugin's config in place and tells its settings.onChange listeners (next, previous). */
export function pushConfig(core: CoreServices, e: PluginEntry, value: Record<string, unknown>): void {
  if (!e.handle) return;
  const { config, onChange } = e.handle;
  const prev = { ...config };
  for (const k of Object.keys(config)) delete config[k];
  Object.assign(config, value);
  for (const fn of onChange) {
    try {
      fn(config, prev);
    } catch (err) {
      core.log.error('settings.onChange failed', { id: e.id, err });
    }
  }
}

/** Aborts a set-up plugin's signal and runs its teardown. */
export async function tearDown(core: CoreServices, e: PluginEntry): Promise<void> {
  if (!e.handle) return;
  e.handle.abort.abort(new Error('server stopping'));
  try {
    await e.def?.teardown?.(e.handle.ctx as never);
  } catch (err) {
    core.log.error('plugin teardown failed', { id: e.id, err });
  }
}
