// A library as a poster grid: sorted, filterable by watched state, loading the next page as the end scrolls into view.
import { get, type Library, type Movie, type Page } from '../api.ts';
import { posterCard } from '../components/cards.ts';
import { errorBox, h, message } from '../dom.ts';
import { navigate, type RouteContext } from '../router.ts';

const SORTS: [string, string][] = [
  ['title', 'Title'],
  ['added', 'Recently added'],
  ['year', 'Year'],
  ['rating', 'Rating'],
];

export async function libraryPage(ctx: RouteContext): Promise<HTMLElement> {
  const lib = await get<Library>(`/v1/libraries/${encodeURIComponent(ctx.params.id)}`);
  const sort = ctx.query.get('sort') ?? 'title';
  const watched = ctx.query.get('watched') ?? '';
  const order = sort === 'title' ? 'asc' : 'desc';
  const base = lib.kind === 'movies' ? '/v1/movies' : '/v1/shows';
  const grid = h('div.grid', { role: 'list' });
  const status = h('div.status', { 'aria-live': 'polite' });
  const sentinel = h('div.sentinel', { 'aria-hidden': 'true' });
  let cursor: string | null | undefined;
  let loading = false;

  const load = async () => {
    if (loading || cursor === null) return;
    loading = true;
    status.textContent = 'Loading…';
    try {
      const q = new URLSearchParams({ library: lib.id, sort, order, limit: '40' });
      if (watched) q.set('watched', watched);
      if (cursor) q.set('cursor', cursor);
      const page = await get<Page<Movie>>(`${base}?${q}`);
      for (const m of page.items) {
        const card = posterCard({
          href: lib.kind === 'movies' ? `/movie/${m.id}` : null,
          title: m.title,
          subtitle: m.year ? String(m.year) : null,
          poster: m.artwork?.poster,
          watched: m.watched,
        });
        grid.append(h('div', { role: 'listitem' }, card));
      }
      cursor = page.nextCursor;
      status.textContent = grid.children.length ? '' : 'This library is empty. Has it been scanned?';
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

  const select = (name: string, value: string, options: [string, string][]) => {
    const s = h(
      'select',
      { name, 'aria-label': name === 'sort' ? 'Sort by' : 'Show' },
      ...options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)),
    );
    s.addEventListener('change', () => {
      const q = new URLSearchParams(location.search);
      if (s.value) q.set(name, s.value);
      else q.delete(name);
      navigate(`${location.pathname}?${q}`, true);
    });
    return s;
  };

  const page = h(
    'section.page',
    {},
    h(
      'div.page-head',
      {},
      h('h1', {}, lib.name),
      h(
        'div.controls',
        {},
        select('sort', sort, SORTS),
        select('watched', watched, [
          ['', 'All'],
          ['false', 'Unwatched'],
          ['true', 'Watched'],
        ]),
      ),
    ),
    grid,
    sentinel,
    status,
  );
  await load();
  observer.observe(sentinel);
  return page;
}
