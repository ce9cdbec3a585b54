// What the host records about one plugin (its entry and state) and the one place a state changes: logged and
// announced on the bus as core.plugin.state-changed.
import type { Manifest } from '../../sdk/manifest.ts';
import type { AnyPlugin } from '../../sdk/types.ts';
import type { CoreServices } from '../services.ts';
import type { ContextHandle } from './context.ts';
import type { Candidate } from './discover.ts';

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

/** Why a plugin is in its state: a coded error, or null when nothing is wrong. */
export type StateReason = { code: string; message: string } | null;

/** Sets a plugin's state and reason; a change (of state or reason) is logged and emitted for admins. */
export function markState(
  core: Pick<CoreServices, 'log' | 'bus'>,
  e: PluginEntry,
  state: PluginState,
  err: StateReason,
): void {
  const changed = e.state !== state || e.reason !== (err?.message ?? null);
  e.state = state;
  e.code = err?.code ?? null;
  e.reason = err?.message ?? null;
  if (state !== 'misconfigured') e.details = undefined;
  if (changed) {
    core.log.info('plugin state', { id: e.id, state, reason: e.reason });
    core.bus.emit('core.plugin.state-changed', { id: e.id, state, reason: e.reason }, 'admin');
  }
}
