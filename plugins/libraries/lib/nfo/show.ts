// `parseShowNfo`: Kodi/Jellyfin/tinyMediaManager `tvshow.nfo` (`<tvshow>` or a bare TMDb/TVDb/IMDb URL) → ShowNfo.

import { definedResult, readFirstRoot, yearOr } from './common-fields.ts';
import type { NfoNamedSeason, NfoResult, ShowNfo } from './types.ts';
import { parseDate, parseInteger } from './values.ts';
import { attribute, elements, firstText, textOf, type XmlNode } from './xml-tree.ts';

function readNamedSeasons(node: XmlNode): NfoNamedSeason[] {
  const seasons: NfoNamedSeason[] = [];
  for (const named of elements(node, 'namedseason')) {
    const season = parseInteger(attribute(named, 'number'));
    const name = textOf(named);
    if (season !== undefined && season >= 0 && name !== undefined) seasons.push({ season, name });
  }
  return seasons;
}

/**
 * Parses the text of a tvshow.nfo. Besides the common fields it reads `<showtitle>`, `<premiered>`,
 * `<status>`, `<namedseason>` and ids from `<episodeguide>` JSON; a bare TMDb TV, TheTVDB or IMDb URL
 * (alone or after the XML) also yields ids. Never throws.
 */
export function parseShowNfo(xml: string): NfoResult<ShowNfo> {
  const read = readFirstRoot(xml, 'tvshow', 'show');
  if (!read.ok) return read;
  const { node, fields, warnings } = read;
  const premiered = parseDate(firstText(node, 'premiered', 'aired', 'releasedate'));
  const show = definedResult<ShowNfo>(fields, yearOr(fields.year, premiered), {
    showTitle: firstText(node, 'showtitle'),
    premiered,
    status: firstText(node, 'status'),
    namedSeasons: readNamedSeasons(node),
  });
  return { ok: true, value: show, warnings };
}
