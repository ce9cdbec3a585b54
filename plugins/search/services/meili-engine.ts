// The Meilisearch engine, through the official client: index settings, mirrored documents, and searches whose
// visibility is a filter (see meili-visibility.ts); every hit is checked once more in SQL, and pages are refilled
// from further offsets when that check drops hits, so pages stay full.
import type { Database } from 'bun:sqlite';
import { type Index, Meilisearch, type Task } from 'meilisearch';
import type { SearchHit, Suggestion } from '../api.ts';
import type { IndexedDoc } from '../lib/indexed-doc.ts';
import { POST_TAG, PRE_TAG, parseMarked } from '../lib/marks.ts';
import { allOf, typesFilter, visibilityFilter } from '../lib/meili-filter.ts';
import type { MeiliVisibilityPlanner } from './meili-visibility.ts';
import type { Sources } from './sources.ts';
import type { EnginePage, EngineSearch, SearchEngine } from './types.ts';
import type { Visibility } from './visibility.ts';

export const MEILI_SETTINGS = {
  searchableAttributes: ['title', 'altTitles', 'people', 'text'],
  filterableAttributes: ['type', 'source', 'visKeys', 'visGroups', 'year'],
  sortableAttributes: ['year', 'title'],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'boost:asc'],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
};
const HIGHLIGHTED = ['title', 'altTitles', 'people', 'text'] as const;
const MAX_ROUNDS = 4;

export interface MeiliConfig {
  url: string;
  key?: string;
  index: string;
}

/** Meilisearch document ids allow [A-Za-z0-9_-]: base64url of the key is injective and stays inside that set. */
export const meiliId = (key: string) => Buffer.from(key).toString('base64url');

function toMeiliDoc(d: IndexedDoc) {
  return {
    id: meiliId(d.key),
    key: d.key,
    source: d.source,
    type: d.type,
    refId: d.refId,
    title: d.title,
    subtitle: d.subtitle,
    year: d.year,
    boost: d.boost,
    altTitles: d.altTitles,
    people: d.people,
    text: d.body,
    visKeys: d.visKeys ?? [],
    visGroups: d.visGroups ?? [],
  };
}

/** Throws when a task did not succeed (the client resolves failed tasks too). */
function ensureSucceeded(task: Task): Task {
  if (task.status !== 'succeeded')
    throw new Error(`Meilisearch task ${task.uid} ${task.status}: ${task.error?.message ?? 'no detail'}`);
  return task;
}

export class MeiliEngine implements SearchEngine {
  readonly name = 'meilisearch' as const;
  readonly client: Meilisearch;
  readonly index: Index;

  constructor(
    readonly config: MeiliConfig,
    private readonly deps: {
      db: Database;
      visibility: Visibility;
      planner: MeiliVisibilityPlanner;
      sources: Sources;
    },
  ) {
    this.client = new Meilisearch({
      host: config.url,
      apiKey: config.key,
      timeout: 2_000,
      defaultWaitOptions: { timeout: 30_000, interval: 25 },
    });
    this.index = this.client.index(config.index);
  }

  /** Creates the index when absent and applies settings; returns whether the index was new or empty. */
  async prepare(): Promise<{ empty: boolean }> {
    try {
      await this.index.getRawInfo();
    } catch (err) {
      if ((err as { cause?: { code?: string } }).cause?.code !== 'index_not_found') throw err;
      ensureSucceeded(await this.client.createIndex(this.config.index, { primaryKey: 'id' }).waitTask());
    }
    ensureSucceeded(await this.index.updateSettings(MEILI_SETTINGS).waitTask());
    const stats = await this.index.getStats();
    return { empty: stats.numberOfDocuments === 0 };
  }

  async documents(): Promise<number> {
    return (await this.index.getStats()).numberOfDocuments;
  }

  async apply(upserts: IndexedDoc[], removed: string[]): Promise<void> {
    if (upserts.length) ensureSucceeded(await this.index.addDocuments(upserts.map(toMeiliDoc)).waitTask());
    if (removed.length) ensureSucceeded(await this.index.deleteDocuments(removed.map(meiliId)).waitTask());
  }

