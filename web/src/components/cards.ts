// Poster cards for grids and rows: artwork or a lettered placeholder, title, year, watched badge and progress.
import { h } from '../dom.ts';

export interface CardInput {
  href: string | null;
  title: string;
  subtitle?: string | null;
  poster?: string;
  watched?: boolean;
  progress?: number;
}

export function posterCard(c: CardInput): HTMLElement {
  const art = c.poster
    ? h('img', { src: c.poster, alt: '', loading: 'lazy', decoding: 'async' })
    : h('div.placeholder', { 'aria-hidden': 'true' }, c.title.slice(0, 1).toUpperCase());
  const badge = c.watched ? h('span.badge', { title: 'Watched', 'aria-label': 'Watched' }, '✓') : null;
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
    h('span.title', {}, c.title),
    c.subtitle ? h('span.sub', {}, c.subtitle) : null,
  ];
  const label = `${c.title}${c.subtitle ? ` (${c.subtitle})` : ''}${c.watched ? ', watched' : ''}`;
  return c.href
    ? h('a.card', { href: c.href, 'aria-label': label }, ...inner)
    : h('div.card', { 'aria-label': label }, ...inner);
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
