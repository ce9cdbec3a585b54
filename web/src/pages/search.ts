// Search results for ?q=, typo tolerant on the server; movies, shows and episodes link to their pages.
import { get, type Page, type SearchHit } from '../api.ts';
import { itemHref } from '../components/links.ts';
import { h } from '../dom.ts';
import type { RouteContext } from '../router.ts';

function hitView(hit: SearchHit): HTMLElement {
  const label = `${hit.title ?? hit.text ?? ''}${hit.year ? ` (${hit.year})` : ''}`;
  const body = [
    hit.artwork
      ? h('img.thumb', { src: `${hit.artwork}?width=120`, alt: '', loading: 'lazy' })
      : h('span.thumb.placeholder', { 'aria-hidden': 'true' }, label.slice(0, 1).toUpperCase()),
    h(
      'span.text',
      {},
      h('span.title', {}, label),
      h('span.type', {}, hit.type),
      hit.subtitle ? h('span.muted', {}, hit.subtitle) : null,
    ),
  ];
  const href = itemHref(hit.type, hit.id);
  return href ? h('a.result', { href }, ...body) : h('div.result', {}, ...body);
}

export async function searchPage(ctx: RouteContext): Promise<HTMLElement> {
  const q = ctx.query.get('q')?.trim() ?? '';
  // The header's box keeps the words searched for, ready to refine (also after a reload or a shared link).
  const box = document.querySelector<HTMLInputElement>('form.search input[name="q"]');
  if (box && document.activeElement !== box) box.value = q;
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
  page.append(h('ul.results', {}, ...res.items.map((hit) => h('li', {}, hitView(hit)))));
  return page;
}
