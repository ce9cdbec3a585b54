// Admin: the dashboard — server name, counts (users, sessions, running jobs, queues), plugin states and the
// readiness of the database and each plugin component.
import { get, patch } from '../api.ts';
import { adminPage, pill, table } from '../components/admin.ts';
import { asyncForm, field, h } from '../dom.ts';
import { state } from '../session.ts';

interface Dashboard {
  users: number;
  activeSessions: number;
  plugins: { id: string; state: string; reason: string | null }[];
  runningJobs: number;
  queue: Record<string, Record<string, number>>;
}
interface Health {
  status: string;
  version: string;
  uptimeSeconds: number;
  checks: {
    database: string;
    components: { name: string; ready: boolean; detail: string }[];
  };
}

function stat(label: string, value: number | string): HTMLElement {
  return h('div.stat.panel', {}, h('span.stat-value', {}, String(value)), h('span.muted', {}, label));
}

function uptime(s: number): string {
  const d = Math.floor(s / 86400);
  const hh = Math.floor((s % 86400) / 3600);
  const mm = Math.floor((s % 3600) / 60);
  return d ? `${d} d ${hh} h` : hh ? `${hh} h ${mm} min` : `${mm} min`;
}

async function readiness(): Promise<Health> {
  // 503 still carries the checks; read it either way.
  const res = await fetch('/v1/health?probe=ready', { credentials: 'same-origin' });
  return (await res.json()) as Health;
}

export async function adminDashboardPage(): Promise<HTMLElement> {
  const [d, health, settings] = await Promise.all([
    get<Dashboard>('/v1/admin/dashboard'),
    readiness(),
    get<{ serverName: string }>('/v1/settings'),
  ]);
  const active = d.plugins.filter((p) => p.state === 'active').length;
  const queued = Object.values(d.queue).reduce((n, q) => n + (q.pending ?? 0) + (q.running ?? 0), 0);
  const name = h('input', { name: 'serverName', required: true, value: settings.serverName, maxlength: 80 });
  const rename = asyncForm('Server name', [field('Server name', name)], 'Rename', async () => {
    const next = await patch<{ serverName: string }>('/v1/settings', { serverName: name.value.trim() });
    state.serverName = next.serverName;
  });
  const components = [
    ['database', health.checks.database === 'ok', health.checks.database] as const,
    ...health.checks.components.map((c) => [c.name, c.ready, c.detail] as const),
  ].map(([n, ready, detail]) => [h('strong', {}, n), pill(ready ? 'ready' : 'failed'), detail]);
  const broken = d.plugins
    .filter((p) => p.state !== 'active')
    .map((p) => [h('a', { href: '/admin/plugins' }, p.id), pill(p.state), p.reason ?? '']);
  return adminPage(
    '/admin',
    'Dashboard',
    h(
      'div.stats',
      {},
      stat('users', d.users),
      stat('signed-in sessions', d.activeSessions),
      stat(`plugins active of ${d.plugins.length}`, active),
      stat('jobs running', d.runningJobs),
      stat('queued work items', queued),
      stat(`up, version ${health.version}`, uptime(health.uptimeSeconds)),
    ),
    h('h2', {}, 'Readiness ', pill(health.status)),
    table('Readiness', ['Component', 'State', 'Detail'], components, 'No components report readiness.'),
    broken.length ? h('h2', {}, 'Plugins needing attention') : null,
    broken.length ? table('Plugins needing attention', ['Plugin', 'State', 'Reason'], broken, '') : null,
    h('h2', {}, 'Server'),
    rename,
  );
}
