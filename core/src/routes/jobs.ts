// /v1/jobs: declared jobs with schedules, run history with progress, manual trigger and cancellation.
import { and, desc, eq, lt, or } from 'drizzle-orm';
import { Elysia, t } from 'elysia';
import { jobRuns } from '../db/schema.ts';
import { HttpError } from '../http/errors.ts';
import { decodeCursor, PageOf, PageQuery, toPage } from '../http/pagination.ts';
import type { PluginHost } from '../plugin-host/host.ts';
import type { CoreServices } from '../services.ts';

const Run = t.Object({
  id: t.String(),
  pluginId: t.String(),
  jobId: t.String(),
  key: t.Union([t.String(), t.Null()]),
  trigger: t.String(),
  state: t.String(),
  progress: t.Number(),
  note: t.Union([t.String(), t.Null()]),
  error: t.Union([t.String(), t.Null()]),
  startedAt: t.String(),
  finishedAt: t.Union([t.String(), t.Null()]),
});
const Definition = t.Object({
  pluginId: t.String(),
  jobId: t.String(),
  cron: t.Union([t.String(), t.Null()], { description: 'The schedule in force' }),
  defaultCron: t.Union([t.String(), t.Null()], { description: 'The schedule the plugin asks for' }),
  overridden: t.Boolean({ description: 'An admin replaced the plugin’s schedule' }),
  description: t.String(),
  nextRunAt: t.Union([t.String(), t.Null()]),
  running: t.Boolean(),
  lastRun: t.Union([Run, t.Null()]),
});

export function jobRoutes(core: CoreServices, host: PluginHost) {
  const { db, jobs } = core;
  const getRun = (id: string) => {
    const r = db.select().from(jobRuns).where(eq(jobRuns.id, id)).get();
    if (!r) throw new HttpError(404, 'Job run not found');
    return r;
  };
  const lastRun = (pluginId: string, jobId: string) =>
    db
      .select()
      .from(jobRuns)
      .where(and(eq(jobRuns.pluginId, pluginId), eq(jobRuns.jobId, jobId)))
      .orderBy(desc(jobRuns.startedAt), desc(jobRuns.id))
      .get() ?? null;
  const definitions = () => jobs.definitions().map((d) => ({ ...d, lastRun: lastRun(d.pluginId, d.jobId) }));
  return new Elysia({ name: 'core-jobs', prefix: '/v1/jobs', tags: ['jobs'] })
    .use(core.authPlugin)
    .get('', () => ({ items: definitions(), nextCursor: null }), {
      auth: 'admin',
      response: t.Object({ items: t.Array(Definition), nextCursor: t.Null() }),
      detail: { summary: 'Declared jobs with their schedules and last run' },
    })
    .put(
      '/:pluginId/:jobId/schedule',
      ({ params, body, user }) => {
        let known: boolean;
        try {
          known = jobs.override(params.pluginId, params.jobId, body.cron?.trim() || null);
        } catch (e) {
          throw new HttpError(422, 'Validation error', {}, [
            { path: 'body.cron', message: `Not a valid cron pattern: ${(e as Error).message}` },
          ]);
        }
        if (!known) throw new HttpError(404, 'Job not found');
        core.audit.record({
          action: 'admin.job.rescheduled',
          actorId: user.id,
          target: `${params.pluginId}:${params.jobId}`,
          details: { cron: body.cron },
        });
        return definitions().find((d) => d.pluginId === params.pluginId && d.jobId === params.jobId)!;
      },
      {
        auth: 'admin',
        params: t.Object({ pluginId: t.String({ maxLength: 64 }), jobId: t.String({ maxLength: 64 }) }),
        body: t.Object({
          cron: t.Union([t.String({ maxLength: 100 }), t.Null()], {
            description:
              'A cron pattern (five or six fields); null or empty goes back to the plugin’s schedule',
          }),
        }),
        response: Definition,
        detail: { summary: 'Change a job’s schedule (kept across restarts)' },
      },
    )
    .get(
      '/runs',
      ({ query }) => {
        const limit = query.limit ?? 20;
        const c = decodeCursor(query.cursor, 2) as [string, string] | null;
        const rows = db
          .select()
          .from(jobRuns)
          .where(
            and(
              query.pluginId ? eq(jobRuns.pluginId, query.pluginId) : undefined,
              query.jobId ? eq(jobRuns.jobId, query.jobId) : undefined,
              query.state ? eq(jobRuns.state, query.state as never) : undefined,
              c
                ? or(lt(jobRuns.startedAt, c[0]), and(eq(jobRuns.startedAt, c[0]), lt(jobRuns.id, c[1])))
                : undefined,
            ),
          )
          .orderBy(desc(jobRuns.startedAt), desc(jobRuns.id))
          .limit(limit + 1)
          .all();
        return toPage(rows, limit, (r) => [r.startedAt, r.id]);
      },
      {
        auth: 'admin',
        query: t.Composite([
          PageQuery,
          t.Object({
            pluginId: t.Optional(t.String({ maxLength: 64 })),
            jobId: t.Optional(t.String({ maxLength: 64 })),
            state: t.Optional(
              t.Union(
                ['running', 'succeeded', 'failed', 'cancelled', 'interrupted', 'skipped'].map((s) =>
                  t.Literal(s),
                ),
              ),
            ),
          }),
        ]),
        response: PageOf(Run),
        detail: { summary: 'Run history, newest first' },
      },
    )
    .get('/runs/:id', ({ params }) => getRun(params.id), {
      auth: 'admin',
      params: t.Object({ id: t.String({ maxLength: 64 }) }),
      response: Run,
      detail: { summary: 'One run with progress' },
    })
    .post(
      '/runs/:id/cancel',
      ({ params, user }) => {
        const r = getRun(params.id);
        if (!jobs.cancel(r.id)) throw new HttpError(409, `Run is ${r.state}, not running`);
        core.audit.record({ action: 'admin.job.cancelled', actorId: user.id, target: r.id });
        return { ok: true };
      },
      {
        auth: 'admin',
        params: t.Object({ id: t.String({ maxLength: 64 }) }),
        response: t.Object({ ok: t.Boolean() }),
        detail: { summary: 'Cancel a running job' },
      },
    )
    .post(
      '/:pluginId/:jobId/trigger',
      ({ params, user, set }) => {
        const def = jobs
          .definitions()
          .find((d) => d.pluginId === params.pluginId && d.jobId === params.jobId);
        if (!def) throw new HttpError(404, 'Job not found');
        if (!host.isActive(params.pluginId))
          throw new HttpError(503, `Plugin "${params.pluginId}" is not active`);
        let r: ReturnType<typeof jobs.start>;
        try {
          r = jobs.start(params.pluginId, params.jobId, { trigger: 'manual' });
        } catch {
          throw new HttpError(409, 'This job has no handler');
        }
        if (!r.ok) throw new HttpError(409, `Already running as ${r.runId}`);
        core.audit.record({
          action: 'admin.job.triggered',
          actorId: user.id,
          target: `${params.pluginId}:${params.jobId}`,
        });
        set.status = 202;
        return { runId: r.runId };
      },
      {
        auth: 'admin',
        params: t.Object({ pluginId: t.String({ maxLength: 64 }), jobId: t.String({ maxLength: 64 }) }),
        response: { 202: t.Object({ runId: t.String() }) },
        detail: { summary: 'Run a job now (409 while it runs)' },
      },
    );
}
