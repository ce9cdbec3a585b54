// Croner schedules and ad-hoc runs: overrun protection, progress, cancellation and a recorded run history.
import { Cron } from 'croner';
import { eq } from 'drizzle-orm';
import { nanoid } from 'nanoid';
import type { CoreDb } from '../db/open.ts';
import { jobRuns } from '../db/schema.ts';
import type { EventBus } from '../events/bus.ts';
import type { Logger } from '../log/logger.ts';
import { ScheduleOverrides } from './overrides.ts';

/** What a job handler receives. */
export interface JobContext {
  runId: string;
  signal: AbortSignal;
  input: unknown;
  /** Reports progress as a fraction 0..1 with an optional human note. */
  progress(fraction: number, note?: string): void;
  log: Logger;
}
export type JobHandler = (ctx: JobContext) => unknown | Promise<unknown>;
export type JobTrigger = 'schedule' | 'manual' | 'api';
export type StartResult = { ok: true; runId: string } | { ok: false; reason: 'running'; runId: string };

interface Definition {
  pluginId: string;
  jobId: string;
  /** The schedule the plugin asked for (manifest, or a setting through ctx.jobs.schedule). */
  cron?: string;
  description: string;
  handler?: JobHandler;
  timer?: Cron;
}
interface Running {
  abort: AbortController;
  key: string;
  pluginId: string;
  jobId: string;
  done: Promise<void>;
}

export class JobScheduler {
  private readonly defs = new Map<string, Definition>();
  private readonly running = new Map<string, Running>();
  private readonly paused = new Set<string>();
  private readonly overrides: ScheduleOverrides;

  constructor(
    private readonly db: CoreDb,
    private readonly bus: EventBus,
    private readonly log: Logger,
  ) {
    this.overrides = new ScheduleOverrides(db);
  }

  /** Marks runs left `running` by a killed process as interrupted. */
  recover(): void {
    this.db
      .update(jobRuns)
      .set({ state: 'interrupted', finishedAt: new Date().toISOString() })
      .where(eq(jobRuns.state, 'running'))
      .run();
  }

  declare(pluginId: string, jobId: string, opts: { cron?: string; description: string }): void {
    this.defs.set(`${pluginId}:${jobId}`, { pluginId, jobId, ...opts });
  }

  handle(pluginId: string, jobId: string, handler: JobHandler): void {
    const def = this.defs.get(`${pluginId}:${jobId}`);
    if (!def) throw new Error(`JOB_UNDECLARED: ${pluginId} has no job "${jobId}" in its manifest`);
    def.handler = handler;
    this.arm(def);
  }

  /** Changes (or with null, removes) a job's schedule at runtime, e.g. from a plugin setting. Throws on a bad pattern. */
  reschedule(pluginId: string, jobId: string, cron: string | null): void {
    const def = this.defs.get(`${pluginId}:${jobId}`);
    if (!def) throw new Error(`JOB_UNDECLARED: ${pluginId} has no job "${jobId}" in its manifest`);
    if (cron) new Cron(cron, { paused: true }).stop();
    def.cron = cron ?? undefined;
    this.arm(def);
  }

  private effectiveCron(def: Definition): string | undefined {
    return this.overrides.get(`${def.pluginId}:${def.jobId}`) ?? def.cron;
  }

  /**
   * Sets (or with null, removes) an admin's schedule for a declared job. Returns false for an unknown job;
   * throws on a bad pattern.
   */
  override(pluginId: string, jobId: string, cron: string | null): boolean {
    const key = `${pluginId}:${jobId}`;
    const def = this.defs.get(key);
    if (!def) return false;
    if (cron) new Cron(cron, { paused: true }).stop();
    this.overrides.set(key, cron);
    this.arm(def);
    return true;
  }

  private arm(def: Definition): void {
    def.timer?.stop();
    def.timer = undefined;
    const cron = this.effectiveCron(def);
    if (!cron || !def.handler) return;
    const { pluginId, jobId } = def;
    def.timer = new Cron(cron, { protect: true, catch: true }, () => {
      if (!this.paused.has(pluginId)) this.start(pluginId, jobId, { trigger: 'schedule' });
    });
  }

  definitions() {
    return [...this.defs.values()].map((d) => ({
      pluginId: d.pluginId,
      jobId: d.jobId,
      cron: this.effectiveCron(d) ?? null,
      defaultCron: d.cron ?? null,
      overridden: this.overrides.get(`${d.pluginId}:${d.jobId}`) !== undefined,
      description: d.description,
      nextRunAt: d.timer?.nextRun()?.toISOString() ?? null,
      running: [...this.running.values()].some((r) => r.pluginId === d.pluginId && r.jobId === d.jobId),
    }));
  }

