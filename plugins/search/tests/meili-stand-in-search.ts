// Part of the Meilisearch STAND-IN used by the tests (not Meilisearch): its filter expressions (the subset of the
// documented syntax the adapter sends: =, !=, IN, NOT IN, AND, OR, NOT, parentheses, quoted values) and a simple
// typo-tolerant matcher that fills `_formatted` and `_rankingScore` as Meilisearch does.

type Doc = Record<string, unknown>;
export type Settings = Record<string, any>;

export class FilterError extends Error {}

function tokenize(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; ) {
    const c = s[i];
    if (/\s/.test(c)) i += 1;
    else if ('()[],'.includes(c)) out.push(s[i++]);
    else if (c === '!' && s[i + 1] === '=') {
      out.push('!=');
      i += 2;
    } else if (c === '=') out.push(s[i++]);
    else if (c === '"' || c === "'") {
      let v = '';
      i += 1;
      while (i < s.length && s[i] !== c) {
        if (s[i] === '\\') i += 1;
        v += s[i];
        i += 1;
      }
      if (s[i] !== c) throw new FilterError('unterminated string');
      i += 1;
      out.push(`\u0000${v}`);
    } else {
      let w = '';
      while (i < s.length && !/[\s()[\],=!]/.test(s[i])) w += s[i++];
      out.push(w);
    }
  }
  return out;
}

/** Parses a filter into a predicate over documents; attributes must be filterable. */
export function parseFilter(filter: string, filterable: string[]): (d: Doc) => boolean {
  const t = tokenize(filter);
  let p = 0;
  const peek = () => t[p];
  const take = (x?: string) => {
    const v = t[p++];
    if (x !== undefined && v?.toUpperCase() !== x) throw new FilterError(`expected ${x} at ${p}`);
    return v;
  };
  const value = () => {
    const v = take();
    if (v === undefined) throw new FilterError('expected a value');
    return v.startsWith('\u0000') ? v.slice(1) : v;
  };
  const values = (d: Doc, attr: string) => {
    const v = d[attr];
    return (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]).map(String);
  };
  const condition = (): ((d: Doc) => boolean) => {
    const attr = value();
    if (!filterable.includes(attr)) throw new FilterError(`Attribute \`${attr}\` is not filterable.`);
    let op = take()?.toUpperCase();
    if (op === 'NOT') op = `NOT ${take('IN')}`;
    if (op === '=' || op === '!=') {
      const v = value();
      return op === '=' ? (d) => values(d, attr).includes(v) : (d) => !values(d, attr).includes(v);
    }
    if (op !== 'IN' && op !== 'NOT IN') throw new FilterError(`unknown operator ${op}`);
    take('[');
    const list: string[] = [];
    while (peek() !== ']') {
      list.push(value());
      if (peek() === ',') take();
    }
    take(']');
    const has = (d: Doc) => values(d, attr).some((v) => list.includes(v));
    return op === 'IN' ? has : (d) => !has(d);
  };
  const primary = (): ((d: Doc) => boolean) => {
    if (peek()?.toUpperCase() === 'NOT') {
      take();
      const inner = primary();
      return (d) => !inner(d);
    }
    if (peek() === '(') {
      take();
      const inner = or();
      take(')');
      return inner;
    }
    return condition();
  };
  const and = () => {
    const parts = [primary()];
    while (peek()?.toUpperCase() === 'AND') {
      take();
      parts.push(primary());
    }
    return (d: Doc) => parts.every((f) => f(d));
  };
  const or = () => {
    const parts = [and()];
    while (peek()?.toUpperCase() === 'OR') {
      take();
      parts.push(and());
    }
    return (d: Doc) => parts.some((f) => f(d));
  };
  const f = or();
  if (p !== t.length) throw new FilterError(`unexpected ${t[p]}`);
  return f;
}

const norm = (s: string) => s.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
const words = (s: string) => norm(s).match(/[\p{L}\p{N}]+/gu) ?? [];

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/** Typos needed for query word `q` to match document word `w` (Infinity when it does not). */
function typos(q: string, w: string, last: boolean, s: Settings): number {
  if (w === q || (last && w.startsWith(q))) return 0;
  const sizes = s.typoTolerance?.minWordSizeForTypos ?? { oneTypo: 5, twoTypos: 9 };
  const allowed = q.length >= sizes.twoTypos ? 2 : q.length >= sizes.oneTypo ? 1 : 0;
  const whole = distance(q, w);
  const d = last && w.length > q.length ? Math.min(whole, distance(q, w.slice(0, q.length))) : whole;
  return d <= allowed ? d : Number.POSITIVE_INFINITY;
}

const texts = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);

/** Ranks the documents matching `q` (all of them for an empty query); returns hits with `_formatted`. */
export function runSearch(docs: Doc[], q: string, body: Record<string, any>, s: Settings): Doc[] {
  const attrs: string[] = body.attributesToSearchOn ?? s.searchableAttributes ?? ['*'];
  const qw = words(q ?? '');
  const scored: { doc: Doc; typos: number; attr: number; order: number; matched: Set<string> }[] = [];
  docs.forEach((doc, order) => {
    let total = 0;
    let best = attrs.length;
    const matched = new Set<string>();
    for (const [i, word] of qw.entries()) {
      let found = Number.POSITIVE_INFINITY;
      attrs.forEach((a, ai) => {
        for (const w of texts(doc[a]).flatMap(words)) {
          const n = typos(word, w, i === qw.length - 1, s);
          if (n < Number.POSITIVE_INFINITY) matched.add(w);
          if (n < found) found = n;
          if (n < Number.POSITIVE_INFINITY) best = Math.min(best, ai);
        }
      });
      if (found === Number.POSITIVE_INFINITY) return;
      total += found;
    }
    scored.push({ doc, typos: total, attr: best, order, matched });
  });
  const custom = (s.rankingRules ?? []).find((r: string) => /:(asc|desc)$/.test(r));
  const [field, dir] = custom ? custom.split(':') : [null, 'asc'];
  const byCustom = (x: Doc, y: Doc) =>
    field ? (Number(x[field]) - Number(y[field])) * (dir === 'asc' ? 1 : -1) : 0;
  scored.sort((a, b) => a.typos - b.typos || a.attr - b.attr || byCustom(a.doc, b.doc) || a.order - b.order);
  const pre = body.highlightPreTag ?? '<em>';
  const post = body.highlightPostTag ?? '</em>';
  const mark = (text: string, m: Set<string>) =>
    text.replace(/[\p{L}\p{N}]+/gu, (w) => (m.has(norm(w)) ? `${pre}${w}${post}` : w));
  return scored.map(({ doc, typos: n, attr, matched }) => {
    const formatted: Doc = { ...doc };
    for (const a of body.attributesToHighlight ?? []) {
      const v = doc[a];
      formatted[a] = Array.isArray(v)
        ? v.map((x) => mark(String(x), matched))
        : typeof v === 'string'
          ? mark(v, matched)
          : v;
    }
    const hit: Doc = { ...doc, _formatted: formatted };
    if (body.showRankingScore) hit._rankingScore = Math.max(0, 1 - 0.1 * n - 0.05 * attr);
    return hit;
  });
}
