// The host's rows in core_plugins: one per plugin it has seen (created enabled, without config, on first sight),
// holding the administrator's enabled flag and the stored config.
import { eq } from 'drizzle-orm';
import { plugins as pluginRows } from '../db/schema.ts';
import type { CoreServices } from '../services.ts';
import type { PluginEntry } from './entry.ts';

type Db = CoreServices['db'];
type PluginRow = typeof pluginRows.$inferSelect;

/** The plugin's row, inserted first when there is none. */
export function ensureRow(db: Db, e: PluginEntry): PluginRow {
  const existing = db.select().from(pluginRows).where(eq(pluginRows.id, e.id)).get();
  if (existing) return existing;
  const row = {
    id: e.id,
    enabled: true,
    config: null,
    configVersion: null,
    source: e.source,
    version: e.manifest?.version ?? null,
    hash: null,
    installedAt: null,
    updatedAt: new Date().toISOString(),
  };
  db.insert(pluginRows).values(row).run();
  return row;
}

/** Changes the plugin's (existing) row, stamping updatedAt. */
export function updateRow(
  db: Db,
  id: string,
  set: Pick<Partial<PluginRow>, 'enabled' | 'config' | 'configVersion'>,
) {
  db.update(pluginRows)
    .set({ ...set, updatedAt: new Date().toISOString() })
    .where(eq(pluginRows.id, id))
    .run();
}

export function readStoredConfig(db: Db, id: string): Record<string, unknown> | null {
  return db.select().from(pluginRows).where(eq(pluginRows.id, id)).get()?.config ?? null;
}
