// Table tests for the safe number/date/list conversions used by the NFO parsers.

import { describe, expect, test } from 'bun:test';
import {
  addValue,
  isDecimalText,
  isDigit,
  isDigits,
  isIntegerText,
  parseBoolean,
  parseCount,
  parseDate,
  parseDecimal,
  parseInteger,
  parseRuntimeMinutes,
  parseYear,
  SLASH,
  SPACED_SLASH,
  splitValues,
} from './values.ts';

describe('parseInteger', () => {
  test.each([
    ['42', 42],
    [' -1 ', -1],
    ['+3', 3],
    ['4.5', undefined],
    ['12abc', undefined],
    ['', undefined],
    [undefined, undefined],
    ['NaN', undefined],
  ])('%p → %p', (text, expected) => {
    expect(parseInteger(text)).toBe(expected);
  });
});

describe('parseDecimal', () => {
  test.each([
    ['8.700000', 8.7],
    ['7,8', 7.8],
    ['.5', 0.5],
    ['10', 10],
    ['1,234.5', undefined],
    ['Infinity', undefined],
    ['7.8/10', undefined],
    ['   ', undefined],
  ])('%p → %p', (text, expected) => {
    expect(parseDecimal(text)).toBe(expected);
  });
});

describe('parseCount', () => {
  test.each([
    ['1987654', 1987654],
    ['1,234,567', 1234567],
    ['1.234', 1234],
    ['12 345', 12345],
    ['12,34', undefined],
    ['-5', undefined],
    ['many', undefined],
  ])('%p → %p', (text, expected) => {
    expect(parseCount(text)).toBe(expected);
  });
});

describe('parseRuntimeMinutes', () => {
  test.each([
    ['136', 136],
    ['117 min', 117],
    ['95 minutes', 95],
    ['117.6', 118],
    ['1h 57m', 117],
    ['2 hrs 5 mins', 125],
    ['2h', 120],
    ['0', undefined],
    ['-5', undefined],
    ['1:57:00', undefined],
    ['', undefined],
  ])('%p → %p', (text, expected) => {
    expect(parseRuntimeMinutes(text)).toBe(expected);
  });
});

describe('parseDate', () => {
  test.each([
    ['1999-03-30', '1999-03-30'],
    ['1999-3-5', '1999-03-05'],
    ['2011/04/17', '2011-04-17'],
    ['2022-11-05 21:41:12', '2022-11-05'],
    ['2022-11-05T21:41:12Z', '2022-11-05'],
    ['2021-02-30', undefined],
    ['0000-00-00', undefined],
    ['1999', undefined],
    ['30.03.1999', undefined],
    ['', undefined],
  ])('%p → %p', (text, expected) => {
    expect(parseDate(text)).toBe(expected);
  });
});

describe('parseYear', () => {
  test.each([
    ['1999', 1999],
    ['0', undefined],
    ['1850', undefined],
    ['99999', undefined],
    ['1999-03-30', undefined],
  ])('%p → %p', (text, expected) => {
    expect(parseYear(text)).toBe(expected);
  });
});

describe('parseBoolean', () => {
  test.each([
    ['true', true],
    ['True', true],
    ['1', true],
    ['false', false],
    ['no', false],
    ['maybe', undefined],
    [undefined, undefined],
  ])('%p → %p', (text, expected) => {
    expect(parseBoolean(text)).toBe(expected);
  });
});

describe('splitValues', () => {
  test.each([
    [['Action / Sci-Fi', 'Drama'], SLASH, ['Action', 'Sci-Fi', 'Drama']],
    [['Action/Adventure'], SLASH, ['Action', 'Adventure']],
    [['Action', 'action', ' '], SLASH, ['Action']],
    [
      ['Universal Pictures / Amblin Entertainment'],
      SPACED_SLASH,
      ['Universal Pictures', 'Amblin Entertainment'],
    ],
    [['AC/DC Films'], SPACED_SLASH, ['AC/DC Films']],
    [[], SLASH, []],
    [[' Drama '], SLASH, ['Drama']],
    [['Drama', 'Crime / drama'], SLASH, ['Drama', 'Crime']],
  ])('%p split on %p → %p', (values, separator, expected) => {
    expect(splitValues(values, separator)).toEqual(expected);
  });
});

describe('character checks', () => {
  test.each([
    ['42', true, true, true],
    ['+3', true, true, false],
    ['-1', true, true, false],
    ['0', true, true, true],
    ['123456789012345', true, true, true],
    ['1234567890123456', false, true, true],
    ['4.5', false, true, false],
    ['.5', false, true, false],
    ['5.', false, true, false],
    ['-.5', false, true, false],
    ['.', false, false, false],
    ['+', false, false, false],
    ['', false, false, false],
    ['1e3', false, false, false],
    ['１２', false, false, false],
    ['12 ', false, false, false],
    ['1.2.3', false, false, false],
  ])('%p: integer %p, decimal %p, digits %p', (text, integer, decimal, digits) => {
    expect(isIntegerText(text)).toBe(integer);
    expect(isDecimalText(text)).toBe(decimal);
    expect(isDigits(text)).toBe(digits);
  });
});

describe('isDigit', () => {
  test.each([
    ['0', true],
    ['9', true],
    ['/', false],
    [':', false],
    ['a', false],
    ['١', false],
  ])('%p → %p', (char, expected) => expect(isDigit(char.charCodeAt(0))).toBe(expected));
});

describe('addValue', () => {
  test('adds trimmed parts once in any case, skips empty ones', () => {
    const seen = new Set<string>();
    const out: string[] = [];
    for (const part of [' Drama ', 'drama', '', '  ', 'Crime', 'DRAMA']) addValue(part, seen, out);
    expect(out).toEqual(['Drama', 'Crime']);
  });
});

describe('splitValues of single values', () => {
  test.each([
    [['Action'], SLASH, ['Action']],
    [['  Action  '], SPACED_SLASH, ['Action']],
    [['   '], SLASH, []],
    [['A|B'], /\|/, ['A', 'B']],
    [['A|B'], SLASH, ['A|B']],
  ])('%p split on %p → %p', (values, separator, expected) => {
    expect(splitValues(values, separator)).toEqual(expected);
  });
});
