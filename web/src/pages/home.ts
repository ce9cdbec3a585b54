// Home: continue watching (movies and episodes), next up for started shows, recently added per library, and a
// shortcut to every library.
import { type ContinueItem, get, type Item, type Library, type NextUpItem, type Page } from '../api.ts';
import { itemCard, posterCard, row } from '../components/cards.ts';
import { episodeCode, itemHref } from '../components/links.ts';
import { clock, h } from '../dom.ts';
import { state } from '../session.ts';

function continueCard(c: ContinueItem): HTMLElement {
  const code = episodeCode(c.seasonNumber, c.episodeNumber);
  const left = c.durationSeconds ? Math.max(0, c.durationSeconds - c.positionSeconds) : null;
  return posterCard({
    href: itemHref(c.kind, c.itemId),
    title: c.kind === 'episode' && c.showTitle ? c.showTitle : c.title,
    subtitle:
      c.kind === 'episode'
        ? `${code} · ${c.title}`
        : left !== null
          ? `${clock(left)} left`
          : `${clock(c.positionSeconds)} watched`,
    poster: c.artwork?.poster ?? c.artwork?.thumb,
    progress: c.progress,
  });
}

function nextUpCard(n: NextUpItem): HTMLElement {
  return posterCard({
    href: `/episode/${n.id}`,
    title: n.show.title,
    subtitle: `${episodeCode(n.seasonNumber, n.episodeNumber, n.endingEpisodeNumber)} · ${n.title}`,
    poster: n.show.artwork.poster ?? n.artwork.thumb,
  });
}

async function recentRow(lib: Library): Promise<HTMLElement | null> {
  const base = lib.kind === 'movies' ? '/v1/movies' : '/v1/shows';
  const page = await get<Page<Item>>(`${base}/recently-added?library=${encodeURIComponent(lib.id)}&limit=20`);
  return row(`Recently added in ${lib.name}`, page.items.map(itemCard));
}

export async function homePage(): Promise<HTMLElement> {
  const [cw, next, libs] = await Promise.all([
    get<Page<ContinueItem>>('/v1/playback/continue-watching?limit=20'),
    get<Page<NextUpItem>>('/v1/shows/next-up?limit=20'),
    get<Page<Library>>('/v1/libraries?limit=100'),
  ]);
  const recent = await Promise.all(libs.items.map(recentRow));
  const libraryLinks = libs.items.map((l) =>
    h('a.chip', { href: `/library/${l.id}` }, l.name, h('small', {}, ` ${l.kind}`)),
  );
  const admin = state.user?.role === 'admin';
  const resume = cw.items.filter((c) => c.reason === 'resume');
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
    row('Continue watching', resume.map(continueCard)),
    row('Next up', next.items.map(nextUpCard)),
    ...recent,
    libs.items.length && !recent.some(Boolean) ? h('p.muted', {}, 'Nothing added yet.') : null,
  );
}
