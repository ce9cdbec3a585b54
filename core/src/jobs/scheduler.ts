// Croner schedules and ad-hoc runs: declared jobs and their schedules, overrun protection, running a handler with
// progress events, cancellation and pausing. The run history is run-history.ts; progress throttling progress-throttle.ts.
import { Cron } from 'croner';
import type { CoreDb } from '../db/open.ts';
import type { EventBus } from '../events/bus.ts';
import type { Logger } from '../log/logger.ts';
import { ScheduleOverrides } from './overrides.ts';
import { throttleProgress } from './progress-throttle.ts';
import { type JobTrigger, RunHistory } from './run-history.ts';

export type { JobTrigger };

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
  private readonly history: RunHistory;

  constructor(
    db: CoreDb,
    private readonly bus: EventBus,
    private readonly log: Logger,
  ) {
    this.overrides = new ScheduleOverrides(db);
    this.history = new RunHistory(db, log);
  }

  /** Marks runs left `running` by a killed process as interrupted. */
  recover(): void {
    this.history.recover();
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
          this.history.open(pluginId, jobId, opts, 'skipped', 'previous run still going');
        return { ok: false, reason: 'running', runId };
      }
    }
    const runId = this.history.open(pluginId, jobId, opts, 'running');
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

  private async execute(
    runId: string,
    handler: JobHandler,
    abort: AbortController,
    input: unknown,
    pluginId: string,
    jobId: string,
  ): Promise<void> {
    const log = this.log.child(pluginId);
    const progress = throttleProgress((p, note) => {
      this.history.keep(runId, { progress: p, note });
      this.bus.emit('core.job.progressed', { runId, pluginId, jobId, progress: p, note }, 'admin');
    });
    this.bus.emit('core.job.started', { runId, pluginId, jobId }, 'admin');
    let state: 'succeeded' | 'failed' | 'cancelled' = 'succeeded';
    let error: string | null = null;
    try {
      await handler({ runId, signal: abort.signal, input, progress: progress.report, log });
      if (abort.signal.aborted) state = 'cancelled';
    } catch (err) {
      state = abort.signal.aborted ? 'cancelled' : 'failed';
      error = err instanceof Error ? err.message : String(err);
      if (state === 'failed') log.error('job failed', { jobId, runId, err });
    }
    progress.close();
    this.running.delete(runId);
    const patch = {
      state,
      error,
      finishedAt: new Date().toISOString(),
      ...(state === 'succeeded' ? { progress: 1 } : {}),
    };
    this.history.keep(runId, patch);
    this.bus.emit('core.job.finished', { runId, pluginId, jobId, state, error }, 'admin');
  }
}
