// Home: continue watching (movies and episodes), next up for started shows, recently added per library (new movies;
// new episodes grouped per show), a shortcut to every library, and what a scan finishing meanwhile found.
import {
  type ContinueItem,
  get,
  getAll,
  type Item,
  type Library,
  type NextUpItem,
  type Page,
  type RecentEpisodes,
} from '../api.ts';
import { itemCard, posterCard, row } from '../components/cards.ts';
import { episodeCode, itemHref, seasonHref, seasonName } from '../components/links.ts';
import { refreshOnScan } from '../components/scan-refresh.ts';
import { continueSubtitle } from '../continue-words.ts';
import { h } from '../dom.ts';
import type { RouteContext } from '../router.ts';
import { state } from '../session.ts';

function continueCard(c: ContinueItem): HTMLElement {
  return posterCard({
    href: itemHref(c.kind, c.itemId),
    title: c.kind === 'episode' && c.showTitle ? c.showTitle : c.title,
    subtitle: continueSubtitle(c),
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

/** One show's new episodes: the episode itself, its season ("Season 2 · 8 new episodes"), or the show. */
function newEpisodesCard(r: RecentEpisodes): HTMLElement {
  const e = r.episode;
  const [season] = r.seasonNumbers;
  const one = r.count === 1;
  const inOneSeason = r.seasonNumbers.length === 1;
  return posterCard({
    href: one ? `/episode/${e.id}` : inOneSeason ? seasonHref(r.show.id, season) : `/show/${r.show.id}`,
    title: r.show.title,
    subtitle: one
      ? `${episodeCode(e.seasonNumber, e.episodeNumber, e.endingEpisodeNumber)} · ${e.title}`
      : `${inOneSeason ? `${seasonName(season)} · ` : ''}${r.count} new episodes`,
    poster: r.show.artwork.poster ?? e.artwork.thumb,
  });
}

/** Movies: the newest movies. Shows: new episodes, one card per show. */
async function recentRow(lib: Library): Promise<HTMLElement | null> {
  const q = `library=${encodeURIComponent(lib.id)}&limit=20`;
  const cards =
    lib.kind === 'movies'
      ? (await get<Page<Item>>(`/v1/movies/recently-added?${q}`)).items.map(itemCard)
      : (await get<Page<RecentEpisodes>>(`/v1/shows/recently-added-episodes?${q}`)).items.map(
          newEpisodesCard,
        );
  return row(`Recently added in ${lib.name}`, cards);
}

/** What a fresh server shows instead of empty rows: what to do next, in words. */
function emptyState(hasLibraries: boolean, admin: boolean): HTMLElement {
  const [title, text] = hasLibraries
    ? [
        'Nothing here yet',
        admin
          ? 'Your libraries have no titles so far. A scan may still be running, or the folders hold no video files Bijou recognises.'
          : 'The libraries have no titles yet. Check back after the next scan.',
      ]
    : [
        'Welcome! Let’s add your first library',
        admin
          ? 'Point Bijou at a folder of movies or TV shows on this server. It finds the titles, artwork and episodes, and they appear here.'
          : 'Nothing to watch yet: an administrator has not added any movies or shows.',
      ];
  return h(
    'div.empty-state',
    {},
    h('h2', {}, title),
    h('p', {}, text),
    admin
      ? h('a.button', { href: '/admin/libraries' }, hasLibraries ? 'Open libraries' : 'Add a library')
      : null,
  );
}

export async function homePage(ctx: RouteContext): Promise<HTMLElement> {
  const [cw, next, libs] = await Promise.all([
    get<Page<ContinueItem>>('/v1/playback/continue-watching?limit=20'),
    get<Page<NextUpItem>>('/v1/shows/next-up?limit=20'),
    getAll<Library>('/v1/libraries?limit=100'),
  ]);
  const recent = await Promise.all(libs.map(recentRow));
  const libraryLinks = libs.map((l) =>
    h(
      'a.chip',
      { href: `/library/${l.id}`, title: `${l.kind === 'movies' ? 'Movie' : 'TV'} library` },
      l.name,
    ),
  );
  const admin = state.user?.role === 'admin';
  const resume = cw.items.filter((c) => c.reason === 'resume');
  const empty = !recent.some(Boolean);
  return h(
    'section.page',
    {},
    h('h1', {}, state.serverName),
    refreshOnScan(ctx, null, () => empty),
    libraryLinks.length ? h('nav.chips', { 'aria-label': 'Libraries' }, ...libraryLinks) : null,
    row('Continue watching', resume.map(continueCard)),
    row('Next up', next.items.map(nextUpCard)),
    ...recent,
    empty ? emptyState(libs.length > 0, admin) : null,
  );
}
