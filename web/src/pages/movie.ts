// A movie: poster, overview, facts, its files and how the scanner identified it, with Play / Resume.
import { get, type Movie } from '../api.ts';
import { bytes, clock, h } from '../dom.ts';
import type { RouteContext } from '../router.ts';

const METHODS: Record<string, string> = {
  filename: 'from the file name',
  nfo: 'from an NFO file',
  provider: 'by a metadata provider',
  manual: 'by hand',
};

export async function moviePage(ctx: RouteContext): Promise<HTMLElement> {
  const m = await get<Movie>(`/v1/movies/${encodeURIComponent(ctx.params.id)}`);
  const poster = m.artwork.poster
    ? h('img.poster', { src: m.artwork.poster, alt: `Poster of ${m.title}` })
    : h('div.poster.placeholder', { 'aria-hidden': 'true' }, m.title.slice(0, 1).toUpperCase());
  const facts = [
    m.year ? String(m.year) : null,
    m.runtime ? `${Math.round(m.runtime)} min` : null,
    m.rating ? `★ ${m.rating.toFixed(1)}` : null,
    m.genres.length ? m.genres.join(', ') : null,
    m.watched ? 'Watched' : null,
  ].filter(Boolean);
  const playable = m.files.some((f) => !f.missing);
  const actions = h('div.actions');
  if (playable && m.position > 0) {
    actions.append(
      h('a.button', { href: `/play/${m.id}` }, `▶ Resume from ${clock(m.position)}`),
      h('a.button.ghost', { href: `/play/${m.id}?from=0` }, 'Play from start'),
    );
  } else if (playable) {
    actions.append(h('a.button', { href: `/play/${m.id}?from=0` }, '▶ Play'));
  } else {
    actions.append(h('p.error', { role: 'alert' }, 'The file of this movie is missing.'));
  }
  const match = m.match
    ? `Identified ${METHODS[m.match.method] ?? `by ${m.match.method}`} (method “${m.match.method}”, confidence ${Math.round(m.match.confidence * 100)}%)`
    : 'Not identified';
  const files = h(
    'ul.files',
    {},
    ...m.files.map((f) =>
      h(
        'li',
        {},
        h('code', {}, f.path),
        h('span.muted', {}, ` ${f.container ?? '?'} · ${bytes(f.size)}${f.missing ? ' · missing' : ''}`),
      ),
    ),
  );
  return h(
    'section.page.detail',
    {},
    m.artwork.backdrop ? h('div.backdrop', { style: `background-image:url("${m.artwork.backdrop}")` }) : null,
    h(
      'div.detail-grid',
      {},
      poster,
      h(
        'div.info',
        {},
        h('h1', {}, m.title),
        m.tagline ? h('p.tagline', {}, m.tagline) : null,
        h('p.facts', {}, facts.join(' · ')),
        actions,
        h('p.overview', {}, m.overview ?? 'No overview yet.'),
        h('h2', {}, 'Files'),
        files,
        h('h2', {}, 'Identification'),
        h('p.match', {}, match),
      ),
    ),
  );
}
