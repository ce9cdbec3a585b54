// Table tests for the strict reader's names: reading a name, its tree and attribute keys, and the table of names seen.
import { describe, expect, test } from 'bun:test';
import {
  attributeKey,
  expectedSlot,
  followed,
  isNameChar,
  key,
  nameEnd,
  nameSlot,
  sameAt,
  tagNames,
  treeKeys,
} from './xml-names.ts';

describe('key and attributeKey', () => {
  test.each([
    ['title', 'title', 'title'],
    ['Title', 'title', 'title'],
    ['imdb_ID', 'imdb_id', 'imdb_id'],
    ['__proto__', 'x-__proto__', null],
    ['Constructor', 'x-constructor', null],
    ['PROTOTYPE', 'x-prototype', null],
    ['toString', 'tostring', 'tostring'],
  ])('%p → tree key %p, attribute key %p', (name, tree, attribute) => {
    expect(key(name)).toBe(tree);
    expect(attributeKey(name)).toBe(attribute);
  });
});

describe('nameEnd', () => {
  test.each([
    ['<title>', 1, 6],
    ['<a:b.c-d_9 x', 1, 10],
    ['<_x/>', 1, 3],
    ['<1movie>', 1, -1],
    ['<-x>', 1, -1],
    ['< title>', 1, -1],
    ['<tïtle>', 1, 2],
    ['<movie', 1, 6],
    ['<', 1, -1],
  ])('%p from %p → %p', (xml, at, end) => expect(nameEnd(xml, at)).toBe(end));
});

describe('sameAt', () => {
  test.each([
    ['</title>', 2, 'title', true],
    ['</titl', 2, 'title', false],
    ['</Title>', 2, 'title', false],
    ['</titles>', 2, 'title', true],
    ['', 0, '', true],
  ])('%p at %p has %p: %p', (xml, at, name, expected) => expect(sameAt(xml, at, name)).toBe(expected));
});

describe('nameSlot', () => {
  test('a name gets one slot, whatever text it is read from; other spellings get their own', () => {
    const read = (xml: string, at: number) => nameSlot(xml, at, nameEnd(xml, at));
    const slot = read('<plotline>', 1);
    expect(slot).toBeGreaterThanOrEqual(0);
    expect(read('</plotline>', 2)).toBe(slot);
    expect(read('x <plotline a="1">', 3)).toBe(slot);
    expect([tagNames[slot], treeKeys[slot]]).toEqual(['plotline', 'plotline']);
    const upper = read('<PlotLine>', 1);
    expect(upper).not.toBe(slot);
    expect([tagNames[upper], treeKeys[upper]]).toEqual(['PlotLine', 'plotline']);
    expect(read('<plotlines>', 1)).not.toBe(slot);
  });
});

describe('isNameChar', () => {
  test.each([
    ['a', true],
    ['Z', true],
    ['0', true],
    [':', true],
    ['_', true],
    ['.', true],
    ['-', true],
    [' ', false],
    ['>', false],
    ['/', false],
    ['@', false],
    ['[', false],
    ['ï', false],
  ])('%p → %p', (char, expected) => expect(isNameChar(char.charCodeAt(0))).toBe(expected));
});

describe('expectedSlot', () => {
  const slotOf = (name: string) => nameSlot(`<${name}>`, 1, nameEnd(`<${name}>`, 1));
  test('the tag that followed another last time is recognised only when its whole name is there', () => {
    const title = slotOf('nexttitle');
    const year = slotOf('nextyear');
    followed(title, year);
    expect(expectedSlot('<nextyear>', 1, title)).toBe(year);
    expect(expectedSlot('<nextyear a="1">', 1, title)).toBe(year);
    expect(expectedSlot('<nextyear/>', 1, title)).toBe(year);
    expect(expectedSlot('<nextyears>', 1, title)).toBe(-1);
    expect(expectedSlot('<nextyea', 1, title)).toBe(-1);
    expect(expectedSlot('<NextYear>', 1, title)).toBe(-1);
    expect(expectedSlot('<nextyear>', 1, year)).toBe(-1);
  });

  test('with no tag before, the first tag of the last document is tried', () => {
    const root = slotOf('nextroot');
    followed(-1, root);
    expect(expectedSlot('<nextroot>', 1, -1)).toBe(root);
    expect(expectedSlot('<movie>', 1, -1)).toBe(-1);
  });
});
