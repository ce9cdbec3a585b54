// The top bar: brand, navigation, the search box with live suggestions, and the account menu (sign out).
import { ApiError, get, post, type SearchHit } from './api.ts';
import { itemHref } from './components/links.ts';
import { h } from './dom.ts';
import { navigate } from './router.ts';
import { onSessionChange, setUser, state } from './session.ts';

/** The search form: suggestions appear after a short pause; arrows move through them, Enter opens. */
function searchBox(): HTMLElement {
  const input = h('input', {
    type: 'search',
    name: 'q',
    placeholder: 'Search movies and shows',
    'aria-label': 'Search',
    autocomplete: 'off',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-controls': 'suggestions',
    'aria-expanded': 'false',
  });
  const list = h('ul.suggestions', { id: 'suggestions', role: 'listbox', hidden: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let active = -1;
  let asked = 0;
  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  };
  const mark = () => {
    for (const [i, li] of [...list.children].entries())
      li.setAttribute('aria-selected', String(i === active));
  };
  const suggest = async () => {
    const q = input.value.trim();
    const mine = ++asked;
    if (q.length < 2) return close();
    try {
      const { items } = await get<{ items: SearchHit[] }>(
        `/v1/search/suggestions?q=${encodeURIComponent(q)}`,
      );
      if (mine !== asked) return;
      list.replaceChildren(
        ...items.map((s) => {
          const href = itemHref(s.type, s.id) ?? `/search?q=${encodeURIComponent(s.text ?? '')}`;
          return h(
            'li',
            { role: 'option' },
            h('a', { href, tabindex: '-1', onclick: close }, s.text ?? '', h('small', {}, ` ${s.type}`)),
          );
        }),
      );
      list.hidden = items.length === 0;
      input.setAttribute('aria-expanded', String(items.length > 0));
      active = -1;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      close();
    }
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, 150);
  });
  input.addEventListener('keydown', (e) => {
    const n = list.children.length;
    if (e.key === 'ArrowDown' && n) {
      active = (active + 1) % n;
      mark();
      e.preventDefault();
    } else if (e.key === 'ArrowUp' && n) {
      active = (active - 1 + n) % n;
      mark();
      e.preventDefault();
    } else if (e.key === 'Escape') close();
    else if (e.key === 'Enter' && active >= 0 && !list.hidden) {
      e.preventDefault();
      const a = list.children[active].querySelector('a')!;
      close();
      navigate(a.getAttribute('href')!);
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 200));
  const form = h('form.search', { role: 'search' }, input, list);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    close();
    const q = input.value.trim();
    if (q) navigate(`/search?q=${encodeURIComponent(q)}`);
  });
  return form;
}

/** On phones the navigation folds behind a Menu button; it closes again after a page change. */
function menuToggle(nav: HTMLElement): HTMLButtonElement {
  const b = h(
    'button.ghost.menu-toggle',
    { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'main-nav' },
    'Menu',
  );
  const set = (open: boolean) => {
    b.setAttribute('aria-expanded', String(open));
    nav.classList.toggle('open', open);
  };
  b.addEventListener('click', () => set(!nav.classList.contains('open')));
  nav.addEventListener('click', (e) => {
    if ((e.target as Element).closest('a')) set(false);
  });
  window.addEventListener('popstate', () => set(false));
  return b;
}

export function header(): HTMLElement {
  const nav = h('nav.nav', { 'aria-label': 'Main', id: 'main-nav' });
  const toggle = menuToggle(nav);
  const bar = h('header.topbar', {}, h('a.brand', { href: '/' }, 'Bijou'), toggle, nav);
  const draw = () => {
    const u = state.user;
    toggle.hidden = !u;
    if (!u) {
      nav.replaceChildren();
      return;
    }
    const signOut = h('button.ghost', { type: 'button' }, 'Sign out');
    signOut.addEventListener('click', async () => {
      await post('/api/auth/sign-out').catch(() => {});
      setUser(null);
      navigate('/signin', true);
    });
    nav.replaceChildren(
      h('a', { href: '/' }, 'Home'),
      ...(u.role === 'admin' ? [h('a', { href: '/admin' }, 'Admin')] : []),
      searchBox(),
      h('span.user', { title: u.email }, u.name),
      signOut,
    );
  };
  onSessionChange(draw);
  draw();
  return bar;
}
