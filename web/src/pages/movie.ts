// A movie: backdrop and poster, overview, facts, Play / Resume, watched toggle, cast, files with codecs and
// tracks, extras, and how the scanner identified it.

import type { Item } from '../api.ts';
import { detailPage } from '../components/detail.ts';
import { loadPlayable, playableSections } from '../components/playable.ts';
import { bytes, h } from '../dom.ts';
import type { RouteContext } from '../router.ts';

const EXTRA_KINDS: Record<string, string> = {
  trailer: 'Trailer',
  featurette: 'Featurette',
  'behind-the-scenes': 'Behind the scenes',
  'deleted-scene': 'Deleted scene',
  interview: 'Interview',
  scene: 'Scene',
  short: 'Short',
  clip: 'Clip',
  sample: 'Sample',
  other: 'Extra',
};

function extrasSection(extras: Item['extras']): HTMLElement | null {
  if (!extras?.length) return null;
  return h(
    'section',
    { 'aria-label': 'Extras' },
    h('h2', {}, 'Extras'),
    h(
      'ul.extras',
      {},
      ...extras.map((x) =>
        h(
          'li',
          {},
          h('span.type', {}, EXTRA_KINDS[x.kind] ?? x.kind),
          ` ${x.title} `,
          h('span.muted', {}, bytes(x.size)),
        ),
      ),
    ),
  );
}

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
    ...playableSections(p, extrasSection(m.extras)),
  );
}
