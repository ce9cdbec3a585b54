// `parseMovieNfo`: Kodi/Jellyfin/tinyMediaManager/Ember `<movie>` NFO (or a bare TMDb/IMDb URL) → MovieNfo.

import { definedResult, readFirstRoot, withoutUndefined, yearOr } from './common-fields.ts';
import { addProviderId } from './provider-ids.ts';
import type { MovieNfo, NfoMovieSet, NfoResult, ProviderIds } from './types.ts';
import { parseDate } from './values.ts';
import { attribute, element, firstText, hasChildElements, textOf, type XmlNode } from './xml-tree.ts';

function readMovieSet(node: XmlNode, ids: ProviderIds): NfoMovieSet | undefined {
  const set = element(node, 'set');
  if (!set) return undefined;
  addProviderId(ids, 'tmdbCollection', attribute(set, 'tmdbcolid'));
  const name = firstText(set, 'name') ?? (hasChildElements(set) ? undefined : textOf(set));
  if (name === undefined) return undefined;
  return withoutUndefined({ name, overview: firstText(set, 'overview') });
}

/**
 * Parses the text of a movie NFO. Accepts a `<movie>` document (with leading junk, a BOM, a trailing
 * scraper URL, a missing closing tag, bare `&`, …) or a file that is only a TMDb/IMDb URL, in which
 * case just `ids` is filled. Never throws; unusable input gives `{ ok: false, code, error }`.
 */
export function parseMovieNfo(xml: string): NfoResult<MovieNfo> {
  const read = readFirstRoot(xml, 'movie', 'movie');
  if (!read.ok) return read;
  const { node, fields, warnings } = read;
  const premiered = parseDate(firstText(node, 'premiered', 'releasedate', 'aired'));
  const set = readMovieSet(node, fields.ids);
  const movie = definedResult<MovieNfo>(fields, yearOr(fields.year, premiered), { premiered, set });
  return { ok: true, value: movie, warnings };
}
