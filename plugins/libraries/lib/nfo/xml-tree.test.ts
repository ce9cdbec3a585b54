// Table tests for the accessors over parsed NFO trees: missing tags, non-element values, alternate tag names.
import { describe, expect, test } from 'bun:test';
import { elements, firstText, parseElement, textOf, type XmlNode } from './xml-tree.ts';

const tree = (xml: string): XmlNode => {
  const parsed = parseElement(xml, 'movie');
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.node;
};

describe('elements', () => {
  test('a missing tag gives an empty list that cannot be changed', () => {
    const none = elements(tree('<movie><title>T</title></movie>'), 'plot');
    expect(none).toEqual([]);
    expect(Object.isFrozen(none)).toBe(true);
    expect(elements(undefined, 'plot')).toEqual([]);
  });

  test('values that are not elements are left out, elements kept in document order', () => {
    const node: XmlNode = { genre: [{ '#text': 'A' }, 'stray', { '#text': 'B' }], title: 'not a list' };
    expect(elements(node, 'genre')).toEqual([{ '#text': 'A' }, { '#text': 'B' }]);
    expect(elements(node, 'title')).toEqual([]);
  });
});

describe('firstText', () => {
  const node = tree(
    '<movie><plot/><review> Good </review><biography>Bio</biography><title>T</title></movie>',
  );
  test.each([
    [['title'], 'T'],
    [['plot', 'review', 'biography'], 'Good'],
    [['plot', 'missing', 'biography'], 'Bio'],
    [['plot'], undefined],
    [['missing', 'title'], 'T'],
  ])('%p → %p', (names, text) => {
    const [name, alt, alt2] = names;
    expect(firstText(node, name, alt, alt2)).toBe(text);
  });

  test('nothing to read in no node', () => expect(firstText(undefined, 'title')).toBeUndefined());
});

describe('textOf', () => {
  test.each([
    ['<movie>A &amp; B</movie>', 'A & B'],
    ['<movie>  </movie>', undefined],
    ['<movie>x<![CDATA[ <y> ]]></movie>', 'x <y>'],
  ])('%p → %p', (xml, text) => expect(textOf(tree(xml))).toBe(text));
});
