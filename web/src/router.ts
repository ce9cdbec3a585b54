// Client-side router over the History API: patterns like /movie/:id, link interception, and per-page cleanup.

export interface RouteContext {
  params: Record<string, string>;
  query: URLSearchParams;
  /** Registers work to undo when the user leaves the page (timers, streams, players). */
  onLeave(fn: () => void | Promise<void>): void;
}

export type PageRender = (ctx: RouteContext) => Promise<HTMLElement> | HTMLElement;

interface Route {
  parts: string[];
  render: PageRender;
}

const routes: Route[] = [];
let leaving: (() => void | Promise<void>)[] = [];
let outlet: HTMLElement | null = null;
let guard: (path: string) => Promise<string | null> = async () => null;
let seq = 0;

export function route(pattern: string, render: PageRender): void {
  routes.push({ parts: pattern.split('/').filter(Boolean), render });
}

function match(path: string): { route: Route; params: Record<string, string> } | null {
  const parts = path.split('/').filter(Boolean);
  for (const r of routes) {
    if (r.parts.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = r.parts.every((p, i) => {
      if (p.startsWith(':')) {
        params[p.slice(1)] = decodeURIComponent(parts[i]);
        return true;
      }
      return p === parts[i];
    });
    if (ok) return { route: r, params };
  }
  return null;
}

/** Navigates to a path inside the app (pushes history unless `replace`). */
export function navigate(to: string, replace = false): void {
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  void render();
}

async function render(): Promise<void> {
  const mine = ++seq;
  const old = leaving;
  leaving = [];
  await Promise.all(old.map((fn) => Promise.resolve(fn()).catch(() => {})));
  const redirect = await guard(location.pathname);
  if (redirect && redirect !== location.pathname) {
    history.replaceState(null, '', redirect);
  }
  const found = match(location.pathname);
  const ctx: RouteContext = {
    params: found?.params ?? {},
    query: new URLSearchParams(location.search),
    onLeave: (fn) => leaving.push(fn),
  };
  let page: HTMLElement;
  try {
    page = found ? await found.route.render(ctx) : notFound();
  } catch (e) {
    page = failedPage(e);
  }
  if (mine !== seq || !outlet) return;
  outlet.replaceChildren(page);
  window.scrollTo(0, 0);
  const heading = page.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
    document.title = `${heading.textContent} · Bijou`;
  }
}

function notFound(): HTMLElement {
  const s = document.createElement('section');
  s.className = 'page';
  s.innerHTML =
    '<h1>Page not found</h1><p class="muted">This address does not lead anywhere in Bijou.</p><p><a class="button" href="/">Go home</a></p>';
  return s;
}

/** A page that could not load: a 404 in words (removed, or hidden for this profile), else the error and a retry. */
function failedPage(e: unknown): HTMLElement {
  const status = (e as { status?: number }).status;
  const s = document.createElement('section');
  s.className = 'page';
  const title = document.createElement('h1');
  const text = document.createElement('p');
  if (status === 404) {
    title.textContent = 'Not found';
    text.className = 'muted';
    text.textContent = 'This title is not in the library any more, or this profile may not see it.';
  } else {
    title.textContent = 'Something went wrong';
    text.className = 'error';
    text.setAttribute('role', 'alert');
    text.textContent = e instanceof Error ? e.message : String(e);
  }
  const actions = document.createElement('p');
  actions.className = 'actions';
  if (status !== 404) {
    const retry = document.createElement('button');
    retry.type = 'button';
    retry.textContent = 'Try again';
    retry.addEventListener('click', () => void render());
    actions.append(retry);
  }
  const home = document.createElement('a');
  home.className = status === 404 ? 'button' : 'button ghost';
  home.href = '/';
  home.textContent = 'Go home';
  actions.append(home);
  s.append(title, text, actions);
  return s;
}

/** Starts routing into `el`; `check` may redirect (setup, sign-in) before a page renders. */
export function start(el: HTMLElement, check: typeof guard): void {
  outlet = el;
  guard = check;
  document.addEventListener('click', (e) => {
    const a = (e.target as Element).closest?.('a');
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    const href = a.getAttribute('href');
    if (!href?.startsWith('/') || href.startsWith('//') || a.target || a.hasAttribute('download')) return;
    if (/^\/(v1|api|docs)(\/|$)/.test(href)) return;
    e.preventDefault();
    navigate(href);
  });
  window.addEventListener('popstate', () => void render());
  void render();
}

export function refresh(): void {
  void render();
}
