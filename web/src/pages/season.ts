// A season of a show: its episodes with thumbs, numbers (ranges for multi-episode files), air dates, runtime,
// watched marks and progress, Play / Resume per episode, and marking the whole season watched or unwatched.
import { get, type Item, type Page } from '../api.ts';
import { actions, detailPage, watchedToggle } from '../components/detail.ts';
import { episodeCode, episodeTotal, playHref, seasonName } from '../components/links.ts';
import { clock, counted, h } from '../dom.ts';
import { type RouteContext, refresh } from '../router.ts';

function episodeRow(e: Item, fallbackArt: string | undefined): HTMLElement {
  const art = e.artwork.thumb ?? fallbackArt;
  const href = `/episode/${e.id}`;
  const code = episodeCode(null, e.episodeNumber, e.endingEpisodeNumber) || '—';
  const runtime = e.runtime ?? null;
  const progress = runtime && e.position > 0 ? Math.min(1, e.position / (runtime * 60)) : 0;
  const playable = e.files.some((f) => !f.missing);
  return h(
    'li.episode',
    {},
    h(
      'a.thumb',
      { href, tabindex: '-1', 'aria-hidden': 'true' },
      art ? h('img', { src: art, alt: '', loading: 'lazy' }) : h('div.placeholder', {}, code),
      e.watched ? h('span.badge', {}, '✓') : null,
      progress > 0 && !e.watched
        ? h('div.progress', {}, h('span', { style: `width:${Math.round(progress * 100)}%` }))
        : null,
    ),
    h(
      'div.ep-info',
      {},
      h('h2.ep-title', {}, h('span.code', {}, code), ' ', h('a', { href }, e.title)),
      h(
        'p.muted',
        {},
        [
          e.airDate ? `Aired ${e.airDate}` : null,
          runtime ? `${runtime} min` : null,
          e.watched ? 'Watched' : e.position > 0 ? `Stopped at ${clock(e.position)}` : null,
          playable ? null : 'File missing',
        ]
          .filter(Boolean)
          .join(' · '),
      ),
      e.overview ? h('p.ep-overview', {}, e.overview) : null,
    ),
    playable
      ? h(
          'a.button.play',
          {
            href: e.position > 0 ? playHref(e.id, { file: e.resumeFileId }) : playHref(e.id, { from: 0 }),
            'aria-label': `${e.position > 0 ? 'Resume' : 'Play'} ${code} ${e.title}`,
          },
          e.position > 0 ? '▶ Resume' : '▶ Play',
        )
      : null,
  );
}

export async function seasonPage(ctx: RouteContext): Promise<HTMLElement> {
  const id = encodeURIComponent(ctx.params.id);
  const num = Number(ctx.params.num);
  const [show, season, episodes] = await Promise.all([
    get<Item>(`/v1/shows/${id}`),
    get<Item>(`/v1/shows/${id}/seasons/${num}`),
    get<Page<Item>>(`/v1/shows/${id}/seasons/${num}/episodes`),
  ]);
  const name = season.title || seasonName(season.seasonNumber);
  const count = episodeTotal(episodes.items);
  return detailPage(
    {
      title: `${show.title}: ${name}`,
      crumbs: h(
        'nav.crumbs',
        { 'aria-label': 'Breadcrumb' },
        h('a', { href: `/show/${show.id}` }, show.title),
      ),
      poster: season.artwork.poster ?? show.artwork.poster,
      backdrop: show.artwork.backdrop,
      facts: [
        season.year ? String(season.year) : show.year ? String(show.year) : null,
        counted(count, 'episode'),
        `${episodeTotal(episodes.items.filter((e) => e.watched))} watched`,
      ],
    },
    actions(
      watchedToggle(`/v1/shows/${id}/seasons/${num}/watched`, season.watched, () => refresh(), 'season '),
    ),
    season.overview ? h('p.overview', {}, season.overview) : null,
    h(
      'ol.episodes',
      { 'aria-label': 'Episodes' },
      ...episodes.items.map((e) => episodeRow(e, show.artwork.backdrop)),
    ),
  );
}
