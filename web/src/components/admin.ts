// The admin area frame: the admin sub-navigation, the "not allowed" page for non-admins, and small shared pieces
// (tables, state pills, buttons that run an action and report failure, dates in words).
import { errorBox, h, message } from '../dom.ts';
import type { PageRender } from '../router.ts';
import { state } from '../session.ts';

export const ADMIN_SECTIONS: [path: string, label: string][] = [
  ['/admin', 'Dashboard'],
  ['/admin/libraries', 'Libraries'],
  ['/admin/users', 'Users'],
  ['/admin/api-keys', 'API keys'],
  ['/admin/plugins', 'Plugins'],
  ['/admin/jobs', 'Jobs'],
  ['/admin/transcoding', 'Transcoding'],
  ['/admin/sessions', 'Sessions'],
];

function notAllowed(): HTMLElement {
  return h(
    'section.page.narrow',
    {},
    h('h1', {}, 'Not allowed'),
    h('p', {}, 'This part of Bijou is for administrators. Ask an admin of this server if you need a change.'),
    h('p', {}, h('a', { href: '/' }, 'Go home')),
  );
}

/** Wraps an admin page: users who are not admins get the "not allowed" page instead (the API refuses them too). */
export function adminOnly(render: PageRender): PageRender {
  return (ctx) => (state.user?.role === 'admin' ? render(ctx) : notAllowed());
}

/** An admin page: sub-navigation with the current section marked, then the title and content. */
export function adminPage(path: string, title: string, ...content: (Node | null | false)[]): HTMLElement {
  const nav = h(
    'nav.admin-nav',
    { 'aria-label': 'Admin' },
    ...ADMIN_SECTIONS.map(([href, label]) =>
      h('a', { href, 'aria-current': href === path ? 'page' : null }, label),
    ),
  );
  return h('section.page.admin', {}, nav, h('div.admin-body', {}, h('h1', {}, title), ...content));
}

/** A table with a caption for screen readers; rows are arrays of cells (labelled by column for phone layouts). */
export function table(
  caption: string,
  heads: string[],
  rows: (Node | string)[][],
  empty: string,
): HTMLElement {
  if (!rows.length) return h('p.muted', {}, empty);
  return h(
    'div.table-wrap',
    {},
    h(
      'table',
      {},
      h('caption.sr-only', {}, caption),
      h('thead', {}, h('tr', {}, ...heads.map((x) => h('th', { scope: 'col' }, x)))),
      h(
        'tbody',
        {},
        ...rows.map((r) => h('tr', {}, ...r.map((c, i) => h('td', { 'data-label': heads[i] || null }, c)))),
      ),
    ),
  );
}

const GOOD = new Set(['active', 'ready', 'succeeded', 'ok', 'true', 'yes', 'works']);
const BAD = new Set(['failed', 'misconfigured', 'blocked', 'invalid', 'incompatible', 'error', 'no']);

/** A coloured label for a state word (green for good, red for broken, grey otherwise). */
export function pill(text: string): HTMLElement {
  const tone = GOOD.has(text) ? 'good' : BAD.has(text) ? 'bad' : 'neutral';
  return h(`span.pill.${tone}`, {}, text);
}

/**
 * A button that runs `action`: disabled while it runs, asks `confirmText` first when given, and shows a failure
 * in `status` (or next to itself).
 */
export function actionButton(
  label: string,
  action: () => Promise<unknown>,
  opts: { confirmText?: string; danger?: boolean; ghost?: boolean; status?: HTMLElement; name?: string } = {},
): HTMLButtonElement {
  const cls = opts.danger ? 'button.danger' : opts.ghost ? 'button.ghost' : 'button';
  const b = h(cls as 'button', { type: 'button', 'aria-label': opts.name ?? null }, label);
  b.addEventListener('click', async () => {
    if (opts.confirmText && !window.confirm(opts.confirmText)) return;
    const out = opts.status ?? b.parentElement;
    out?.querySelector(':scope > .error')?.remove();
    b.disabled = true;
    try {
      await action();
    } catch (e) {
      out?.append(errorBox(message(e)));
    } finally {
      b.disabled = false;
    }
  });
  return b;
}

/** An ISO time as a short local date and time, or a dash. */
export function when(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Re-renders `el`'s content with `draw` now and whenever the returned function is called. */
export function live(el: HTMLElement, draw: () => Promise<(Node | string | null)[]>): () => Promise<void> {
  const redraw = async () => {
    try {
      el.replaceChildren(...(await draw()).filter((x): x is Node | string => x !== null));
    } catch (e) {
      el.replaceChildren(errorBox(message(e)));
    }
  };
  return redraw;
}
