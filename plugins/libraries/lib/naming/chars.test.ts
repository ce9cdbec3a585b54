// Table tests for the character-code helpers: they answer as the regular expressions they stand in for.
import { describe, expect, test } from 'bun:test';
import {
  collapseWhiteSpace,
  firstLetterOrDigit,
  hasLooseSpace,
  isAsciiDigit,
  isAsciiLetter,
  isSpaceCode,
} from './chars';

describe('isSpaceCode', () => {
  test('is true for exactly the code units \\s matches and trim removes', () => {
    const differ: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      const space = /\s/.test(char);
      if (isSpaceCode(code) !== space || (char.trim() === '') !== space) differ.push(code);
    }
    expect(differ).toEqual([]);
  });

  test.each([
    [32, true],
    [9, true],
    [0xa0, true],
    [0x3000, true],
    [0xfeff, true],
    [0x200b, false],
    [0x180e, false],
    [65, false],
    [Number.NaN, false],
  ])('%p → %p', (code, space) => expect(isSpaceCode(code)).toBe(space));
});

describe('ASCII letters and digits', () => {
  test.each([
    ['a', true, false],
    ['Z', true, false],
    ['0', false, true],
    ['9', false, true],
    ['@', false, false],
    ['[', false, false],
    ['`', false, false],
    ['{', false, false],
    ['é', false, false],
    ['٣', false, false],
  ])('%p → letter %p, digit %p', (char, letter, digit) => {
    expect(isAsciiLetter(char.charCodeAt(0))).toBe(letter);
    expect(isAsciiDigit(char.charCodeAt(0))).toBe(digit);
  });
});

const spaced: [text: string, collapsed: string, loose: boolean][] = [
  ['', '', false],
  ['The Matrix', 'The Matrix', false],
  [' The Matrix', 'The Matrix', false],
  ['The Matrix ', 'The Matrix', false],
  ['The  Matrix', 'The Matrix', true],
  ['The\tMatrix', 'The Matrix', true],
  ['The\u00a0Matrix', 'The Matrix', true],
  ['\u3000The Matrix\u2028', 'The Matrix', true],
  [' ', '', false],
  ['  ', '', true],
  ['a b c', 'a b c', false],
];

describe('collapseWhiteSpace and hasLooseSpace', () => {
  test.each(spaced)('%p → %p (loose: %p)', (text, collapsed, loose) => {
    expect(collapseWhiteSpace(text)).toBe(collapsed);
    expect(collapseWhiteSpace(text)).toBe(text.replace(/\s+/g, ' ').trim());
    expect(hasLooseSpace(text)).toBe(loose);
  });
});

describe('firstLetterOrDigit', () => {
  test.each([
    ['Heat', 0],
    ['... 720p', 4],
    ['[Ω]', 1],
    ['😀 x', 3],
    ['٣', 0],
    ['-- ..', -1],
    ['', -1],
  ])('%p → %p', (text, at) => expect(firstLetterOrDigit(text)).toBe(at));
});
