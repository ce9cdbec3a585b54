// /v1/health, /v1/settings, /v1/config, /v1/feature-flags, /v1/audit-logs, /v1/admin/dashboard.
import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import { Elysia, t } from 'elysia';
import { auditLogs, jobRuns, sessions } from '../db/schema.ts';
import { HttpError } from '../http/errors.ts';
import { decodeCursor, PageOf, PageQuery, toPage } from '../http/pagination.ts';
import type { PluginHost } from '../plugin-host/host.ts';
import type { CoreServices } from '../services.ts';
import { maskSecrets } from '../settings/config.ts';
import { ServerSettings } from '../settings/store.ts';

const PluginBrief = t.Object({ id: t.String(), state: t.String(), reason: t.Union([t.String(), t.Null()]) });
const Checks = t.Object({
  database: t.String(),
  plugins: t.Array(PluginBrief),
  components: t.Array(t.Object({ name: t.String(), ready: t.Boolean(), detail: t.String() })),
});
const Flag = t.Object({
  key: t.String(),
  description: t.String(),
  default: t.Boolean(),
  enabled: t.Boolean(),
  owner: t.String(),
});
const Audit = t.Object({
  id: t.String(),
  at: t.String(),
  actorId: t.Union([t.String(), t.Null()]),
  action: t.String(),
  target: t.Union([t.String(), t.Null()]),
  ip: t.Union([t.String(), t.Null()]),
  details: t.Union([t.Record(t.String(), t.Unknown()), t.Null()]),
});