  async rebuild(batches: Iterable<IndexedDoc[]>, progress: (n: number) => void, signal: AbortSignal) {
    ensureSucceeded(await this.index.deleteAllDocuments().waitTask());
    let n = 0;
    for (const batch of batches) {
      if (signal.aborted) throw signal.reason ?? new Error('aborted');
      ensureSucceeded(await this.index.addDocuments(batch.map(toMeiliDoc)).waitTask());
      n += batch.length;
      progress(n);
    }
  }

  async search(req: EngineSearch): Promise<EnginePage> {
    const start = req.cursor?.kind === 'offset' ? req.cursor.offset : 0;
    const found = await this.collect(req, req.limit + 1, start, {});
    const page = found.hits.slice(0, req.limit);
    const next =
      found.hits.length > req.limit ? found.positions[req.limit - 1] + 1 : found.more ? found.offset : null;
    return { items: page, nextCursor: next === null ? null : { kind: 'offset', offset: next } };
  }

  async suggest(req: Omit<EngineSearch, 'cursor'>): Promise<Suggestion[]> {
    const found = await this.collect(req, req.limit, 0, { attributesToSearchOn: ['title', 'altTitles'] });
    return found.hits.map((h) => ({ text: h.title, type: h.type, id: h.id, highlight: h.highlight }));
  }

  /** Hits from `offset` on until `want` pass the SQL visibility check (or Meilisearch has no more). */
  private async collect(req: Omit<EngineSearch, 'cursor'>, want: number, offset: number, extra: object) {
    const sources = this.deps.sources.entries().map(([id]) => id);
    const vis = visibilityFilter(this.deps.planner.plan(req.viewer, sources));
    const out = { hits: [] as SearchHit[], positions: [] as number[], offset, more: false };
    if (vis === null) return out;
    const filter = allOf([typesFilter(req.types), vis]);
    const size = Math.min(200, Math.max(want * 2, 20));
    for (let round = 0; round < MAX_ROUNDS && out.hits.length < want; round++) {
      const res = await this.index.search<Record<string, any>>(req.q, {
        filter,
        offset: out.offset,
        limit: size,
        attributesToHighlight: [...HIGHLIGHTED],
        highlightPreTag: PRE_TAG,
        highlightPostTag: POST_TAG,
        attributesToCrop: ['text'],
        cropLength: 24,
        showRankingScore: true,
        ...extra,
      });
      const visible = this.visibleKeys(
        res.hits.map((h) => h.key),
        req,
      );
      res.hits.forEach((h, i) => {
        if (out.hits.length < want && visible.has(h.key)) {
          out.hits.push(toHit(h));
          out.positions.push(out.offset + i);
        }
      });
      const consumed =
        out.hits.length >= want ? out.positions[out.positions.length - 1] + 1 : out.offset + res.hits.length;
      out.more = res.hits.length === size || (res.estimatedTotalHits ?? 0) > out.offset + res.hits.length;
      out.offset = consumed;
      if (!out.more) break;
    }
    return out;
  }

  /** Keys among `keys` that exist in the SQLite store and that the viewer may see. */
  private visibleKeys(keys: string[], req: Omit<EngineSearch, 'cursor'>): Set<string> {
    if (!keys.length) return new Set();
    const cond = this.deps.visibility.condition(req.viewer);
    const rows = this.deps.db
      .query<{ key: string }, any[]>(
        `SELECT d.key AS key FROM search_docs d WHERE d.key IN (SELECT value FROM json_each(?)) AND ${cond.text}`,
      )
      .all(JSON.stringify(keys), ...(cond.params as any[]));
    return new Set(rows.map((r) => r.key));
  }
}

function toHit(h: Record<string, any>): SearchHit {
  return {
    type: h.type,
    id: h.refId,
    title: h.title,
    subtitle: h.subtitle ?? null,
    year: h.year ?? null,
    highlight: highlightOf(h),
    score: Math.round((h._rankingScore ?? 0) * 10_000) / 10_000,
  };
}

function highlightOf(h: Record<string, any>): SearchHit['highlight'] {
  const f = (h._formatted ?? {}) as Record<string, unknown>;
  for (const field of HIGHLIGHTED) {
    const values = Array.isArray(f[field]) ? (f[field] as unknown[]) : [f[field]];
    const marked = values.find((v): v is string => typeof v === 'string' && v.includes(PRE_TAG));
    if (marked) return { field, ...parseMarked(marked) };
  }
  return { field: 'title', text: h.title, ranges: [] };
}
