// Home: continue watching, recently added movies, and a shortcut to every library.
import { type ContinueItem, get, type Library, type Movie, type Page } from '../api.ts';
import { posterCard, row } from '../components/cards.ts';
import { clock, h } from '../dom.ts';
import { state } from '../session.ts';

function continueCard(c: ContinueItem): HTMLElement {
  const episode =
    c.showTitle && c.seasonNumber !== null ? `${c.showTitle} · S${c.seasonNumber}E${c.episodeNumber}` : null;
  return posterCard({
    href: c.kind === 'movie' ? `/movie/${c.itemId}` : `/play/${c.itemId}`,
    title: c.title,
    subtitle: episode ?? `${clock(c.positionSeconds)} watched`,
    progress: c.progress,
  });
}

export async function homePage(): Promise<HTMLElement> {
  const [cw, recent, libs] = await Promise.all([
    get<Page<ContinueItem>>('/v1/playback/continue-watching?limit=20'),
    get<Page<Movie>>('/v1/movies/recently-added?limit=20'),
    get<Page<Library>>('/v1/libraries?limit=100'),
  ]);
  const movieCards = recent.items.map((m) =>
    posterCard({
      href: `/movie/${m.id}`,
      title: m.title,
      subtitle: m.year ? String(m.year) : null,
      poster: m.artwork.poster,
      watched: m.watched,
    }),
  );
  const libraryLinks = libs.items.map((l) =>
    h('a.chip', { href: `/library/${l.id}` }, l.name, h('small', {}, ` ${l.kind}`)),
  );
  const admin = state.user?.role === 'admin';
  return h(
    'section.page',
    {},
    h('h1', {}, state.serverName),
    libraryLinks.length
      ? h('nav.chips', { 'aria-label': 'Libraries' }, ...libraryLinks)
      : h(
          'p.muted',
          {},
          'No libraries yet. ',
          admin ? h('a', { href: '/admin/libraries' }, 'Add one') : 'Ask an administrator to add one.',
        ),
    row('Continue watching', cw.items.map(continueCard)),
    row('Recently added movies', movieCards, 'Nothing added yet.'),
  );
}
