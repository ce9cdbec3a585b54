// Table tests for typo allowances, deletion neighbourhoods, the bounded edit distance and candidate picking.
import { describe, expect, test } from 'bun:test';
import { deletionsOf, maxTyposFor, pickCandidates, termKeys, typoDistance } from './typo.ts';

describe('maxTyposFor', () => {
  test.each([
    ['bad', 0],
    ['dune', 0],
    ['matrx', 1],
    ['breking', 1],
    ['interstel', 2],
    ['intersteller', 2],
    ['12345', 0],
    ['amélie', 1],
  ])('%p allows %p typos', (word, n) => expect(maxTyposFor(word)).toBe(n));
});

describe('deletionsOf', () => {
  test.each([
    ['abc', 0, ['abc']],
    ['abc', 1, ['abc', 'bc', 'ac', 'ab']],
    ['aab', 1, ['aab', 'ab', 'aa']],
    ['ab', 2, ['ab', 'b', 'a']],
  ])('%p at depth %p', (word, depth, out) =>
    expect(deletionsOf(word, depth).sort()).toEqual([...out].sort()),
  );

  test('a substitution shares a one-deletion key with the original', () => {
    const a = new Set(deletionsOf('intersteller', 1));
    expect(deletionsOf('interstellar', 1).some((d) => a.has(d))).toBe(true);
  });
});

describe('termKeys', () => {
  test.each([
    ['bad', 0],
    ['dune', 5],
    ['matrix', 7],
    ['breaking', 1 + 8 + 28],
  ])('%p has %p keys', (term, n) => expect(termKeys(term).length).toBe(n));

  test.each([
    ['intersteler', 'interstellar'],
    ['intarstellar', 'interstellar'],
    ['matrx', 'matrix'],
    ['braeking', 'breaking'],
  ])('a query %p shares a key with %p', (query, term) => {
    const keys = new Set(termKeys(term));
    expect(deletionsOf(query, maxTyposFor(query)).some((d) => keys.has(d))).toBe(true);
  });
});

describe('typoDistance', () => {
  test.each([
    ['matrix', 'matrix', 2, 0],
    ['matrx', 'matrix', 2, 1],
    ['breking', 'breaking', 2, 1],
    ['intersteller', 'interstellar', 2, 1],
    ['teh', 'the', 2, 1],
    ['abcdef', 'badcfe', 2, 3],
    ['kitten', 'sitting', 3, 3],
    ['kitten', 'sitting', 1, 2],
    ['a', 'abcd', 1, 2],
    ['', 'ab', 2, 2],
  ])('%p → %p (max %p) = %p', (a, b, max, d) => expect(typoDistance(a, b, max)).toBe(d));
});

describe('pickCandidates', () => {
  const terms = [
    { term: 'matrix', docs: 3 },
    { term: 'matric', docs: 9 },
    { term: 'metro', docs: 50 },
    { term: 'matrx', docs: 1 },
  ];
  test.each([
    ['matrx', 1, ['matrix']],
    ['matrx', 2, ['matrix', 'metro', 'matric']],
    ['zzzzz', 1, []],
  ])('%p within %p typos → %p', (word, max, out) =>
    expect(pickCandidates(word, terms, max).map((c) => c.term)).toEqual(out),
  );

  test('keeps at most `cap` candidates', () => {
    expect(pickCandidates('matrx', terms, 2, 1).map((c) => c.term)).toEqual(['matrix']);
  });
});
