// Keeps the index in step with its sources: library events (added, updated, missing, restored), a periodic sweep
// for edits made without an event and for deleted items, registered sources, and the full `reindex` job.
import type { JobHandler } from '@bijou/sdk';
import type { SearchDocument } from '../api.ts';
import { DOC_VERSION, type IndexedDoc, indexedDoc } from '../lib/indexed-doc.ts';
import { affectedBy, allLibraryDocs, type DocChanges, personDocs, titleDocs } from './library-docs.ts';
import type { SearchService } from './search-service.ts';
import { LIBRARY_SOURCE, type Sources } from './sources.ts';
import type { Ctx } from './types.ts';

const BATCH = 500;

export interface ReindexInput {
  /** Empty the SQLite index first instead of reconciling it. */
  force?: boolean;
  /** Only this source (no Meilisearch rebuild; its changes are mirrored like any others). */
  source?: string;
  /** Only copy the SQLite index to Meilisearch. */
  mirrorOnly?: boolean;
}

export class Indexer {
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly ctx: Ctx,
    private readonly svc: SearchService,
    private readonly sources: Sources,
  ) {}

  /** Runs index work one piece at a time, in arrival order. */
  enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.chain.then(work).catch((err) => {
      this.ctx.log.error('search index update failed', { error: (err as Error).message });
    });
    this.chain = next;
    return next;
  }

  /** Re-reads the documents of these catalog items (and of their shows and credited people). */
  itemsChanged(itemIds: string[]): Promise<void> {
    return this.enqueue(async () => {
      const ids = [...new Set(itemIds)];
      for (let i = 0; i < ids.length; i += BATCH) {
        const a = affectedBy(this.ctx.sqlite, ids.slice(i, i + BATCH));
        await this.applyChanges(titleDocs(this.ctx.sqlite, a.items), personDocs(this.ctx.sqlite, a.people));
        await Bun.sleep(0);
      }
    });
  }

  /** Items edited since the last sweep (and their shows' episodes), plus documents of vanished things. */
  sweep(): Promise<void> {
    return this.enqueue(async () => {
      const db = this.ctx.sqlite;
      const now = new Date().toISOString();
      const since = (this.readState('sweep')?.at as string | undefined) ?? now;
      const edited = db
        .query<{ id: string }, [string, string]>(
          `SELECT id FROM libraries_items WHERE updated_at > ? AND kind IN ('movie', 'show', 'episode')
           UNION SELECT e.id FROM libraries_items e JOIN libraries_items s ON s.id = e.show_id
           WHERE s.updated_at > ? AND s.kind = 'show'`,
        )
        .all(since, since)
        .map((r) => r.id);
      const stale = db
        .query<{ ref_id: string; type: string }, []>(
          `SELECT d.ref_id, d.type FROM search_docs d WHERE d.source = 'libraries' AND (
             (d.type <> 'person' AND NOT EXISTS (SELECT 1 FROM libraries_items i WHERE i.id = d.ref_id AND i.missing = 0))
             OR (d.type = 'person' AND NOT EXISTS (SELECT 1 FROM libraries_credits c JOIN libraries_items i ON i.id = c.item_id
               WHERE c.person_id = d.ref_id AND i.missing = 0 AND i.kind IN ('movie', 'show'))))`,
        )
        .all();
      const items = [...edited, ...stale.filter((s) => s.type !== 'person').map((s) => s.ref_id)];
      for (let i = 0; i < items.length; i += BATCH) {
        const a = affectedBy(db, items.slice(i, i + BATCH));
        await this.applyChanges(titleDocs(db, a.items), personDocs(db, a.people));
      }
      const people = stale.filter((s) => s.type === 'person').map((s) => s.ref_id);
      await this.applyChanges(personDocs(db, people));
      this.writeState('sweep', { at: now });
    });
  }

  /** Indexes a source's current documents (after it registers), dropping ones it no longer has. */
  reconcileSource(id: string, signal?: AbortSignal, progress?: (n: number) => void): Promise<number> {
    let written = 0;
    return this.enqueue(async () => {
      const seen = new Set<string>();
      for (const batch of this.sourceBatches(id)) {
        if (signal?.aborted) throw signal.reason ?? new Error('aborted');
        for (const d of batch) seen.add(d.key);
        await this.svc.apply(batch, []);
        written += batch.length;
        progress?.(written);
        await Bun.sleep(0);
      }
      const types = id === LIBRARY_SOURCE ? undefined : this.sources.get(id)?.types;
      const gone = this.svc.fts.store.keysOf(id, types).filter((k) => !seen.has(k));
      await this.svc.apply([], gone);
    }).then(() => written);
  }

  /** Documents of a registered source as stored documents (wrong types are skipped with a warning). */
  toIndexed(id: string, docs: SearchDocument[]): IndexedDoc[] {
    const source = this.sources.get(id);
    if (!source) throw new Error(`SEARCH_SOURCE_UNKNOWN: "${id}" is not registered`);
    return docs.flatMap((d) => {
      if (source.types.includes(d.type)) return [indexedDoc(id, d)];
      this.ctx.log.warn('search document of an undeclared type skipped', { source: id, type: d.type });
      return [];
    });
  }

  /** Whether the index was built (by a full reindex) with documents as this version makes them. */
  docsCurrent(): boolean {
    return this.readState('docs')?.version === DOC_VERSION;
  }

  /** The `reindex` job: reconcile (or rebuild) SQLite from every source, then rebuild Meilisearch from it. */
  readonly reindex: JobHandler = async ({ progress, signal, input }) => {
    const o = (input ?? {}) as ReindexInput;
    const ids = o.source ? [o.source] : [LIBRARY_SOURCE, ...this.sources.entries().map(([id]) => id)];
    const total = Math.max(1, this.estimate());
    if (!o.mirrorOnly) {
      if (o.force && !o.source) await this.enqueue(async () => this.svc.fts.store.clear());
      let done = 0;
      for (const id of ids) {
        const base = done;
        done += await this.reconcileSource(id, signal, (n) =>
          progress(Math.min(0.5, ((base + n) / total) * 0.5), `${id}: ${base + n} documents`),
        );
      }
      if (!o.source) {
        this.writeState('sweep', { at: new Date().toISOString() });
        this.writeState('docs', { version: DOC_VERSION });
      }
    }
    const meili = this.svc.meili;
    if (!meili || o.source) return;
    this.svc.meiliState = 'indexing';
    try {
      await meili.prepare();
      const count = Math.max(1, this.svc.fts.store.counts().documents);
      this.svc.pending.clear();
      await meili.rebuild(
        this.svc.fts.store.batches(),
        (n) => progress(0.5 + (n / count) * 0.5, `meilisearch: ${n} documents`),
        signal,
      );
      this.svc.meiliState = 'ready';
      this.svc.lastSyncAt = new Date().toISOString();
      await this.svc.flushPending();
    } catch (err) {
      this.svc.markDown(err);
      if (signal.aborted) throw err;
    }
  };

  private async applyChanges(...parts: DocChanges[]): Promise<void> {
    await this.svc.apply(
      parts.flatMap((p) => p.upserts),
      parts.flatMap((p) => p.removed),
    );
  }

  private *sourceBatches(id: string): Generator<IndexedDoc[]> {
    if (id === LIBRARY_SOURCE) {
      yield* allLibraryDocs(this.ctx.sqlite, BATCH);
      return;
    }
    const source = this.sources.get(id);
    if (!source) return;
    let batch: SearchDocument[] = [];
    for (const d of source.all()) {
      batch.push(d);
      if (batch.length >= BATCH) {
        yield this.toIndexed(id, batch);
        batch = [];
      }
    }
    if (batch.length) yield this.toIndexed(id, batch);
  }

  private estimate(): number {
    return this.ctx.sqlite
      .query<{ n: number }, []>(
        `SELECT (SELECT count(*) FROM libraries_items WHERE kind IN ('movie', 'show', 'episode') AND missing = 0)
           + (SELECT count(*) FROM libraries_people) AS n`,
      )
      .get()!.n;
  }

  readState(key: string): Record<string, unknown> | null {
    const row = this.ctx.sqlite
      .query<{ value: string }, [string]>('SELECT value FROM search_state WHERE key = ?')
      .get(key);
    return row ? JSON.parse(row.value) : null;
  }

  writeState(key: string, value: Record<string, unknown>): void {
    this.ctx.sqlite
      .query(
        'INSERT INTO search_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      )
      .run(key, JSON.stringify(value));
  }
}
