// Admin: who is playing what right now (mode, progress, client), with a button to end any session; kept live.
import { del, get, type Page } from '../api.ts';
import { actionButton, adminPage, pill, table, when } from '../components/admin.ts';
import { clock, h } from '../dom.ts';
import { subscribe } from '../events.ts';
import type { RouteContext } from '../router.ts';

interface Active {
  sessionId: string;
  userId: string;
  title: string;
  mode: string;
  quality: string | null;
  positionSeconds: number;
  durationSeconds: number;
  paused: boolean;
  client: string | null;
  startedAt: string;
  lastSeenAt: string;
}

export async function adminSessionsPage(ctx: RouteContext): Promise<HTMLElement> {
  const box = h('div');
  const names = new Map<string, string>();
  const redraw = async () => {
    const { items } = await get<Page<Active>>('/v1/playback/sessions/active');
    if (items.some((s) => !names.has(s.userId))) {
      const users = await get<Page<{ id: string; name: string }>>('/v1/admin/users?limit=100');
      for (const u of users.items) names.set(u.id, u.name);
    }
    const rows = items.map((s) => {
      const pct = s.durationSeconds ? Math.round((s.positionSeconds / s.durationSeconds) * 100) : 0;
      return [
        names.get(s.userId) ?? s.userId,
        h('strong', {}, s.title || 'Untitled'),
        h('span', {}, pill(s.mode), s.quality ? h('small.muted', {}, ` ${s.quality}`) : null),
        h(
          'div.job-state',
          {},
          h('progress', { max: 100, value: pct, 'aria-label': `Progress ${pct}%` }),
          h(
            'small.muted',
            {},
            `${clock(s.positionSeconds)} / ${clock(s.durationSeconds)}${s.paused ? ' · paused' : ''}`,
          ),
        ),
        s.client ?? 'unknown player',
        when(s.startedAt),
        actionButton(
          'End',
          async () => {
            await del(`/v1/playback/sessions/${s.sessionId}`);
            await redraw();
          },
          {
            danger: true,
            name: `End ${s.title} for ${names.get(s.userId) ?? 'this user'}`,
            confirmText: `Stop playing ${s.title}?`,
          },
        ),
      ];
    });
    box.replaceChildren(
      table(
        'Playing now',
        ['User', 'Title', 'Mode', 'Progress', 'Player', 'Started', ''],
        rows,
        'Nobody is playing anything right now.',
      ),
    );
  };
  await redraw();
  const timer = setInterval(() => void redraw(), 5000);
  const offs = ['playback.session.started', 'playback.session.ended'].map((n) =>
    subscribe(n, () => void redraw()),
  );
  ctx.onLeave(() => {
    clearInterval(timer);
    for (const off of offs) off();
  });
  return adminPage('/admin/sessions', 'Active sessions', box);
}
