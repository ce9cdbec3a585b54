// Extras of a movie or show (trailers, featurettes, …): their names in words and the Extras section, where each
// video extra is a play link (/play/<item>?file=<extra>); theme songs are audio and are only listed.
import type { Item } from '../api.ts';
import { h } from '../dom.ts';

type Extra = NonNullable<Item['extras']>[number];

/** Kinds as the libraries plugin names them (Jellyfin's), in words. */
const EXTRA_KINDS: Record<string, string> = {
  trailer: 'Trailer',
  featurette: 'Featurette',
  behindthescenes: 'Behind the scenes',
  deletedscene: 'Deleted scene',
  interview: 'Interview',
  scene: 'Scene',
  short: 'Short',
  clip: 'Clip',
  sample: 'Sample',
  'theme-song': 'Theme song',
  'theme-video': 'Theme video',
  other: 'Extra',
};

export const extraKind = (kind: string): string => EXTRA_KINDS[kind] ?? 'Extra';

/** "Trailer: Title", or just the kind when the title says nothing more. */
export function extraLabel(x: Pick<Extra, 'kind' | 'title'>): string {
  const kind = extraKind(x.kind);
  return x.title && x.title.toLowerCase() !== x.kind ? `${kind}: ${x.title}` : kind;
}

const playable = (x: Extra) => x.kind !== 'theme-song';

export function extrasSection(itemId: string, extras: Item['extras']): HTMLElement | null {
  if (!extras?.length) return null;
  return h(
    'section',
    { 'aria-label': 'Extras' },
    h('h2', {}, 'Extras'),
    h(
      'ul.extras',
      {},
      ...extras.map((x) => {
        const body = [h('span.type', {}, extraKind(x.kind)), h('span.title', {}, x.title)];
        if (!playable(x)) return h('li', {}, h('span.extra', {}, ...body));
        const href = `/play/${itemId}?file=${encodeURIComponent(x.id)}`;
        return h(
          'li',
          {},
          h('a.extra', { href, 'aria-label': `Play ${extraLabel(x)}` }, h('span.play', {}, '▶'), ...body),
        );
      }),
    ),
  );
}
