// Table tests for building a kind's result from the common fields: which keys, in which order.
import { describe, expect, test } from 'bun:test';
import { definedResult, mergeIds, readCommonFields, withoutUndefined } from './common-fields.ts';
import { parseElement, type XmlNode } from './xml-tree.ts';

const fieldsOf = (xml: string) => {
  const parsed = parseElement(xml, 'movie');
  if (!parsed.ok) throw new Error(parsed.error);
  return readCommonFields(parsed.node as XmlNode, 'movie').fields;
};

const FULL = `<movie><uniqueid type="tmdb" default="true">603</uniqueid><title>T</title><originaltitle>O</originaltitle>
<sorttitle>S</sorttitle><year>1999</year><plot>P</plot><outline>Ou</outline><tagline>Ta</tagline><runtime>136</runtime>
<rating>8</rating><userrating>9</userrating><mpaa>R</mpaa><genre>G</genre><studio>St</studio><tag>Tg</tag>
<country>C</country><actor><name>A</name></actor><director>D</director><credits>W</credits><lockdata>true</lockdata>
<trailer>http://t</trailer><thumb>p.jpg</thumb><fileinfo><streamdetails><audio><codec>ac3</codec></audio>
</streamdetails></fileinfo></movie>`;

describe('definedResult', () => {
  test.each([
    ['every common field', FULL, 2001, { premiered: '2001-01-01', set: { name: 'N' } }],
    ['year dropped', FULL, undefined, { premiered: undefined, set: undefined }],
    ['almost nothing', '<movie><title>T</title></movie>', 1999, { showTitle: 'X', namedSeasons: [] }],
    ['nothing', '<movie/>', undefined, {}],
  ])('%s: same keys, values and order as spreading and dropping undefined', (_name, xml, year, extra) => {
    const fields = fieldsOf(xml);
    const expected = withoutUndefined({ ...fields, year, ...extra });
    const actual = definedResult<object>(fields, year, extra);
    expect(actual).toEqual(expected);
    expect(Object.keys(actual)).toEqual(Object.keys(expected));
  });
});

describe('mergeIds', () => {
  test.each([
    [{ tmdb: '603' }, { imdb: 'tt0133093', tmdb: '1' }, { tmdb: '603', imdb: 'tt0133093' }],
    [{}, {}, {}],
    [{}, { tmdb: 'x' }, {}],
  ])('%p + %p → %p', (ids, extra, expected) => {
    const merged = { ...ids };
    mergeIds(merged, extra);
    expect(merged).toEqual(expected);
  });
});
