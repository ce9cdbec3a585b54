// Admin: plugins with their state and reason, enable/disable, and each plugin's settings form from its schema.
import { get, type Page, post, put } from '../api.ts';
import { actionButton, adminPage, pill } from '../components/admin.ts';
import type { JsonSchema } from '../components/schema-fields.ts';
import { schemaForm } from '../components/schema-form.ts';
import { h } from '../dom.ts';

interface Plugin {
  id: string;
  name: string | null;
  version: string | null;
  description: string | null;
  source: string;
  state: string;
  reason: string | null;
  permissions: string[];
  dependsOn: Record<string, string>;
  hasConfig: boolean;
}
interface ConfigView {
  schema: JsonSchema;
  value: Record<string, unknown>;
}

function settingsToggle(p: Plugin): HTMLElement | null {
  if (!p.hasConfig) return null;
  const box = h('div.plugin-settings');
  const details = h('details', {}, h('summary', {}, `Settings of ${p.name ?? p.id}`), box);
  let loaded = false;
  details.addEventListener('toggle', async () => {
    if (!details.open || loaded) return;
    loaded = true;
    box.replaceChildren(h('p.muted', {}, 'Loading…'));
    const cfg = await get<ConfigView>(`/v1/plugins/${p.id}/config`);
    box.replaceChildren(
      schemaForm(`Settings of ${p.name ?? p.id}`, cfg.schema, cfg.value, async (value) => {
        const saved = await put<ConfigView>(`/v1/plugins/${p.id}/config`, value);
        return saved.value;
      }),
    );
  });
  return details;
}

function pluginCard(p: Plugin, redraw: () => Promise<void>): HTMLElement {
  const on = p.state !== 'disabled';
  const toggle = actionButton(
    on ? 'Disable' : 'Enable',
    async () => {
      await post(`/v1/plugins/${p.id}/${on ? 'disable' : 'enable'}`);
      await redraw();
    },
    {
      ghost: on,
      name: `${on ? 'Disable' : 'Enable'} ${p.name ?? p.id}`,
      confirmText: on
        ? `Disable ${p.name ?? p.id}? Its pages and API stop answering until enabled.`
        : undefined,
    },
  );
  const deps = Object.keys(p.dependsOn);
  return h(
    'li.panel.plugin',
    { 'data-plugin': p.id },
    h(
      'div.row-head',
      {},
      h('h2', {}, p.name ?? p.id),
      pill(p.state),
      h('span.muted', {}, `${p.id} ${p.version ?? ''} · ${p.source}`),
      toggle,
    ),
    p.reason ? h('p.reason', {}, p.reason) : null,
    p.description ? h('p', {}, p.description) : null,
    h(
      'p.muted.small',
      {},
      `Permissions: ${p.permissions.join(', ') || 'none'}`,
      deps.length ? ` · Needs: ${deps.join(', ')}` : '',
    ),
    settingsToggle(p),
  );
}

export async function adminPluginsPage(): Promise<HTMLElement> {
  const list = h('ul.plain-list');
  const redraw = async () => {
    const { items } = await get<Page<Plugin>>('/v1/plugins');
    list.replaceChildren(...items.map((p) => pluginCard(p, redraw)));
  };
  await redraw();
  return adminPage(
    '/admin/plugins',
    'Plugins',
    h(
      'p.muted',
      {},
      'Every feature is a plugin. A plugin that fails never stops the server; its reason shows here.',
    ),
    list,
  );
}
