// Table tests for tier planning, relevance scores, rank-ordered document ids and search cursors.
import { describe, expect, test } from 'bun:test';
import { decodeSearchCursor, encodeSearchCursor, type SearchCursor } from './cursor.ts';
import type { QueryTerm } from './match-expr.ts';
import { hasRankBase, planTiers, rankBase, scoreOf } from './tiers.ts';

const term = (word: string, alternatives: string[] = [], prefix = false): QueryTerm => ({
  word,
  prefix,
  alternatives,
});

describe('planTiers', () => {
  test.each([
    ['no words', [], {}, []],
    ['one exact word', [term('dune', [], true)], {}, [0, 1, 2, 4, 5, 6]],
    ['one word with typos', [term('matrx', ['matrix'])], {}, [0, 1, 2, 3, 4, 5, 6]],
    ['two words', [term('breaking'), term('bad', [], true)], {}, [0, 1, 2, 4, 5, 6, 7]],
    ['suggestions', [term('matrx', ['matrix'], true)], { suggest: true }, [0, 1, 2, 3, 4]],
  ])('%s', (_name, terms, o, tiers) => expect(planTiers(terms, o).map((t) => t.tier)).toEqual(tiers));

  test.each([
    [[term('the'), term('matr', [], true)], '{title alt} : ^"the matr"*'],
    [[term('matrix')], '{title alt} : ^"matrix"'],
  ])('tier 1 matches titles starting with the query: %p', (terms, match) => {
    expect(planTiers(terms)[1].match).toBe(match);
  });

  test('a tier leaves out what better tiers match', () => {
    const tiers = planTiers([term('matrx', ['matrix'])]);
    expect(tiers.find((t) => t.tier === 3)?.match).toBe(
      '({title} : (("matrx" OR "matrix"))) NOT (({title alt} : ^"matrx") OR ({title} : ("matrx")))',
    );
    expect(tiers.find((t) => t.tier === 6)?.match).toContain('NOT');
    expect(tiers.find((t) => t.tier === 6)?.match).toContain('{people}');
  });
});

describe('scoreOf', () => {
  test.each([
    [0, 'exact', 10, 6, 1],
    [1, 'fts', 12, 6, 0.8125],
    [2, 'fts', 6, 6, 0.75],
    [7, 'fts', 60, 6, 0.0125],
    [7, 'fts', 0, 6, 0],
  ] as const)('tier %p (%p), title length %p → %p', (tier, kind, len, q, score) =>
    expect(scoreOf({ tier, kind }, len, q)).toBe(score),
  );

  test('a better tier always scores higher than a worse one', () => {
    expect(scoreOf({ tier: 2, kind: 'fts' }, 500, 3)).toBeGreaterThan(
      scoreOf({ tier: 3, kind: 'fts' }, 3, 3),
    );
  });
});

describe('rank-ordered ids', () => {
  test.each([
    [0, 5, 0, 6],
    [0, 500, 1, 0],
    [1, 3, 2, 1],
  ])('boost %p length %p comes before boost %p length %p', (b1, l1, b2, l2) => {
    expect(rankBase(b1, l1)).toBeLessThan(rankBase(b2, l2));
  });

  test('ids stay safe integers at the largest place', () => {
    expect(Number.isSafeInteger(rankBase(3, 5000) + 2 ** 40 - 1)).toBe(true);
  });

  test.each([
    [rankBase(0, 10) + 7, rankBase(0, 10), true],
    [rankBase(0, 10) + 7, rankBase(0, 11), false],
    [rankBase(2, 10) + 7, rankBase(0, 10), false],
  ])('id %p has base %p: %p', (id, base, yes) => expect(hasRankBase(id, base)).toBe(yes));
});

describe('search cursors', () => {
  test.each<SearchCursor>([
    { kind: 'tier', tier: 3, id: 1099511627793 },
    { kind: 'offset', offset: 40 },
  ])('%p round-trips', (c) => expect(decodeSearchCursor(encodeSearchCursor(c))).toEqual(c));

  test.each([
    ['not base64 json', '%%%'],
    ['wrong shape', Buffer.from(JSON.stringify(['t', 1])).toString('base64url')],
    ['fractional id', Buffer.from(JSON.stringify(['t', 1, 2.5])).toString('base64url')],
    ['negative offset', Buffer.from(JSON.stringify(['o', -1])).toString('base64url')],
    ['object', Buffer.from(JSON.stringify({ a: 1 })).toString('base64url')],
  ])('%s is a 400', (_name, cursor) => {
    expect(() => decodeSearchCursor(cursor)).toThrow('Invalid cursor');
  });

  test('no cursor is the first page', () => expect(decodeSearchCursor(undefined)).toBeNull());
});
