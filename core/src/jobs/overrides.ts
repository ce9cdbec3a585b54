// Admins' job schedules, kept in core settings so they outlive a restart and win over a plugin's own schedule.
import { eq } from 'drizzle-orm';
import type { CoreDb } from '../db/open.ts';
import { settings } from '../db/schema.ts';

const KEY = 'jobs.schedule-overrides';

export class ScheduleOverrides {
  private cache: Record<string, string> | null = null;

  constructor(private readonly db: CoreDb) {}

  private all(): Record<string, string> {
    if (!this.cache) {
      const row = this.db.select().from(settings).where(eq(settings.key, KEY)).get();
      this.cache = { ...((row?.value as Record<string, string> | undefined) ?? {}) };
    }
    return this.cache;
  }

  /** The admin's pattern for `pluginId:jobId`, if any. */
  get(key: string): string | undefined {
    return this.all()[key];
  }

  /** Stores a pattern, or with null forgets it. */
  set(key: string, cron: string | null): void {
    const next = { ...this.all() };
    if (cron) next[key] = cron;
    else delete next[key];
    const t = new Date().toISOString();
    this.db
      .insert(settings)
      .values({ key: KEY, value: next, updatedAt: t })
      .onConflictDoUpdate({ target: settings.key, set: { value: next, updatedAt: t } })
      .run();
    this.cache = next;
  }
}
