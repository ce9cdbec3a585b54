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

function readThumb(thumb: XmlNode, fallbackAspect: string, out: NfoArtwork[], base?: string): void {
  const url = textOf(thumb);
  if (url === undefined) return;
  const aspect = attribute(thumb, 'aspect')?.toLowerCase() ?? fallbackAspect;
  const artwork: NfoArtwork = { aspect, url: resolve(base, url) };
  const season = attribute(thumb, 'type') === 'season' ? parseInteger(attribute(thumb, 'season')) : undefined;
  if (season !== undefined) artwork.season = season;
  out.push(artwork);
}

function readArtGroup(art: XmlNode, out: NfoArtwork[]): void {
  for (const aspect of Object.keys(art)) {
    if (aspect.startsWith('#') || aspect === '@') continue;
    for (const image of elements(art, aspect)) {
      if (hasChildElements(image)) continue;
      const url = textOf(image);
      if (url !== undefined) out.push({ aspect, url });
    }
  }
}

/**
 * Artwork grouped by source tag, each in document order: `<thumb>` without `aspect` is a poster (Sonarr
 * writes that, Jellyfin reads it so), `<fanart>` thumbs are `fanart`, `<art>` children are named by their
 * tag. URLs and paths are otherwise kept as written.
 */
export function readArtwork(node: XmlNode): NfoArtwork[] {
  const out: NfoArtwork[] = [];
  if (!Object.hasOwn(node, 'thumb') && !Object.hasOwn(node, 'fanart') && !Object.hasOwn(node, 'art'))
    return out;
  for (const thumb of elements(node, 'thumb')) readThumb(thumb, 'poster', out);
  for (const group of elements(node, 'fanart')) {
    const base = attribute(group, 'url');
    for (const thumb of elements(group, 'thumb')) readThumb(thumb, 'fanart', out, base);
  }
  for (const art of elements(node, 'art')) readArtGroup(art, out);
  return out;
}
