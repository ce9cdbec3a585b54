// The SQLite FTS5 engine: expands query words with typo candidates from the vocabulary, then walks the relevance
// tiers until a page is full. Visibility is part of every tier's SQL. Index writes go through FtsStore.
import type { Database } from 'bun:sqlite';
import type { SearchHit, Suggestion } from '../api.ts';
import type { SearchCursor } from '../lib/cursor.ts';
import { highlightRanges, type Matcher, snippet } from '../lib/highlight.ts';
import type { IndexedDoc } from '../lib/indexed-doc.ts';
import { parseQuery, type QueryTerm } from '../lib/match-expr.ts';
import { fold } from '../lib/normalize.ts';
import { planTiers, scoreOf, type Tier } from '../lib/tiers.ts';
import { deletionsOf, maxTyposFor, pickCandidates } from '../lib/typo.ts';
import { type TierRow, tierQuery } from './fts-query.ts';
import type { FtsStore } from './fts-store.ts';
import type { EnginePage, EngineSearch, SearchEngine } from './types.ts';
import type { Visibility } from './visibility.ts';

export class FtsEngine implements SearchEngine {
  readonly name = 'fts5' as const;

  constructor(
    private readonly db: Database,
    readonly store: FtsStore,
    private readonly visibility: Visibility,
  ) {}

  async search(req: EngineSearch): Promise<EnginePage> {
    const skip = req.cursor?.kind === 'offset' ? req.cursor.offset : 0;
    const after = req.cursor?.kind === 'tier' ? req.cursor : null;
    const terms = this.expand(parseQuery(req.q));
    const { rows, key } = this.collect(req, planTiers(terms), { after, want: skip + req.limit + 1 });
    const page = rows.slice(skip, skip + req.limit);
    const last = page[page.length - 1];
    const nextCursor: SearchCursor | null =
      rows.length > skip + req.limit && last ? { kind: 'tier', tier: last.tier.tier, id: last.row.id } : null;
    return { items: page.map((r) => this.toHit(r.row, r.tier, terms, key)), nextCursor };
  }

  async suggest(req: Omit<EngineSearch, 'cursor'>): Promise<Suggestion[]> {
    const terms = this.expand(parseQuery(req.q));
    const { rows, key } = this.collect(req, planTiers(terms, { suggest: true }), {
      after: null,
      want: req.limit,
    });
    return rows.map((r) => {
      const hit = this.toHit(r.row, r.tier, terms, key);
      return { text: hit.title, type: hit.type, id: hit.id, highlight: hit.highlight };
    });
  }

  async apply(upserts: IndexedDoc[], removed: string[]): Promise<void> {
    this.store.upsert(upserts);
    this.store.remove(removed);
  }

  async rebuild(batches: Iterable<IndexedDoc[]>, progress: (n: number) => void, signal: AbortSignal) {
    this.store.clear();
    let n = 0;
    for (const batch of batches) {
      if (signal.aborted) throw signal.reason ?? new Error('aborted');
      this.store.upsert(batch);
      n += batch.length;
      progress(n);
      await Bun.sleep(0);
    }
  }

  /**
   * Fills typo alternatives from the vocabulary (one lookup for all words) for words long enough to carry typos
   * that match nothing as typed: a word the index knows is taken as meant, which keeps common queries cheap.
   */
  expand(terms: QueryTerm[]): QueryTerm[] {
    const typos = terms.map((t) =>
      maxTyposFor(t.word) > 0 && !this.store.knows(t.word, t.prefix) ? maxTyposFor(t.word) : 0,
    );
    const keys = new Set<string>();
    terms.forEach((t, i) => {
      for (const k of deletionsOf(t.word, typos[i])) keys.add(k);
    });
    const near = typos.some((n) => n > 0) ? this.store.termsNear([...keys]) : [];
    return terms.map((t, i) =>
      typos[i] ? { ...t, alternatives: pickCandidates(t.word, near, typos[i]).map((c) => c.term) } : t,
    );
  }

  private collect(
    req: Omit<EngineSearch, 'cursor'>,
    tiers: Tier[],
    o: { after: Extract<SearchCursor, { kind: 'tier' }> | null; want: number },
  ) {
    const key = fold(req.q);
    const visibility = this.visibility.condition(req.viewer);
    const rows: { row: TierRow; tier: Tier }[] = [];
    for (const tier of tiers) {
      if (o.after && tier.tier < o.after.tier) continue;
      const need = o.want - rows.length;
      if (need <= 0) break;
      const q = tierQuery(tier, {
        key,
        types: req.types,
        visibility,
        after: o.after,
        limit: need,
      });
      for (const row of this.db.query<TierRow, any[]>(q.text).all(...(q.params as any[])))
        rows.push({ row, tier });
    }
    return { rows, key };
  }

  private toHit(r: TierRow, tier: Tier, terms: QueryTerm[], key: string): SearchHit {
    const matcher: Matcher = {
      words: new Set(terms.flatMap((t) => [t.word, ...t.alternatives])),
      prefixes: terms.filter((t) => t.prefix).map((t) => t.word),
    };
    return {
      type: r.type,
      id: r.ref,
      title: r.title,
      subtitle: r.subtitle,
      year: r.year,
      highlight: highlightOf(r, tier.field, matcher),
      score: scoreOf(tier, r.len, key.length),
    };
  }
}

const FIELDS = ['title', 'altTitles', 'people', 'text'] as const;

/** The matched field's text with ranges; long body text is cut to a snippet. */
function highlightOf(r: TierRow, field: Tier['field'], m: Matcher): SearchHit['highlight'] {
  const texts: Record<(typeof FIELDS)[number], string[]> = {
    title: [r.title],
    altTitles: JSON.parse(r.alt),
    people: JSON.parse(r.people),
    text: JSON.parse(r.body),
  };
  const order = field === 'any' ? FIELDS : [field, ...FIELDS.filter((f) => f !== field)];
  for (const f of order) {
    for (const text of texts[f]) {
      const ranges = highlightRanges(text, m);
      if (ranges.length) return { field: f, ...(f === 'text' ? snippet(text, ranges) : { text, ranges }) };
    }
  }
  return { field: 'title', text: r.title, ranges: [] };
}
