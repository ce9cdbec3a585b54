// Table tests for the strict reader's parts: spaces, text between tags, references, opening tags and appending.
import { describe, expect, test } from 'bun:test';
import {
  appendChild,
  Cursor,
  elementText,
  isAsciiSpace,
  onlyXmlSpace,
  openTag,
  readOpenTag,
  type StrictNode,
  skipSpace,
} from './strict-xml.ts';

describe('spaces', () => {
  test.each([
    [' \t\r\n>', 0, 4],
    ['>', 0, 0],
    ['\u000b>', 0, 0],
    ['  ', 0, 2],
  ])('skipSpace(%p, %p) → %p', (xml, at, end) => expect(skipSpace(xml, at)).toBe(end));

  test.each([
    [9, true],
    [10, true],
    [11, true],
    [12, true],
    [13, true],
    [32, true],
    [8, false],
    [14, false],
    [160, false],
    [65, false],
  ])('isAsciiSpace(%p) → %p', (c, expected) => expect(isAsciiSpace(c)).toBe(expected));

  test.each([
    [' \n\t\r ', true],
    ['', true],
    [' x ', false],
    ['\u000b', false],
    ['\u00a0', false],
  ])('onlyXmlSpace(%p) → %p', (text, expected) =>
    expect(onlyXmlSpace(`<${text}<`, 1, text.length + 1)).toBe(expected),
  );
});

describe('referencesOk', () => {
  test.each([
    ['plain', true],
    ['A &amp; B &#233; &#xE9; &eacute;', true],
    ['A & B', false],
    ['&amp', false],
    ['&#;', false],
    ['&#12345678;', false],
    ['&a;', false],
  ])('%p → %p', (text, ok) => expect(new Cursor(text).referencesOk(0, text.length)).toBe(ok));

  test('an `&` outside the range does not count; ranges are checked in order', () => {
    const xml = 'a & b &amp; c & d';
    const cursor = new Cursor(xml);
    expect(cursor.referencesOk(0, 1)).toBe(true);
    expect(cursor.referencesOk(4, 14)).toBe(true);
    expect(cursor.referencesOk(14, xml.length)).toBe(false);
  });
});

describe('elementText', () => {
  test.each([
    ['  The Matrix \n', 'The Matrix'],
    ['\n    ', ''],
    ['', ''],
    ['A &amp; B', 'A &amp; B'],
    ['\u00a0nbsp\u00a0 ', 'nbsp'],
    [' \u2028x\u3000', 'x'],
    ['naïve café', 'naïve café'],
    ['\u0085x', '\u0085x'],
    ['1 > 0', null],
    ['A & B', null],
    ['   >   ', null],
  ])('%p → %p', (text, expected) => {
    const xml = `<t>${text}</t>`;
    expect(elementText(xml, 3, 3 + text.length, new Cursor(xml))).toBe(expected);
  });
});

describe('readOpenTag', () => {
  test.each([
    ['<title>', 7, 'title', 'title', null, false],
    ['<Title  >', 9, 'Title', 'title', null, false],
    ['<thumb/>', 8, 'thumb', 'thumb', null, true],
    ['<br />', 6, 'br', 'br', null, true],
    [
      '<uniqueid type="tmdb" DEFAULT=\'true\'>',
      37,
      'uniqueid',
      'uniqueid',
      { type: 'tmdb', default: 'true' },
      false,
    ],
    ['<r a = "x&amp;y"/>', 18, 'r', 'r', { a: 'x&amp;y' }, true],
    ['<constructor>', 13, 'constructor', 'x-constructor', null, false],
  ])('%p ends at %p', (xml, end, name, treeKey, attrs, selfClosing) => {
    expect(readOpenTag(xml, 1, new Cursor(xml))).toBe(end);
    const { slot, ...read } = openTag;
    expect(read).toEqual({ name, key: treeKey, attrs, selfClosing });
    expect(slot).toBeGreaterThanOrEqual(0);
  });

  test.each([
    '<thumb/ >',
    '<a b="1"c="2">',
    '<a b=1>',
    '<a b>',
    '<a b="<">',
    '<a b="x & y">',
    '<a b="1" B="2">',
    '<a __proto__="1">',
    '<a b="1',
    '<1a>',
    '<a',
  ])('declines %p', (xml) => expect(readOpenTag(xml, 1, new Cursor(xml))).toBe(-1));
});

describe('appendChild', () => {
  test('the first child of a name makes its list; later ones join it in order', () => {
    const parent: StrictNode = {};
    const a = { '#text': 'a' };
    const b = { '#text': 'b' };
    const c = { '#text': 'c' };
    appendChild(parent, 'genre', a);
    appendChild(parent, 'title', b);
    appendChild(parent, 'genre', c);
    expect(parent).toEqual({ genre: [a, c], title: [b] });
    expect(Object.keys(parent)).toEqual(['genre', 'title']);
  });
});
