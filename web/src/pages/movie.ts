// A movie: backdrop and poster, overview, facts, Play / Resume, watched toggle, cast, files with codecs and
// tracks, extras, and how the scanner identified it.

import { detailPage } from '../components/detail.ts';
import { extrasSection } from '../components/extras.ts';
import { loadPlayable, playableSections } from '../components/playable.ts';
import type { RouteContext } from '../router.ts';

export async function moviePage(ctx: RouteContext): Promise<HTMLElement> {
  const p = await loadPlayable('/v1/movies', ctx.params.id);
  const m = p.item;
  return detailPage(
    {
      title: m.title,
      poster: m.artwork.poster,
      backdrop: m.artwork.backdrop,
      tagline: m.tagline,
      facts: [
        m.year ? String(m.year) : null,
        m.runtime ? `${Math.round(m.runtime)} min` : null,
        m.contentRating,
        m.rating ? `★ ${m.rating.toFixed(1)}` : null,
        m.genres.join(', '),
      ],
    },
    ...playableSections(p, extrasSection(m.id, m.extras)),
  );
}
