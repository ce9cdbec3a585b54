// Image references: `<thumb aspect=… type="season" season=…>`, `<fanart [url=base]><thumb/></fanart>` and
// Jellyfin's `<art><poster>…</poster><fanart>…</fanart></art>`.

import type { NfoArtwork } from './types.ts';
import { parseInteger } from './values.ts';
import { attribute, elements, hasChildElements, textOf, type XmlNode } from './xml-tree.ts';

// Old Kodi scrapers wrote `<fanart url="https://image.tmdb.org/t/p/original"><thumb>/abc.jpg</thumb>`.
function resolve(base: string | undefined, url: string): string {
  if (!base || /^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  return base.replace(/\/+$/, '') + (url.startsWith('/') ? url : `/${url}`);
}

function readThumb(thumb: XmlNode, fallbackAspect: string, base?: string): NfoArtwork | undefined {
  const url = textOf(thumb);
  if (url === undefined) return undefined;
  const aspect = attribute(thumb, 'aspect')?.toLowerCase() ?? fallbackAspect;
  const artwork: NfoArtwork = { aspect, url: resolve(base, url) };
  const season = attribute(thumb, 'type') === 'season' ? parseInteger(attribute(thumb, 'season')) : undefined;
  return season === undefined ? artwork : { ...artwork, season };
}

function readArtGroup(art: XmlNode): NfoArtwork[] {
  return Object.keys(art)
    .filter((key) => !key.startsWith('#') && key !== '@')
    .flatMap((aspect) =>
      elements(art, aspect)
        .filter((image) => !hasChildElements(image))
        .flatMap((image) => {
          const url = textOf(image);
          return url === undefined ? [] : [{ aspect, url }];
        }),
    );
}

/**
 * Artwork grouped by source tag, each in document order: `<thumb>` without `aspect` is a poster (Sonarr
 * writes that, Jellyfin reads it so), `<fanart>` thumbs are `fanart`, `<art>` children are named by their
 * tag. URLs and paths are otherwise kept as written.
 */
export function readArtwork(node: XmlNode): NfoArtwork[] {
  if (!Object.hasOwn(node, 'thumb') && !Object.hasOwn(node, 'fanart') && !Object.hasOwn(node, 'art'))
    return [];
  const thumbs = elements(node, 'thumb').map((thumb) => readThumb(thumb, 'poster'));
  const fanart = elements(node, 'fanart').flatMap((group) =>
    elements(group, 'thumb').map((thumb) => readThumb(thumb, 'fanart', attribute(group, 'url'))),
  );
  const grouped = elements(node, 'art').flatMap(readArtGroup);
  return [...thumbs, ...fanart, ...grouped].filter((art): art is NfoArtwork => art !== undefined);
}