  /** Starts a declared job (or an ad-hoc one when `handler` is given); one run per job and key at a time. */
  start(
    pluginId: string,
    jobId: string,
    opts: { trigger: JobTrigger; key?: string; input?: unknown; handler?: JobHandler },
  ): StartResult {
    const handler = opts.handler ?? this.defs.get(`${pluginId}:${jobId}`)?.handler;
    if (!handler) throw new Error(`JOB_UNKNOWN: ${pluginId}:${jobId}`);
    const key = `${pluginId}:${jobId}:${opts.key ?? ''}`;
    for (const [runId, r] of this.running) {
      if (r.key === key) {
        if (opts.trigger === 'schedule')
          this.record(pluginId, jobId, opts, 'skipped', 'previous run still going');
        return { ok: false, reason: 'running', runId };
      }
    }
    const runId = this.record(pluginId, jobId, opts, 'running');
    const abort = new AbortController();
    const done = this.execute(runId, handler, abort, opts.input, pluginId, jobId);
    this.running.set(runId, { abort, key, pluginId, jobId, done });
    return { ok: true, runId };
  }

  isRunning(pluginId: string, jobId: string, key?: string): string | null {
    const k = `${pluginId}:${jobId}:${key ?? ''}`;
    for (const [runId, r] of this.running) if (r.key === k) return runId;
    return null;
  }

  cancel(runId: string): boolean {
    const r = this.running.get(runId);
    if (!r) return false;
    r.abort.abort(new Error('cancelled'));
    return true;
  }

  pause(pluginId: string): void {
    this.paused.add(pluginId);
    for (const r of this.running.values())
      if (r.pluginId === pluginId) r.abort.abort(new Error('plugin disabled'));
  }

  resume(pluginId: string): void {
    this.paused.delete(pluginId);
  }

  async stop(): Promise<void> {
    for (const d of this.defs.values()) d.timer?.stop();
    const pending = [...this.running.values()];
    for (const r of pending) r.abort.abort(new Error('server stopping'));
    await Promise.allSettled(pending.map((r) => r.done));
  }

  /**
   * Writes a run's progress or outcome. A failed write (the disk is full) is logged, not thrown: it would end the
   * process from a timer or after the job; the row stays `running` and is marked interrupted at the next start.
   */
  private keep(runId: string, patch: Partial<typeof jobRuns.$inferInsert>): void {
    try {
      this.db.update(jobRuns).set(patch).where(eq(jobRuns.id, runId)).run();
    } catch (err) {
      this.log.error('job run not recorded', { runId, err });
    }
  }

  private record(
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

  private async execute(
    runId: string,
    handler: JobHandler,
    abort: AbortController,
    input: unknown,
    pluginId: string,
    jobId: string,
  ): Promise<void> {
    const log = this.log.child(pluginId);
    // Progress is written at most every 250 ms; the latest report in between is kept and flushed, never lost.
    let lastWrite = 0;
    let finished = false;
    let pending: { p: number; note: string | null } | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const write = () => {
      timer = null;
      if (!pending || finished) return;
      const { p, note } = pending;
      pending = null;
      lastWrite = Date.now();
      this.keep(runId, { progress: p, note });
      this.bus.emit('core.job.progressed', { runId, pluginId, jobId, progress: p, note }, 'admin');
    };
    const progress = (fraction: number, note?: string) => {
      pending = { p: Math.max(0, Math.min(1, Number.isFinite(fraction) ? fraction : 0)), note: note ?? null };
      const wait = 250 - (Date.now() - lastWrite);
      if (wait <= 0 || pending.p >= 1) {
        if (timer) clearTimeout(timer);
        write();
      } else timer ??= setTimeout(write, wait);
    };
    this.bus.emit('core.job.started', { runId, pluginId, jobId }, 'admin');
    let state: 'succeeded' | 'failed' | 'cancelled' = 'succeeded';
    let error: string | null = null;
    try {
      await handler({ runId, signal: abort.signal, input, progress, log });
      if (abort.signal.aborted) state = 'cancelled';
    } catch (err) {
      state = abort.signal.aborted ? 'cancelled' : 'failed';
      error = err instanceof Error ? err.message : String(err);
      if (state === 'failed') log.error('job failed', { jobId, runId, err });
    }
    finished = true;
    if (timer) clearTimeout(timer);
    this.running.delete(runId);
    const patch = {
      state,
      error,
      finishedAt: new Date().toISOString(),
      ...(state === 'succeeded' ? { progress: 1 } : {}),
    };
    this.keep(runId, patch);
    this.bus.emit('core.job.finished', { runId, pluginId, jobId, state, error }, 'admin');
  }
}
