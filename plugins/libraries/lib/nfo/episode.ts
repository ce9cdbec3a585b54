// `parseEpisodeNfo`: `<episodedetails>` NFOs → one EpisodeNfo per block (multi-episode files hold several).

import { definedResult, mergeIds, readCommonFields, yearOr } from './common-fields.ts';
import { readNfoDocument } from './document.ts';
import type { EpisodeNfo, NfoResult, ProviderIds } from './types.ts';
import { parseDate, parseInteger } from './values.ts';
import { firstText, type XmlNode } from './xml-tree.ts';

// Kodi writes -1 for "not set" in the special-placement tags.
function index(node: XmlNode, tag: string, alt?: string): number | undefined {
  const value = parseInteger(firstText(node, tag));
  if (value !== undefined && value >= 0) return value;
  if (alt === undefined) return undefined;
  const other = parseInteger(firstText(node, alt));
  return other !== undefined && other >= 0 ? other : undefined;
}

function readEpisode(node: XmlNode, urlIds: ProviderIds): { episode: EpisodeNfo; warnings: string[] } {
  const { fields, warnings } = readCommonFields(node, 'episode');
  mergeIds(fields.ids, urlIds);
  const aired = parseDate(firstText(node, 'aired', 'premiered', 'releasedate'));
  const episode = definedResult<EpisodeNfo>(fields, yearOr(fields.year, aired), {
    showTitle: firstText(node, 'showtitle'),
    season: index(node, 'season'),
    episode: index(node, 'episode'),
    episodeEnd: index(node, 'episodenumberend'),
    aired,
    displaySeason: index(node, 'displayseason'),
    displayEpisode: index(node, 'displayepisode'),
    airsBeforeSeason: index(node, 'airsbefore_season'),
    airsBeforeEpisode: index(node, 'airsbefore_episode'),
    airsAfterSeason: index(node, 'airsafter_season', 'displayafterseason'),
  });
  return { episode, warnings };
}

/**
 * Parses the text of an episode NFO into one entry per `<episodedetails>` block, in file order (Kodi
 * stores a multi-episode file as consecutive blocks). A block that cannot be read is skipped with a
 * warning; the result fails only when no block is usable. Never throws.
 */
export function parseEpisodeNfo(xml: string): NfoResult<EpisodeNfo[]> {
  const read = readNfoDocument(xml, 'episodedetails', 'episode');
  if (!read.ok) return read;
  const { nodes, urlIds, warnings } = read.doc;
  const blocks = nodes.length > 0 ? nodes : [{}];
  const episodes = blocks.map((node, i) => {
    const parsed = readEpisode(node, i === 0 ? urlIds : {});
    const prefix = blocks.length > 1 ? `episode block ${i + 1}: ` : '';
    warnings.push(...parsed.warnings.map((warning) => prefix + warning));
    return parsed.episode;
  });
  return { ok: true, value: episodes, warnings };
}
