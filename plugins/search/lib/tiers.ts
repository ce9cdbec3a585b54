// Relevance tiers of the SQLite engine, best first: exact title, title starting with the query, title words,
// title words with typos, alternative titles, people, body text, words spread over fields. Each FTS tier leaves
// out (FTS5 NOT) what better tiers match, so a document appears once, in its best tier. Inside a tier documents
// come in rowid order, and rowids encode (boost, title length): titles before people before episodes, shorter
// titles — closer to the query — first. That order is the index's own, so a page stops reading early.
import { anyOf, hasAlternatives, matchExpr, phrase, type QueryTerm } from './match-expr.ts';

export type TierField = 'title' | 'altTitles' | 'people' | 'text' | 'any';

export interface Tier {
  tier: number;
  /** `exact`: the folded title (or the title without its article) equals the query; `fts`: `match` matches. */
  kind: 'exact' | 'fts';
  field: TierField;
  /** FTS5 expression, already excluding better tiers. */
  match?: string;
}

export const TIER_COUNT = 8;

const without = (expr: string, better: string[]) =>
  better.length ? `(${expr}) NOT (${anyOf(better)})` : expr;

/** The tiers a query runs through; `suggest` keeps the title-like ones (fast, for typing). */
export function planTiers(terms: QueryTerm[], o: { suggest?: boolean } = {}): Tier[] {
  if (!terms.length) return [];
  const typos = hasAlternatives(terms);
  const typing = terms[terms.length - 1].prefix;
  // The title (or, in the alt column's first words, the title without its article) starts with the query.
  const starts = `{title alt} : ^${phrase(terms.map((t) => t.word).join(' '), typing)}`;
  const titleExact = matchExpr(terms, { columns: ['title'], typos: false });
  const title = typos ? matchExpr(terms, { columns: ['title'], typos: true }) : titleExact;
  const alt = matchExpr(terms, { columns: ['alt'], typos });
  const people = matchExpr(terms, { columns: ['people'], typos });
  const body = matchExpr(terms, { columns: ['body'], typos: false });
  const tiers: Tier[] = [
    { tier: 0, kind: 'exact', field: 'title' },
    { tier: 1, kind: 'fts', field: 'title', match: starts },
    { tier: 2, kind: 'fts', field: 'title', match: without(titleExact, [starts]) },
  ];
  if (typos)
    tiers.push({ tier: 3, kind: 'fts', field: 'title', match: without(title, [starts, titleExact]) });
  tiers.push({ tier: 4, kind: 'fts', field: 'altTitles', match: without(alt, [starts, title]) });
  if (o.suggest) return tiers;
  tiers.push({ tier: 5, kind: 'fts', field: 'people', match: without(people, [starts, title, alt]) });
  tiers.push({ tier: 6, kind: 'fts', field: 'text', match: without(body, [starts, title, alt, people]) });
  if (terms.length > 1)
    tiers.push({
      tier: 7,
      kind: 'fts',
      field: 'any',
      match: without(matchExpr(terms, { typos }), [starts, title, alt, people, body]),
    });
  return tiers;
}

/** A relevance score in 0..1: the tier, then how much of the title the query covers (exact titles: all). */
export function scoreOf(t: Pick<Tier, 'tier' | 'kind'>, titleLength: number, queryLength: number): number {
  const within = t.kind === 'exact' ? 1 : titleLength > 0 ? Math.min(1, queryLength / titleLength) : 0;
  return Math.round(((TIER_COUNT - 1 - t.tier + within) / TIER_COUNT) * 10_000) / 10_000;
}

// Document ids: boost in bits 50–51, folded title length (capped) in bits 40–49, a sequence number below.
const LENGTH_BITS = 2 ** 40;
const BOOST_BITS = 2 ** 50;
export const SEQ_MASK = LENGTH_BITS - 1;

/** The high part of a document id: its place in tier order. */
export function rankBase(boost: number, titleLength: number): number {
  return Math.max(0, Math.min(3, boost)) * BOOST_BITS + Math.min(1023, titleLength) * LENGTH_BITS;
}

/** Whether an id already sits at the tier-order place `base`. */
export const hasRankBase = (id: number, base: number) => id - (id % LENGTH_BITS) === base;
