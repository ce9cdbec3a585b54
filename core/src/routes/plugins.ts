// /v1/plugins: states, versions, permissions, config schema, get/put config (secrets masked), enable/disable, install.
import { Elysia, t } from 'elysia';
import { HttpError } from '../http/errors.ts';
import { inputShape, unknownFields } from '../http/input-shape.ts';
import type { PluginEntry } from '../plugin-host/entry.ts';
import type { PluginHost } from '../plugin-host/host.ts';
import type { PluginInstaller } from '../plugin-host/install.ts';
import type { CoreServices } from '../services.ts';
import { maskSecrets, mergeSecrets } from '../settings/config.ts';

const Plugin = t.Object({
  id: t.String(),
  name: t.Union([t.String(), t.Null()]),
  version: t.Union([t.String(), t.Null()]),
  description: t.Union([t.String(), t.Null()]),
  source: t.String(),
  state: t.String(),
  reason: t.Union([t.String(), t.Null()]),
  code: t.Union([t.String(), t.Null()]),
  permissions: t.Array(t.String()),
  dependsOn: t.Record(t.String(), t.String()),
  after: t.Array(t.String()),
  routes: t.Array(t.String()),
  jobs: t.Array(t.Object({ id: t.String(), cron: t.Optional(t.String()), description: t.String() })),
  hasConfig: t.Boolean(),
});
const ConfigView = t.Object({
  schema: t.Unknown(),
  value: t.Record(t.String(), t.Unknown()),
  version: t.Number(),
});
const IdParam = t.Object({ id: t.String({ maxLength: 64 }) });

function view(p: PluginEntry) {
  const m = p.manifest;
  return {
    id: p.id,
    name: m?.name ?? null,
    version: m?.version ?? null,
    description: m?.description ?? null,
    source: p.source,
    state: p.state,
    reason: p.reason,
    code: p.code,
    permissions: [...(m?.permissions ?? [])],
    dependsOn: { ...(m?.dependsOn ?? {}) },
    after: [...(m?.after ?? [])],
    routes: [...(m?.routes ?? [])],
    jobs: (m?.jobs ?? []).map((j) => ({ ...j })),
    hasConfig: !!m?.config,
  };
}

export function pluginRoutes(core: CoreServices, host: PluginHost, installer: PluginInstaller) {
  const get = (id: string) => {
    const p = host.entries.get(id);
    if (!p) throw new HttpError(404, 'Plugin not found');
    return p;
  };
  const configOf = (p: PluginEntry) => {
    const cfg = p.manifest?.config;
    if (!cfg) throw new HttpError(404, 'This plugin has no settings');
    return {
      schema: cfg.schema,
      value: maskSecrets(cfg.schema, p.handle?.config ?? host.storedConfig(p.id) ?? {}),
      version: cfg.version,
    };
  };
  return new Elysia({ name: 'core-plugins', prefix: '/v1/plugins', tags: ['plugins'] })
    .use(core.authPlugin)
    .get('', () => ({ items: host.list().map(view), nextCursor: null }), {
      auth: 'admin',
      response: t.Object({ items: t.Array(Plugin), nextCursor: t.Null() }),
      detail: { summary: 'Plugins with state, version, permissions' },
    })
    .get('/:id', ({ params }) => view(get(params.id)), {
      auth: 'admin',
      params: IdParam,
      response: Plugin,
      detail: { summary: 'One plugin' },
    })
    .get('/:id/config', ({ params }) => configOf(get(params.id)), {
      auth: 'admin',
      params: IdParam,
      response: ConfigView,
      detail: { summary: 'Config schema and current values (secrets masked)' },
    })
    .put(
      '/:id/config',
      async ({ params, body, user }) => {
        const p = get(params.id);
        const cfg = p.manifest?.config;
        if (!cfg) throw new HttpError(404, 'This plugin has no settings');
        // The body is the plugin's own schema, known only here: a misspelt setting is a 422, not stored unread.
        const unknown = unknownFields(body, inputShape(cfg.schema, 'body'), 'body');
        if (unknown.length) throw new HttpError(422, 'Validation error', {}, unknown);
        const merged = mergeSecrets(cfg.schema, body, p.handle?.config ?? host.storedConfig(p.id));
        const errors = await host.setConfig(p.id, merged);
        // Paths as every other 422 gives them: `body.<field>`.
        if (errors)
          throw new HttpError(
            422,
            'Validation error',
            {},
            errors.map((e) => ({ ...e, path: e.path ? `body.${e.path}` : 'body' })),
          );
        core.audit.record({
          action: 'admin.plugin.config.updated',
          actorId: user.id,
          target: p.id,
          details: { fields: Object.keys(body) },
        });
        return configOf(p);
      },
      {
        auth: 'admin',
        params: IdParam,
        body: t.Record(t.String(), t.Unknown()),
        response: ConfigView,
        detail: { summary: 'Replace config; send the mask back to keep a secret' },
      },
    )
    .post(
      '/:id/enable',
      async ({ params, user }) => {
        const p = get(params.id);
        if (p.state === 'invalid' || p.state === 'incompatible')
          throw new HttpError(409, `Plugin is ${p.state}: ${p.reason}`);
        await host.setEnabled(p.id, true);
        core.audit.record({ action: 'admin.plugin.enabled', actorId: user.id, target: p.id });
        return view(p);
      },
      { auth: 'admin', params: IdParam, response: Plugin, detail: { summary: 'Enable a plugin' } },
    )
    .post(
      '/:id/disable',
      async ({ params, user }) => {
        const p = get(params.id);
        await host.setEnabled(p.id, false);
        core.audit.record({ action: 'admin.plugin.disabled', actorId: user.id, target: p.id });
        return view(p);
      },
      {
        auth: 'admin',
        params: IdParam,
        response: Plugin,
        detail: { summary: 'Disable a plugin (its routes answer 503)' },
      },
    )
    .post(
      '/install',
      async ({ body, user, set }) => {
        const r = await installer.install(body.path, { acceptPermissions: body.acceptPermissions });
        if (!r.ok) throw new HttpError(r.status, r.error, {}, r.details);
        await host.loadOne(r.candidate);
        core.audit.record({
          action: 'admin.plugin.installed',
          actorId: user.id,
          target: r.id,
          details: { version: r.version, hash: r.hash },
        });
        set.status = 201;
        return view(get(r.id));
      },
      {
        auth: 'admin',
        body: t.Object({
          path: t.String({
            minLength: 1,
            maxLength: 4096,
            description: 'Folder on the server holding the plugin',
          }),
          acceptPermissions: t.Array(t.String(), {
            description: 'Must list every permission the manifest asks for',
          }),
        }),
        response: { 201: Plugin },
        detail: { summary: 'Install a third-party plugin from a folder on the server' },
      },
    );
}
