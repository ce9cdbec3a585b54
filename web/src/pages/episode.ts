// An episode: its thumb, show › season links, number(s), air date, overview, Play / Resume, watched toggle,
// cast, files with codecs and tracks, and how it was identified.
import { get, type Item } from '../api.ts';
import { detailPage } from '../components/detail.ts';
import { episodeCode, seasonHref, seasonName } from '../components/links.ts';
import { loadPlayable, playableSections } from '../components/playable.ts';
import { h } from '../dom.ts';
import type { RouteContext } from '../router.ts';

export async function episodePage(ctx: RouteContext): Promise<HTMLElement> {
  const p = await loadPlayable('/v1/episodes', ctx.params.id);
  const e = p.item;
  const show = e.showId
    ? await get<Item>(`/v1/shows/${encodeURIComponent(e.showId)}`).catch(() => null)
    : null;
  const crumbs = show
    ? h(
        'nav.crumbs',
        { 'aria-label': 'Breadcrumb' },
        h('a', { href: `/show/${show.id}` }, show.title),
        ' › ',
        e.seasonNumber !== null
          ? h('a', { href: seasonHref(show.id, e.seasonNumber) }, seasonName(e.seasonNumber))
          : null,
      )
    : null;
  const code = episodeCode(e.seasonNumber, e.episodeNumber, e.endingEpisodeNumber);
  return detailPage(
    {
      title: e.title,
      crumbs,
      poster: e.artwork.thumb ?? e.artwork.poster ?? show?.artwork.backdrop ?? show?.artwork.poster,
      backdrop: show?.artwork.backdrop,
      wide: true,
      facts: [
        code,
        e.airDate ? `Aired ${e.airDate}` : null,
        e.runtime ? `${Math.round(e.runtime)} min` : null,
        e.rating ? `★ ${e.rating.toFixed(1)}` : null,
      ],
    },
    ...playableSections(p),
  );
}
