// Table tests for normalising <mpaa>/<certification> values as different NFO writers produce them.

import { describe, expect, test } from 'bun:test';
import { isPrintableWord, mayBeRated, parseContentRating, pickContentRating } from './content-rating.ts';

describe('parseContentRating', () => {
  test.each([
    ['PG-13', { rating: 'PG-13', raw: 'PG-13' }],
    ['Rated PG-13', { rating: 'PG-13', raw: 'Rated PG-13' }],
    ['US:PG-13', { rating: 'PG-13', country: 'US', raw: 'US:PG-13' }],
    ['us: Rated R', { rating: 'R', country: 'US', raw: 'us: Rated R' }],
    ['Rated R for strong violence', { rating: 'R', raw: 'Rated R for strong violence' }],
    ['DE:FSK 12', { rating: 'FSK 12', country: 'DE', raw: 'DE:FSK 12' }],
    ['Germany:16', { rating: '16', country: 'Germany', raw: 'Germany:16' }],
    ['TV-MA', { rating: 'TV-MA', raw: 'TV-MA' }],
    ['Rated: NR', { rating: 'NR', raw: 'Rated: NR' }],
    ['Rated', undefined],
    ['  ', undefined],
    [undefined, undefined],
  ])('%p → %j', (raw, expected) => {
    expect(parseContentRating(raw)).toEqual(expected);
  });
});

describe('pickContentRating', () => {
  test.each([
    [['US:PG-13 / DE:12'], { rating: 'PG-13', country: 'US', raw: 'US:PG-13' }],
    [['R', 'US:R / DE:12'], { rating: 'R', country: 'US', raw: 'R' }],
    [['R', 'DE:12'], { rating: 'R', raw: 'R' }],
    [['', 'GB:15'], { rating: '15', country: 'GB', raw: 'GB:15' }],
    [[], undefined],
  ])('%p → %j', (candidates, expected) => {
    expect(pickContentRating(candidates)).toEqual(expected);
  });
});

describe('character checks', () => {
  test.each([
    ['Rated R', true, false],
    ['rated', true, true],
    ['R', true, true],
    ['PG-13', false, true],
    ['US:PG-13', false, true],
    ['FSK 12', false, false],
    ['12\u00a0', false, false],
    ['é', false, false],
    ['', false, true],
  ])('%p: may be rated %p, printable word %p', (text, rated, word) => {
    expect(mayBeRated(text)).toBe(rated);
    expect(isPrintableWord(text)).toBe(word);
  });
});
