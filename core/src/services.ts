// The bundle of core services created at boot and shared by the HTTP shell, the plugin host and the CLI.
import type { Database } from 'bun:sqlite';
import type { AuthPlugin } from './auth/macro.ts';
import type { AuthService } from './auth/service.ts';
import type { LoginThrottle } from './auth/throttle.ts';
import type { CoreDb } from './db/open.ts';
import type { Env } from './env.ts';
import type { EventBus } from './events/bus.ts';
import type { RateLimiter } from './http/rate-limit.ts';
import type { JobScheduler } from './jobs/scheduler.ts';
import type { Logger, SecretRegistry } from './log/logger.ts';
import type { WorkQueue } from './queue/queue.ts';
import type { AuditLog, FeatureFlags, SettingsStore } from './settings/store.ts';

export interface CoreServices {
  env: Env;
  dataDir: string;
  log: Logger;
  secrets: SecretRegistry;
  sqlite: Database;
  db: CoreDb;
  bus: EventBus;
  jobs: JobScheduler;
  queue: WorkQueue;
  auth: AuthService;
  throttle: LoginThrottle;
  authPlugin: AuthPlugin;
  settings: SettingsStore;
  flags: FeatureFlags;
  audit: AuditLog;
  limits: RouteLimits;
  /** Readiness details contributed by plugins (`ctx.health.register`), keyed `<plugin>.<name>`. */
  health: Map<string, () => { ready: boolean; detail: string }>;
  startedAt: number;
}

/** Rate-limit policy by path prefix: exemptions (stream segments) and stricter limits (speed test). */
export interface RouteLimits {
  general: RateLimiter;
  exempt: string[];
  special: { prefix: string; limiter: RateLimiter }[];
}
