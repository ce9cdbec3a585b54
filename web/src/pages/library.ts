// A library as a poster grid of movies or shows: sort, genre (the library's genres with counts), decade, resolution
// and watched filters (kept in the URL; choices and query in filters.ts), watched badges, the next page loading
// as the end scrolls into view, and what a scan of the library finishing meanwhile found.
import { get, type Item, type Library, type Page } from '../api.ts';
import { itemCard } from '../components/cards.ts';
import { refreshOnScan } from '../components/scan-refresh.ts';
import { errorBox, h, message } from '../dom.ts';
import {
  decadeOptions,
  isFiltered,
  listQuery,
  RESOLUTIONS,
  readFilters,
  SORTS,
  WATCHED,
} from '../filters.ts';
import { navigate, type RouteContext } from '../router.ts';
import { state } from '../session.ts';

interface Genre {
  name: string;
  value: string;
  count: number;
}

/** "Any genre", then each genre of the library with its count; a genre from the URL the list lacks is kept. */
function genreOptions(known: Genre[], current: string): [string, string][] {
  const options: [string, string][] = known.map((g) => [g.value, `${g.name} (${g.count})`]);
  const value = current.toLowerCase();
  if (value && !known.some((g) => g.value === value)) options.unshift([value, current]);
  return [['', 'Any genre'], ...options];
}

/** A filter control that rewrites its query parameter (which re-renders the page). */
function select(name: string, label: string, value: string, options: [string, string][]): HTMLElement {
  const s = h(
    'select',
    { name, 'aria-label': label },
    ...options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)),
  );
  s.addEventListener('change', () => {
    const q = new URLSearchParams(location.search);
    if (s.value) q.set(name, s.value);
    else q.delete(name);
    navigate(`${location.pathname}?${q}`, true);
  });
  return s;
}

/** Why the grid is empty and the way out: clearing the filters, or (admins) scanning the library. */
function emptyText(filtered: boolean): (HTMLElement | string)[] {
  if (filtered)
    return ['Nothing matches these filters. ', h('a', { href: location.pathname }, 'Clear filters')];
  if (state.user?.role !== 'admin') return ['Nothing in this library yet. Check back after the next scan.'];
  return [
    'Nothing in this library yet. ',
    h('a', { href: '/admin/libraries' }, 'Scan it or check its folders'),
    ' in the admin area.',
  ];
}

export async function libraryPage(ctx: RouteContext): Promise<HTMLElement> {
  const lib = await get<Library>(`/v1/libraries/${encodeURIComponent(ctx.params.id)}`);
  const kind = lib.kind === 'movies' ? 'movie' : 'show';
  const known = await get<{ items: Genre[] }>(`/v1/genres?kind=${kind}&library=${encodeURIComponent(lib.id)}`)
    .then((r) => r.items)
    .catch(() => []);
  const filters = readFilters(ctx.query);
  const genre = filters.genre;
  const base = lib.kind === 'movies' ? '/v1/movies' : '/v1/shows';
  const grid = h('div.grid', { role: 'list', 'aria-label': lib.kind === 'movies' ? 'Movies' : 'Shows' });
  const status = h('div.status', { 'aria-live': 'polite' });
  const sentinel = h('div.sentinel', { 'aria-hidden': 'true' });
  let cursor: string | null | undefined;
  let loading = false;

  const load = async () => {
    if (loading || cursor === null) return;
    loading = true;
    status.textContent = 'Loading…';
    try {
      const page = await get<Page<Item>>(`${base}?${listQuery(lib.id, filters, 40, cursor ?? null)}`);
      for (const m of page.items) grid.append(h('div', { role: 'listitem' }, itemCard(m)));
      cursor = page.nextCursor;
      status.replaceChildren(...(grid.children.length ? [] : emptyText(isFiltered(filters))));
    } catch (e) {
      status.replaceChildren(errorBox(message(e)));
      cursor = null;
    } finally {
      loading = false;
    }
    // A short first page may not fill the screen: keep going while the sentinel is visible.
    if (cursor && sentinel.getBoundingClientRect().top < window.innerHeight + 400) void load();
  };

  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) void load();
    },
    { rootMargin: '400px' },
  );
  ctx.onLeave(() => observer.disconnect());

  const page = h(
    'section.page',
    {},
    h(
      'div.page-head',
      {},
      h('h1', {}, lib.name),
      h(
        'div.controls',
        { role: 'group', 'aria-label': 'Sort and filter' },
        select('sort', 'Sort by', filters.sort, SORTS),
        known.length || genre
          ? select('genre', 'Genre', genre.toLowerCase(), genreOptions(known, genre))
          : null,
        select('decade', 'Year', filters.decade, decadeOptions(new Date().getFullYear())),
        select('resolution', 'Resolution', filters.resolution, RESOLUTIONS),
        select('watched', 'Watched', filters.watched, WATCHED),
      ),
    ),
    refreshOnScan(ctx, lib.id, () => grid.childElementCount === 0 && !isFiltered(filters)),
    grid,
    sentinel,
    status,
  );
  await load();
  observer.observe(sentinel);
  return page;
}
