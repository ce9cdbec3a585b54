// The decimal-only `integer` and `numeric` formats behind Elysia's number coercion of path and query text
// (core/src/http/number-formats.ts): what a number in a URL may look like.
import { describe, expect, test } from 'bun:test';
import { isIntegerText, isNumericText } from '../../core/src/http/number-formats.ts';

describe('isIntegerText', () => {
  test.each([
    ['0', true],
    ['7', true],
    ['01', true],
    ['-3', true],
    ['100000', true],
    ['9007199254740991', true],
    ['', false],
    [' ', false],
    [' 1', false],
    ['1 ', false],
    ['0x1', false],
    ['0b1', false],
    ['0o7', false],
    ['1e2', false],
    ['1.0', false],
    ['1.5', false],
    ['+1', false],
    ['-', false],
    ['Infinity', false],
    ['NaN', false],
    ['١٢', false],
    ['99999999999999999999', false],
  ])('%p → %p', (text, ok) => {
    expect(isIntegerText(text)).toBe(ok);
  });
});

describe('isNumericText', () => {
  test.each([
    ['0', true],
    ['12.5', true],
    ['-0.25', true],
    ['.5', true],
    ['3.', true],
    ['1e-7', true],
    ['1e+21', true],
    ['', false],
    [' ', false],
    ['\t2', false],
    ['0x10', false],
    ['Infinity', false],
    ['-Infinity', false],
    ['1e999', false],
    ['1,5', false],
    ['.', false],
    ['e5', false],
  ])('%p → %p', (text, ok) => {
    expect(isNumericText(text)).toBe(ok);
  });
});
