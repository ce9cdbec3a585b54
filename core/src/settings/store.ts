// Server settings (key/value), feature flags and the audit log: small stores over core tables.
import { type Static, Type as T } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { eq } from 'drizzle-orm';
import { nanoid } from 'nanoid';
import type { CoreDb } from '../db/open.ts';
import { auditLogs, featureFlags, settings } from '../db/schema.ts';

export const ServerSettings = T.Object({
  serverName: T.String({ minLength: 1, maxLength: 80, default: 'Bijou' }),
  language: T.String({ minLength: 2, maxLength: 16, default: 'en' }),
  setupCompletedAt: T.Union([T.String(), T.Null()], { default: null, readOnly: true }),
});
export type ServerSettings = Static<typeof ServerSettings>;

export class SettingsStore {
  constructor(private readonly db: CoreDb) {}

  server(): ServerSettings {
    const row = this.db.select().from(settings).where(eq(settings.key, 'server')).get();
    return Value.Default(ServerSettings, structuredClone(row?.value ?? {})) as ServerSettings;
  }

  updateServer(patch: Partial<ServerSettings>): ServerSettings {
    const next = { ...this.server(), ...patch };
    const t = new Date().toISOString();
    this.db
      .insert(settings)
      .values({ key: 'server', value: next, updatedAt: t })
      .onConflictDoUpdate({ target: settings.key, set: { value: next, updatedAt: t } })
      .run();
    return next;
  }
}

export interface FlagDefinition {
  key: string;
  description: string;
  default: boolean;
  owner: string;
}

export class FeatureFlags {
  private readonly defs = new Map<string, FlagDefinition>();
  constructor(private readonly db: CoreDb) {}

  declare(def: FlagDefinition): void {
    this.defs.set(def.key, def);
  }

  isOn(key: string): boolean {
    const def = this.defs.get(key);
    const row = this.db.select().from(featureFlags).where(eq(featureFlags.key, key)).get();
    return row ? row.enabled : (def?.default ?? false);
  }

  list() {
    return [...this.defs.values()]
      .sort((a, b) => a.key.localeCompare(b.key))
      .map((d) => ({ ...d, enabled: this.isOn(d.key) }));
  }

  set(key: string, enabled: boolean): boolean {
    if (!this.defs.has(key)) return false;
    const t = new Date().toISOString();
    this.db
      .insert(featureFlags)
      .values({ key, enabled, updatedAt: t })
      .onConflictDoUpdate({ target: featureFlags.key, set: { enabled, updatedAt: t } })
      .run();
    return true;
  }
}

export interface AuditEntry {
  actorId?: string | null;
  action: string;
  target?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

export class AuditLog {
  constructor(private readonly db: CoreDb) {}

  record(e: AuditEntry): void {
    this.db
      .insert(auditLogs)
      .values({
        id: nanoid(),
        at: new Date().toISOString(),
        actorId: e.actorId ?? null,
        action: e.action,
        target: e.target ?? null,
        ip: e.ip ?? null,
        details: e.details ?? null,
      })
      .run();
  }
}
