// The repeated-parameter check's pure half (core/src/http/repeated-query.ts): which keys of a query schema take one
// value (arrays take several), and which of them a request's query string gives more than once, keys read as Elysia
// reads them. The route hooks are tested with the undeclared-input check (unknown-input.test.ts).
import { describe, expect, test } from 'bun:test';
import { t } from 'elysia';
import { PageQuery } from '../../core/src/http/pagination.ts';
import { repeatedParameters, singleValuedKeys } from '../../core/src/http/repeated-query.ts';

describe('singleValuedKeys', () => {
  test.each([
    [
      'strings, numbers, booleans and literals',
      [t.Object({ a: t.String(), b: t.Integer(), c: t.Boolean(), d: t.Literal('x') })],
      ['a', 'b', 'c', 'd'],
    ],
    ['optional ones', [t.Object({ a: t.Optional(t.String()) })], ['a']],
    ['a union of literals', [t.Object({ sort: t.Union([t.Literal('a'), t.Literal('b')]) })], ['sort']],
    ['the page query (a transformed limit)', [PageQuery], ['cursor', 'limit']],
    ['not an array', [t.Object({ a: t.String(), tags: t.Array(t.String()) })], ['a']],
    ['not an optional array', [t.Object({ tags: t.Optional(t.Array(t.String())) })], []],
    [
      'not a key that may be a string or an array',
      [t.Object({ x: t.Union([t.String(), t.Array(t.String())]) })],
      [],
    ],
    ['not a key taking any value', [t.Object({ x: t.Any(), y: t.String() })], ['y']],
    [
      'the keys of a composite',
      [t.Composite([t.Object({ a: t.String() }), PageQuery])],
      ['a', 'cursor', 'limit'],
    ],
    [
      'the keys of every schema given (a route and its guard)',
      [t.Object({ a: t.String() }), t.Object({ b: t.String() })],
      ['a', 'b'],
    ],
    [
      'not a key one schema gives as an array',
      [t.Object({ a: t.String() }), t.Object({ a: t.Array(t.String()) })],
      [],
    ],
    ['none of a record', [t.Record(t.String(), t.Unknown())], []],
    ['none of an open object without properties', [t.Object({}, { additionalProperties: true })], []],
    ['none of a model name', ['Query'], []],
    ['none without a schema', [], []],
  ])('%s', (_name, schemas, expected) => {
    expect([...singleValuedKeys(schemas)]).toEqual(expected);
  });
});

describe('repeatedParameters', () => {
  const single = new Set(['sort', 'genre', 'limit', 'my key']);
  const url = (query: string) => `http://localhost/v1/movies${query}`;

  test.each<[string, string, [string, number][]]>([
    ['no query', '', []],
    ['an empty query', '?', []],
    ['each once', '?sort=year&genre=Drama&limit=5', []],
    ['a key that may repeat', '?tag=a&tag=b', []],
    ['an undeclared key repeated (the unknown-parameter check names it)', '?x=1&x=2', []],
    ['a repeated key', '?genre=Drama&genre=Comedy', [['query.genre', 2]]],
    ['a key three times, with and without a value', '?sort=year&sort&sort=', [['query.sort', 3]]],
    [
      'two repeated keys, in the order first given',
      '?limit=1&sort=a&limit=2&sort=b',
      [
        ['query.limit', 2],
        ['query.sort', 2],
      ],
    ],
    ['a percent-encoded spelling of a key', '?%67enre=a&genre=b', [['query.genre', 2]]],
    ['a key with + as its space', '?my+key=1&my%20key=2', [['query.my key', 2]]],
    ['an invalid escape in another key', '?%zz=1&genre=a', []],
    ['an encoded & in a value', '?genre=a%26genre%3Db', []],
  ])('%s', (_name, query, expected) => {
    expect(repeatedParameters(url(query), single)).toEqual(
      expected.map(([path, n]) => ({ path, message: `Given ${n} times; this parameter takes one value` })),
    );
  });

  test('the one shared empty list when nothing repeats', () => {
    expect(repeatedParameters(url('?sort=a'), single)).toBe(repeatedParameters(url(''), single));
    expect(repeatedParameters(url('?sort=a&sort=b'), new Set())).toBe(repeatedParameters(url(''), single));
  });
});
