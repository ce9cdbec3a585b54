// Table tests for query parsing and FTS5 MATCH expression building.
import { describe, expect, test } from 'bun:test';
import { anyOf, matchExpr, parseQuery, phrase, type QueryTerm } from './match-expr.ts';

describe('parseQuery', () => {
  test.each([
    ['matrix', [{ word: 'matrix', prefix: true, alternatives: [] }]],
    ['matrix ', [{ word: 'matrix', prefix: false, alternatives: [] }]],
    [
      'The Matr',
      [
        { word: 'the', prefix: false, alternatives: [] },
        { word: 'matr', prefix: true, alternatives: [] },
      ],
    ],
    ['Amélie!', [{ word: 'amelie', prefix: true, alternatives: [] }]],
    ['  ?! ', []],
  ])('%p', (q, terms) => expect(parseQuery(q)).toEqual(terms));
});

describe('phrase', () => {
  test.each([
    ['matrix', false, '"matrix"'],
    ['matr', true, '"matr"*'],
    ['a"b', false, '"a""b"'],
  ])('%p prefix=%p → %p', (t, p, out) => expect(phrase(t, p)).toBe(out));
});

describe('matchExpr', () => {
  const terms: QueryTerm[] = [
    { word: 'breking', prefix: false, alternatives: ['breaking'] },
    { word: 'ba', prefix: true, alternatives: [] },
  ];
  test.each([
    [{ typos: false }, '("breking" AND "ba"*)'],
    [{ typos: true }, '(("breking" OR "breaking") AND "ba"*)'],
    [{ typos: true, columns: ['title'] }, '{title} : (("breking" OR "breaking") AND "ba"*)'],
    [{ typos: false, columns: ['title', 'alt'] }, '{title alt} : ("breking" AND "ba"*)'],
  ])('%p → %p', (o, out) => expect(matchExpr(terms, o)).toBe(out));
});

describe('anyOf', () => {
  test.each([
    [['{title} : ("a")'], '{title} : ("a")'],
    [['{title} : ("a")', '{alt} : ("a")'], '({title} : ("a")) OR ({alt} : ("a"))'],
  ])('%p → %p', (exprs, out) => expect(anyOf(exprs)).toBe(out));
});
