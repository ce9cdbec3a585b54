// Ratings from `<ratings><rating name max default><value/><votes/></rating></ratings>` (Kodi v17+) or the
// legacy top-level `<rating>`/`<votes>` pair, plus `<userrating>`.

import type { NfoRating } from './types.ts';
import { parseCount, parseDecimal, positive } from './values.ts';
import {
  attribute,
  element,
  elements,
  firstText,
  hasChildElements,
  readEach,
  textOf,
  type XmlNode,
} from './xml-tree.ts';

const DEFAULT_MAX = 10;

/** Adds `votes` (last, as a spread copy would) unless undefined. */
export function withVotes(rating: NfoRating, votes: number | undefined): NfoRating {
  if (votes !== undefined) rating.votes = votes;
  return rating;
}

function readRatingEntry(rating: XmlNode): NfoRating | undefined {
  const max = positive(parseDecimal(attribute(rating, 'max'))) ?? DEFAULT_MAX;
  // A few writers put the number straight into <rating name="…">7.5</rating>.
  const text = hasChildElements(rating) ? firstText(rating, 'value') : textOf(rating);
  const value = parseDecimal(text);
  if (value === undefined || value <= 0 || value > max) return undefined;
  const source = attribute(rating, 'name')?.toLowerCase();
  const isDefault = attribute(rating, 'default')?.toLowerCase() === 'true';
  const entry: NfoRating =
    source === undefined ? { value, max, isDefault } : { source, value, max, isDefault };
  return withVotes(entry, parseCount(firstText(rating, 'votes')));
}

/**
 * All usable ratings. The legacy `<rating>` is only used when `<ratings>` has none (tinyMediaManager
 * writes both). Zero means "no rating" in Kodi and is dropped, as are values above the scale's max.
 */
export function readRatings(node: XmlNode): NfoRating[] {
  const ratings = readEach(elements(element(node, 'ratings'), 'rating'), readRatingEntry);
  if (ratings.length > 0) return ratings;
  const value = parseDecimal(firstText(node, 'rating'));
  if (value === undefined || value <= 0 || value > DEFAULT_MAX) return [];
  return [withVotes({ value, max: DEFAULT_MAX, isDefault: true }, parseCount(firstText(node, 'votes')))];
}

/** Kodi `<userrating>` 1–10 (0 = not rated → undefined). */
export function readUserRating(node: XmlNode): number | undefined {
  const value = parseDecimal(firstText(node, 'userrating'));
  return value !== undefined && value > 0 && value <= DEFAULT_MAX ? value : undefined;
}
