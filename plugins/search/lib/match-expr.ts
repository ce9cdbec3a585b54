// Builds FTS5 MATCH expressions from a parsed query: every word must match (AND); a word matches itself, its
// typo alternatives, and — for the word being typed — any longer word it starts.
import { tokensOf } from './normalize.ts';

/** One query word as the index sees it. */
export interface QueryTerm {
  word: string;
  /** The last word of a query that does not end in a space also matches words it begins. */
  prefix: boolean;
  /** Vocabulary terms within the word's typo allowance (never the word itself). */
  alternatives: string[];
}

/** Parses query text into terms (alternatives are filled later from the vocabulary). */
export function parseQuery(q: string): QueryTerm[] {
  const words = tokensOf(q);
  const typing = !/\s$/.test(q);
  return words.map((word, i) => ({ word, prefix: typing && i === words.length - 1, alternatives: [] }));
}

/** A quoted FTS5 string, optionally as a prefix query. */
export function phrase(token: string, prefix = false): string {
  return `"${token.replace(/"/g, '""')}"${prefix ? '*' : ''}`;
}

/** `("word"* OR "alt1" OR "alt2")` for one term. */
export function termExpr(t: QueryTerm, typos: boolean): string {
  const parts = [phrase(t.word, t.prefix), ...(typos ? t.alternatives.map((a) => phrase(a)) : [])];
  return parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`;
}

/** Every term must match, inside the given columns (all columns when none are given). */
export function matchExpr(terms: QueryTerm[], o: { columns?: string[]; typos: boolean }): string {
  const body = terms.map((t) => termExpr(t, o.typos)).join(' AND ');
  return o.columns?.length ? `{${o.columns.join(' ')}} : (${body})` : `(${body})`;
}

/** Any of several expressions. */
export function anyOf(exprs: string[]): string {
  return exprs.length === 1 ? exprs[0] : exprs.map((e) => `(${e})`).join(' OR ');
}

/** Whether any term has typo alternatives (otherwise typo tiers repeat the exact ones). */
export function hasAlternatives(terms: QueryTerm[]): boolean {
  return terms.some((t) => t.alternatives.length > 0);
}
