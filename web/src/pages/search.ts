// Search results for ?q=, typo tolerant on the server; movies link to their page.
import { get, type Page, type SearchHit } from '../api.ts';
import { h } from '../dom.ts';
import type { RouteContext } from '../router.ts';

export async function searchPage(ctx: RouteContext): Promise<HTMLElement> {
  const q = ctx.query.get('q')?.trim() ?? '';
  const page = h('section.page', {}, h('h1', {}, q ? `Results for “${q}”` : 'Search'));
  if (!q) {
    page.append(h('p.muted', {}, 'Type in the search box above.'));
    return page;
  }
  const res = await get<Page<SearchHit>>(`/v1/search?q=${encodeURIComponent(q)}&limit=50`);
  if (!res.items.length) {
    page.append(h('p.muted', {}, 'Nothing matches. Check the spelling or try fewer words.'));
    return page;
  }
  const list = h(
    'ul.results',
    {},
    ...res.items.map((hit) => {
      const label = `${hit.title ?? hit.text ?? ''}${hit.year ? ` (${hit.year})` : ''}`;
      const body = [
        h('span.title', {}, label),
        h('span.type', {}, hit.type),
        hit.subtitle ? h('span.muted', {}, hit.subtitle) : null,
      ];
      return h(
        'li',
        {},
        hit.type === 'movie'
          ? h('a.result', { href: `/movie/${hit.id}` }, ...body)
          : h('div.result', {}, ...body),
      );
    }),
  );
  page.append(list);
  return page;
}
