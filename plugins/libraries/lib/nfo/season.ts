// `parseSeasonNfo`: Jellyfin's `season.nfo` (`<season>` root, in the season folder) → SeasonNfo.

import { definedResult, readFirstRoot, yearOr } from './common-fields.ts';
import type { NfoResult, SeasonNfo } from './types.ts';
import { parseDate, parseInteger } from './values.ts';
import { firstText } from './xml-tree.ts';

/**
 * Parses the text of a season.nfo as Jellyfin writes and reads it: the common fields (title, plot, year, ids …),
 * `<premiered>` (or `<aired>`/`<releasedate>`) and `<seasonnumber>`. Never throws.
 */
export function parseSeasonNfo(xml: string): NfoResult<SeasonNfo> {
  // Read as TV items below a show are: no TMDb TV or TheTVDB series URL (the show's ids) counts for the season.
  const read = readFirstRoot(xml, 'season', 'episode');
  if (!read.ok) return read;
  const { node, fields, warnings } = read;
  const premiered = parseDate(firstText(node, 'premiered', 'aired', 'releasedate'));
  const number = parseInteger(firstText(node, 'seasonnumber'));
  const season = definedResult<SeasonNfo>(fields, yearOr(fields.year, premiered), {
    premiered,
    seasonNumber: number !== undefined && number >= 0 ? number : undefined,
  });
  return { ok: true, value: season, warnings };
}
