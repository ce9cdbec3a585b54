// Sort keys: digit runs padded to a fixed width without their leading zeros, everything else kept, the length cut
// as sort titles are; and titles ordered by key (bytes, as SQLite compares text) come in natural order.
import { describe, expect, test } from 'bun:test';
import { SORT_TITLE_MAX, sortTitleOf } from './identity.ts';
import { SORT_KEY_DIGITS, sortKeyOf } from './sort-key.ts';

const pad = (digits: string) => digits.padStart(SORT_KEY_DIGITS, '0');

describe('sortKeyOf', () => {
  test.each([
    ['', ''],
    ['matrix', 'matrix'],
    ['saw 2', `saw ${pad('2')}`],
    ['saw 10', `saw ${pad('10')}`],
    ['2', pad('2')],
    ['2001 a space odyssey', `${pad('2001')} a space odyssey`],
    ['film 2 5', `film ${pad('2')} ${pad('5')}`],
    ['season 02', `season ${pad('2')}`],
    ['007', pad('7')],
    ['0', pad('')],
    ['000', pad('')],
    ['film 0', `film ${pad('')}`],
    ['100', pad('100')],
    ['apollo13x', `apollo${pad('13')}x`],
    ['a1b22c333', `a${pad('1')}b${pad('22')}c${pad('333')}`],
    ['1 2 3', `${pad('1')} ${pad('2')} ${pad('3')}`],
    ['9999999999', '9999999999'],
    ['12345678901 x', '12345678901 x'],
    ['00012345678901', '12345678901'],
    ['七人の侍', '七人の侍'],
    ['第9地区', `第${pad('9')}地区`],
    ['amelie 2', `amelie ${pad('2')}`],
    // Only ASCII digits are padded (Arabic-Indic digits stay as they are).
    ['فيلم ٣', 'فيلم ٣'],
    ['𠀀1𠀀', `𠀀${pad('1')}𠀀`],
    ['episode title 7', `episode title ${pad('7')}`],
    ['a 00012345678901 b 7', `a 12345678901 b ${pad('7')}`],
    ['x0y00z', `x${pad('')}y${pad('')}z`],
    ['1x', `${pad('1')}x`],
  ])('%p → %p', (title, key) => expect(sortKeyOf(title)).toBe(key));

  test('a key is cut to the sort title limit, by code point', () => {
    const ones = Array(SORT_TITLE_MAX / 2)
      .fill('1')
      .join(' ');
    const key = sortKeyOf(ones);
    expect(key).toBe(
      Array(SORT_TITLE_MAX)
        .fill(`${pad('1')} `)
        .join('')
        .slice(0, SORT_TITLE_MAX),
    );
    const wide = sortKeyOf('𠀀1'.repeat(SORT_TITLE_MAX / 2));
    expect(Array.from(wide)).toHaveLength(SORT_TITLE_MAX);
    expect(wide.startsWith(`𠀀${pad('1')}𠀀`)).toBe(true);
    expect(sortKeyOf('長'.repeat(SORT_TITLE_MAX))).toBe('長'.repeat(SORT_TITLE_MAX));
  });
});

// Titles as a list sorted by title shows them: by key, in SQLite's order (UTF-8 bytes).
const ordered = (titles: string[]) =>
  [...titles].sort((a, b) => {
    const ka = Buffer.from(sortKeyOf(sortTitleOf(a)));
    const kb = Buffer.from(sortKeyOf(sortTitleOf(b)));
    return Buffer.compare(ka, kb);
  });

describe('titles in key order', () => {
  test.each([
    [
      ['Film 10', 'Film 100', 'Film 2', 'film 3', 'Film 1', 'Film 2.5'],
      ['Film 1', 'Film 2', 'Film 2.5', 'film 3', 'Film 10', 'Film 100'],
    ],
    [
      ['Saw 10', 'Saw', 'Saw 2', 'Saw 3D'],
      ['Saw', 'Saw 2', 'Saw 3D', 'Saw 10'],
    ],
    [
      ['The Film 10', 'Film 9', 'A Film 11'],
      ['Film 9', 'The Film 10', 'A Film 11'],
    ],
    [
      ['Season 10', 'Season 9', 'Season 1', 'Season 0'],
      ['Season 0', 'Season 1', 'Season 9', 'Season 10'],
    ],
    [
      ['2012', '300', '10,000 BC', '1917', '21 Jump Street'],
      ['10,000 BC', '21 Jump Street', '300', '1917', '2012'],
    ],
    [
      ['Épisode 10', 'Episode 9', 'Ähnlich 2'],
      ['Ähnlich 2', 'Episode 9', 'Épisode 10'],
    ],
    [
      ['第10話', '第9話', '第1話'],
      ['第1話', '第9話', '第10話'],
    ],
    [
      ['Film 2 Part 10', 'Film 2 Part 9', 'Film 10 Part 1'],
      ['Film 2 Part 9', 'Film 2 Part 10', 'Film 10 Part 1'],
    ],
  ])('%p', (titles, natural) => expect(ordered(titles)).toEqual(natural));
});
