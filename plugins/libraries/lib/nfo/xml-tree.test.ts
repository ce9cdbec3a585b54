// Table tests for the accessors over parsed NFO trees: missing tags, non-element values, alternate tag names.
import { describe, expect, test } from 'bun:test';
import { parseStrictXml } from './strict-xml.ts';
import {
  elements,
  firstText,
  hasChildElements,
  parseElement,
  parseElementLeniently,
  readEach,
  strictElement,
  textOf,
  textsOf,
  trimmedOrUndefined,
  type XmlNode,
} from './xml-tree.ts';

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

describe('trimmedOrUndefined', () => {
  test.each([
    ['Matrix', 'Matrix'],
    [' Matrix\n', 'Matrix'],
    ['', undefined],
    [' \t\n', undefined],
    ['\u00a0x\u00a0', 'x'],
    ['\u3000', undefined],
    ['a b', 'a b'],
    ['é', 'é'],
    ['\u0085', '\u0085'],
  ])('%p → %p', (text, expected) => expect(trimmedOrUndefined(text)).toBe(expected));
});

describe('textsOf', () => {
  const node = tree(
    '<movie><mpaa>PG</mpaa><mpaa/><certification>US:PG</certification><mpaa> R </mpaa></movie>',
  );
  test.each([
    [['mpaa'], ['PG', 'R']],
    [
      ['mpaa', 'certification'],
      ['PG', 'R', 'US:PG'],
    ],
    [
      ['certification', 'mpaa'],
      ['US:PG', 'PG', 'R'],
    ],
    [['missing', 'certification'], ['US:PG']],
    [['missing'], []],
  ])('%p → %p', (names, texts) => {
    const [name, alt] = names;
    expect(textsOf(node, name, alt)).toEqual(texts);
  });

  test('nothing found gives an empty list that cannot be changed', () => {
    expect(Object.isFrozen(textsOf(node, 'missing'))).toBe(true);
    expect(Object.isFrozen(textsOf(undefined, 'mpaa'))).toBe(true);
  });
});

describe('readEach', () => {
  test('reads every element in order and leaves out those that give nothing', () => {
    const node = tree('<movie><a>1</a><a/><a>3</a></movie>');
    expect(readEach(elements(node, 'a'), textOf)).toEqual(['1', '3']);
    expect(readEach(elements(node, 'b'), textOf)).toEqual([]);
  });
});

describe('hasChildElements', () => {
  test.each([
    ['<movie><title>T</title></movie>', true],
    ['<movie a="1">text</movie>', false],
    ['<movie><![CDATA[x]]></movie>', false],
    ['<movie/>', false],
  ])('%p → %p', (xml, expected) => expect(hasChildElements(tree(xml))).toBe(expected));
});

describe('strict and lenient element parsing', () => {
  test.each(['<movie><title>T</title></movie>', '<MOVIE a="1"><Title>T</Title></MOVIE>', '<movie></movie>'])(
    'strictElement gives what parseElement gives for %p',
    (xml) => {
      const strict = parseStrictXml(xml);
      expect(strict).not.toBeNull();
      expect(strictElement(strict as XmlNode, 'movie')).toEqual(parseElement(xml, 'movie'));
    },
  );

  test.each([
    ['<movie><title>A & B</title></movie>', true],
    ['<movie><title>A</movie>', true],
    ['<other/>', false],
  ])('parseElementLeniently reads %p as parseElement does', (xml, hasNode) => {
    expect(parseElementLeniently(xml, 'movie')).toEqual(parseElement(xml, 'movie'));
    const parsed = parseElementLeniently(xml, 'movie');
    expect(parsed.ok && Object.keys(parsed.node).length > 0).toBe(hasNode);
  });
});
