// Table tests for the prefix index: the same answer as checking every name, in listing order.
import { describe, expect, test } from 'bun:test';
import { prefixIndex, startingWith } from './name-index.ts';

const slow = (names: string[], prefix: string) =>
  names.flatMap((n, i) => (n.toLowerCase().startsWith(prefix) ? [i] : []));

const LISTING = [
  'Heat (1995)-poster.jpg',
  'heat (1995)-fanart.jpg',
  'Heat (1995) 2-poster.jpg',
  'Heater (2000)-poster.jpg',
  'HEAT (1995)-logo.png',
  'Up (2009)-poster.jpg',
  'Ünïcode (2001)-poster.jpg',
  'ünïcode (2001).en.srt',
  '',
  'heat',
];

describe('startingWith', () => {
  test.each([
    ['heat (1995)', [0, 1, 2, 4]],
    ['heat (1995)-', [0, 1, 4]],
    ['heat', [0, 1, 2, 3, 4, 9]],
    ['heater', [3]],
    ['up (2009)', [5]],
    ['ünïcode (2001)', [6, 7]],
    ['zzz', []],
    ['', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]],
  ])('%p → %p, as a check of every name gives', (prefix, positions) => {
    expect(startingWith(prefixIndex(LISTING), prefix)).toEqual(positions);
    expect(slow(LISTING, prefix)).toEqual(positions);
  });

  test('random listings agree with checking every name', () => {
    const letters = 'aAbB(1) -.é';
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const word = () => Array.from({ length: rnd(6) }, () => letters[rnd(letters.length)]).join('');
    for (let round = 0; round < 200; round++) {
      const names = Array.from({ length: rnd(30) }, word);
      const index = prefixIndex(names);
      const prefix = word().toLowerCase();
      expect(startingWith(index, prefix)).toEqual(slow(names, prefix));
    }
  });
});