export function systemRoutes(core: CoreServices, host: PluginHost, version: string) {
  const { db, settings, flags, audit } = core;
  const plugins = () => host.list().map((p) => ({ id: p.id, state: p.state, reason: p.reason }));
  return new Elysia({ name: 'core-system', tags: ['system'] })
    .use(core.authPlugin)
    .get(
      '/v1/health',
      ({ query, set }) => {
        if (query.probe !== 'ready')
          return { status: 'ok', version, uptimeSeconds: Math.round((Date.now() - core.startedAt) / 1000) };
        let database = 'ok';
        try {
          core.sqlite.query('SELECT 1').get();
        } catch (e) {
          database = (e as Error).message;
        }
        const ready = database === 'ok';
        if (!ready) set.status = 503;
        const components = [...core.health].map(([name, check]) => {
          try {
            return { name, ...check() };
          } catch (e) {
            return { name, ready: false, detail: (e as Error).message };
          }
        });
        return {
          status: ready ? 'ready' : 'not-ready',
          version,
          uptimeSeconds: Math.round((Date.now() - core.startedAt) / 1000),
          checks: { database, plugins: plugins(), components },
        };
      },
      {
        auth: 'public',
        query: t.Object({ probe: t.Optional(t.Union([t.Literal('live'), t.Literal('ready')])) }),
        response: {
          200: t.Object({
            status: t.String(),
            version: t.String(),
            uptimeSeconds: t.Number(),
            checks: t.Optional(Checks),
          }),
          503: t.Object({
            status: t.String(),
            version: t.String(),
            uptimeSeconds: t.Number(),
            checks: Checks,
          }),
        },
        detail: {
          summary:
            'Liveness (default) or readiness (?probe=ready: database, plugin states, plugin components)',
        },
      },
    )
    .get('/v1/settings', () => settings.server(), {
      auth: 'user',
      response: ServerSettings,
      detail: { summary: 'Server settings' },
    })
    .patch(
      '/v1/settings',
      ({ body, user }) => {
        const next = settings.updateServer(body);
        audit.record({
          action: 'admin.settings.updated',
          actorId: user.id,
          details: { fields: Object.keys(body) },
        });
        return next;
      },
      {
        auth: 'admin',
        body: t.Partial(t.Omit(ServerSettings, ['setupCompletedAt']), {
          additionalProperties: false,
          minProperties: 1,
        }),
        response: ServerSettings,
        detail: { summary: 'Update server settings' },
      },
    )
    .get(
      '/v1/config',
      () => ({
        server: settings.server(),
        environment: {
          port: core.env.BIJOU_PORT,
          dataDir: core.dataDir,
          rateLimitPerMinute: core.env.BIJOU_RATE_LIMIT,
          bodyLimitBytes: core.env.BIJOU_BODY_LIMIT,
          meilisearch: core.env.BIJOU_MEILI_URL ? 'configured' : 'not configured',
          mqtt: core.env.BIJOU_MQTT_URL ? 'configured' : 'not configured',
          ollama: core.env.BIJOU_OLLAMA_URL ? 'configured' : 'not configured',
        },
        plugins: Object.fromEntries(
          host
            .list()
            .filter((p) => p.manifest?.config)
            .map((p) => [
              p.id,
              maskSecrets(p.manifest!.config!.schema, p.handle?.config ?? host.storedConfig(p.id) ?? {}),
            ]),
        ),
        featureFlags: Object.fromEntries(flags.list().map((f) => [f.key, f.enabled])),
      }),
      {
        auth: 'admin',
        response: t.Object({
          server: ServerSettings,
          environment: t.Record(t.String(), t.Union([t.String(), t.Number()])),
          plugins: t.Record(t.String(), t.Record(t.String(), t.Unknown())),
          featureFlags: t.Record(t.String(), t.Boolean()),
        }),
        detail: {
          summary:
            'Unified configuration: server settings, environment (no secrets), plugin configs (masked), flags',
        },
      },
    )
    .get('/v1/feature-flags', () => ({ items: flags.list(), nextCursor: null }), {
      auth: 'user',
      response: t.Object({ items: t.Array(Flag), nextCursor: t.Null() }),
      detail: { summary: 'Feature flags' },
    })
    .patch(
      '/v1/feature-flags/:key',
      ({ params, body, user }) => {
        if (!flags.set(params.key, body.enabled)) throw new HttpError(404, 'Unknown feature flag');
        audit.record({
          action: 'admin.feature-flag.set',
          actorId: user.id,
          target: params.key,
          details: { enabled: body.enabled },
        });
        return flags.list().find((f) => f.key === params.key)!;
      },
      {
        auth: 'admin',
        params: t.Object({ key: t.String({ maxLength: 100 }) }),
        body: t.Object({ enabled: t.Boolean() }),
        response: Flag,
        detail: { summary: 'Toggle a feature flag' },
      },
    )
    .get(
      '/v1/audit-logs',
      ({ query }) => {
        const limit = query.limit ?? 20;
        const c = decodeCursor(query.cursor, 2) as [string, string] | null;
        const rows = db
          .select()
          .from(auditLogs)
          .where(
            and(
              query.action ? eq(auditLogs.action, query.action) : undefined,
              query.actorId ? eq(auditLogs.actorId, query.actorId) : undefined,
              c ? or(lt(auditLogs.at, c[0]), and(eq(auditLogs.at, c[0]), lt(auditLogs.id, c[1]))) : undefined,
            ),
          )
          .orderBy(desc(auditLogs.at), desc(auditLogs.id))
          .limit(limit + 1)
          .all();
        return toPage(rows, limit, (r) => [r.at, r.id]);
      },
      {
        auth: 'admin',
        query: t.Composite([
          PageQuery,
          t.Object({
            action: t.Optional(t.String({ maxLength: 100 })),
            actorId: t.Optional(t.String({ maxLength: 64 })),
          }),
        ]),
        response: PageOf(Audit),
        detail: { summary: 'Audit log of sign-ins and admin actions, newest first' },
      },
    )
    .get(
      '/v1/admin/dashboard',
      () => {
        const count = (q: string) => (core.sqlite.query(q).get() as { n: number }).n;
        return {
          users: count('SELECT COUNT(*) AS n FROM core_users'),
          activeSessions: db
            .select({ n: sql<number>`count(*)` })
            .from(sessions)
            .where(sql`${sessions.expiresAt} > ${new Date().toISOString()}`)
            .get()!.n,
          plugins: plugins(),
          runningJobs: db
            .select({ n: sql<number>`count(*)` })
            .from(jobRuns)
            .where(eq(jobRuns.state, 'running'))
            .get()!.n,
          queue: core.queue.stats(),
        };
      },
      {
        auth: 'admin',
        response: t.Object({
          users: t.Number(),
          activeSessions: t.Number(),
          plugins: t.Array(PluginBrief),
          runningJobs: t.Number(),
          queue: t.Record(t.String(), t.Record(t.String(), t.Number())),
        }),
        detail: { summary: 'Dashboard figures' },
      },
    );
}
