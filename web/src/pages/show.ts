// A TV show: backdrop and poster, overview, genres, year, Play next / Resume, seasons row, cast, extras, and
// how the show was identified.
import { type ContinueItem, type Credit, get, type Item, type Page } from '../api.ts';
import { posterCard, row } from '../components/cards.ts';
import { actions, castSection, detailPage, identification } from '../components/detail.ts';
import { extrasSection } from '../components/extras.ts';
import { episodeCode, playHref, seasonHref, seasonName } from '../components/links.ts';
import { metadataEditor } from '../components/metadata-edit.ts';
import { clock, counted, h } from '../dom.ts';
import type { RouteContext } from '../router.ts';

/** Resume the episode in progress, else play the next one up, else start at the first episode. */
async function playNext(show: Item, seasons: Item[]): Promise<HTMLElement | null> {
  const cw = await get<Page<ContinueItem>>('/v1/playback/continue-watching?limit=100').catch(() => null);
  const mine = cw?.items.find((c) => c.showId === show.id);
  const code = (s: number | null, e: number | null) => episodeCode(s, e);
  if (mine?.reason === 'resume')
    return h(
      'a.button',
      { href: playHref(mine.itemId, { file: mine.resumeFileId }) },
      `▶ Resume ${code(mine.seasonNumber, mine.episodeNumber)} from ${clock(mine.positionSeconds)}`,
    );
  if (mine)
    return h(
      'a.button',
      { href: `/play/${mine.itemId}?from=0` },
      `▶ Play next: ${code(mine.seasonNumber, mine.episodeNumber)} ${mine.title}`,
    );
  const first = seasons.find((s) => (s.seasonNumber ?? 0) > 0) ?? seasons[0];
  if (!first) return null;
  const eps = await get<Page<Item>>(`/v1/shows/${show.id}/seasons/${first.seasonNumber}/episodes`);
  const ep = eps.items.find((e) => e.files.some((f) => !f.missing));
  return ep
    ? h(
        'a.button',
        { href: `/play/${ep.id}?from=0` },
        `▶ Play ${code(ep.seasonNumber, ep.episodeNumber)} ${ep.title}`,
      )
    : null;
}

export async function showPage(ctx: RouteContext): Promise<HTMLElement> {
  const id = encodeURIComponent(ctx.params.id);
  const [show, seasons, credits] = await Promise.all([
    get<Item>(`/v1/shows/${id}`),
    get<Page<Item>>(`/v1/shows/${id}/seasons`),
    get<{ items: Credit[] }>(`/v1/shows/${id}/credits`).catch(() => ({ items: [] })),
  ]);
  const seasonCards = seasons.items.map((s) =>
    posterCard({
      href: seasonHref(show.id, s.seasonNumber ?? 0),
      // The server's title: `Season 2`, `Specials`, or a name from tvshow.nfo (`<namedseason>`).
      title: s.title || seasonName(s.seasonNumber),
      subtitle: s.year ? String(s.year) : null,
      poster: s.artwork.poster ?? show.artwork.poster,
      watched: s.watched,
    }),
  );
  return detailPage(
    {
      title: show.title,
      poster: show.artwork.poster,
      backdrop: show.artwork.backdrop,
      tagline: show.tagline,
      facts: [
        show.year ? String(show.year) : null,
        show.contentRating,
        show.rating ? `★ ${show.rating.toFixed(1)}` : null,
        show.genres.join(', '),
        counted(seasons.items.length, 'season'),
      ],
    },
    actions(await playNext(show, seasons.items)),
    h('p.overview', {}, show.overview ?? 'No overview yet.'),
    row('Seasons', seasonCards, 'No seasons found.'),
    castSection(credits.items),
    extrasSection(show.id, show.extras),
    identification(show.match, metadataEditor(show)),
  );
}
