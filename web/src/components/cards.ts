// Poster cards for grids and rows: artwork or a placeholder naming the title, title, year, watched badge and
// progress.
import type { Item } from '../api.ts';
import { h } from '../dom.ts';
import { itemHref } from './links.ts';

export interface CardInput {
  href: string | null;
  title: string;
  subtitle?: string | null;
  poster?: string | null;
  watched?: boolean;
  progress?: number;
  /** 16:9 artwork (episode thumbs) instead of a 2:3 poster. */
  wide?: boolean;
}

export function posterCard(c: CardInput): HTMLElement {
  const art = c.poster
    ? h('img', { src: c.poster, alt: '', loading: 'lazy', decoding: 'async' })
    : h('div.placeholder', { 'aria-hidden': 'true' }, h('span', {}, c.title));
  const badge = c.watched ? h('span.badge', { title: 'Watched', 'aria-hidden': 'true' }, '✓') : null;
  const bar =
    c.progress && c.progress > 0 && c.progress < 1
      ? h(
          'div.progress',
          { 'aria-hidden': 'true' },
          h('span', { style: `width:${Math.round(c.progress * 100)}%` }),
        )
      : null;
  const inner = [
    h('div.art', {}, art, badge, bar),
    h('span.title', { title: c.title }, c.title),
    c.subtitle ? h('span.sub', {}, c.subtitle) : null,
  ];
  const label = `${c.title}${c.subtitle ? ` (${c.subtitle})` : ''}${c.watched ? ', watched' : ''}`;
  const el = c.href
    ? h('a.card', { href: c.href, 'aria-label': label }, ...inner)
    : h('div.card', { 'aria-label': label }, ...inner);
  if (c.wide) el.classList.add('wide');
  return el;
}

/** A card for a movie or show of a list. */
export function itemCard(m: Item): HTMLElement {
  return posterCard({
    href: itemHref(m.kind, m.id),
    title: m.title,
    subtitle: m.year ? String(m.year) : null,
    poster: m.artwork?.poster,
    watched: m.watched,
  });
}

/** A titled horizontal row of cards, or nothing when empty. */
export function row(title: string, cards: HTMLElement[], empty?: string): HTMLElement | null {
  if (!cards.length && !empty) return null;
  return h(
    'section.row',
    { 'aria-label': title },
    h('h2', {}, title),
    cards.length ? h('div.scroller', {}, ...cards) : h('p.muted', {}, empty ?? ''),
  );
}
