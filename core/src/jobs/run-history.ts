// The recorded run history of jobs (the core job_runs table): opening a run, writing its progress and outcome, and
// marking runs a killed process left behind.
import { eq } from 'drizzle-orm';
import { nanoid } from 'nanoid';
import type { CoreDb } from '../db/open.ts';
import { jobRuns } from '../db/schema.ts';
import type { Logger } from '../log/logger.ts';

export type JobTrigger = 'schedule' | 'manual' | 'api';

export class RunHistory {
  constructor(
    private readonly db: CoreDb,
    private readonly log: Logger,
  ) {}

  /** Marks runs left `running` by a killed process as interrupted. */
  recover(): void {
    this.db
      .update(jobRuns)
      .set({ state: 'interrupted', finishedAt: new Date().toISOString() })
      .where(eq(jobRuns.state, 'running'))
      .run();
  }

  /** Records a new run (`skipped` ones are finished at once) and returns its id. */
  open(
    pluginId: string,
    jobId: string,
    opts: { trigger: JobTrigger; key?: string },
    state: 'running' | 'skipped',
    note?: string,
  ): string {
    const id = nanoid();
    const now = new Date().toISOString();
    this.db
      .insert(jobRuns)
      .values({
        id,
        pluginId,
        jobId,
        key: opts.key ?? null,
        trigger: opts.trigger,
        state,
        note,
        startedAt: now,
        finishedAt: state === 'skipped' ? now : null,
      })
      .run();
    return id;
  }

  /**
   * Writes a run's progress or outcome. A failed write (the disk is full) is logged, not thrown: it would end the
   * process from a timer or after the job; the row stays `running` and is marked interrupted at the next start.
   */
  keep(runId: string, patch: Partial<typeof jobRuns.$inferInsert>): void {
    try {
      this.db.update(jobRuns).set(patch).where(eq(jobRuns.id, runId)).run();
    } catch (err) {
      this.log.error('job run not recorded', { runId, err });
    }
  }
}
