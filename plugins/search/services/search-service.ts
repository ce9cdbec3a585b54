// Chooses the engine per request: Meilisearch when configured and ready, SQLite FTS5 otherwise (also while
// Meilisearch reindexes, and for the rest of a pagination FTS5 started). Keeps the FTS5 index always current,
// mirrors changes to Meilisearch, and falls back — with a log line and a status — when Meilisearch is unreachable.
import { HttpError } from '@bijou/sdk';
import type { Viewer } from '../../libraries/api.ts';
import type { SearchHit, SearchQuery, Suggestion } from '../api.ts';
import { decodeSearchCursor, encodeSearchCursor } from '../lib/cursor.ts';
import type { IndexedDoc } from '../lib/indexed-doc.ts';
import { resolveMeili } from '../lib/meili-config.ts';
import { type WithArtwork, withArtwork } from './artwork.ts';
import type { FtsEngine } from './fts-engine.ts';
import { MeiliEngine } from './meili-engine.ts';
import type { MeiliVisibilityPlanner } from './meili-visibility.ts';
import type { Sources } from './sources.ts';
import type { Ctx, EngineSearch } from './types.ts';
import type { Visibility } from './visibility.ts';

export type MeiliState = 'off' | 'connecting' | 'indexing' | 'ready' | 'unreachable';
const RETRY_MS = 15_000;

export class SearchService {
  meili: MeiliEngine | null = null;
  meiliState: MeiliState = 'off';
  lastError: string | null = null;
  lastSyncAt: string | null = null;
  /** Keys changed while Meilisearch could not take them; sent after the next rebuild or reconnect. */
  readonly pending = new Set<string>();
  /** Starts the reindex job that mirrors the FTS5 store into Meilisearch. */
  startMirror: () => void = () => {};
  private retry: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly ctx: Ctx,
    readonly fts: FtsEngine,
    readonly deps: { visibility: Visibility; planner: MeiliVisibilityPlanner; sources: Sources },
  ) {}

  /** (Re)reads the config: creates the Meilisearch engine and connects, or turns it off. */
  configure(): void {
    this.stopRetry();
    const m = resolveMeili(this.ctx.config, process.env);
    if (!m) {
      this.meili = null;
      this.meiliState = 'off';
      this.pending.clear();
      return;
    }
    this.meili = new MeiliEngine(m, { db: this.ctx.sqlite, ...this.deps });
    this.meiliState = 'connecting';
    void this.connect();
  }

  stop(): void {
    this.stopRetry();
  }

  async connect(): Promise<void> {
    const meili = this.meili;
    if (!meili) return;
    try {
      const { empty } = await meili.prepare();
      if (meili !== this.meili) return;
      this.lastError = null;
      const needsMirror = empty && this.fts.store.counts().documents > 0;
      this.meiliState = needsMirror ? 'indexing' : 'ready';
      this.ctx.log.info('Meilisearch connected', { url: meili.config.url, index: meili.config.index });
      if (needsMirror) this.startMirror();
      else await this.flushPending();
    } catch (err) {
      if (meili === this.meili) this.markDown(err);
    }
  }

  /** Meilisearch failed: search with FTS5, say so in status and logs, and try again later. */
  markDown(err: unknown): void {
    if (!this.meili) return;
    const message = (err as Error)?.message ?? String(err);
    if (this.meiliState !== 'unreachable' || this.lastError !== message)
      this.ctx.log.warn('Meilisearch unreachable; searching with SQLite FTS5 until it is back', {
        url: this.meili.config.url,
        error: message,
      });
    this.meiliState = 'unreachable';
    this.lastError = message;
    if (!this.retry && !this.ctx.signal.aborted)
      this.retry = setTimeout(() => {
        this.retry = null;
        void this.connect();
      }, RETRY_MS);
  }

  /** The engine answering now. */
  activeEngine(): 'fts5' | 'meilisearch' {
    return this.meili && this.meiliState === 'ready' ? 'meilisearch' : 'fts5';
  }

  async search(
    viewer: Viewer,
    q: SearchQuery,
  ): Promise<{ items: WithArtwork<SearchHit>[]; nextCursor: string | null }> {
    const req: EngineSearch = {
      viewer,
      q: q.q,
      types: this.checkTypes(q.types),
      limit: q.limit ?? 20,
      cursor: decodeSearchCursor(q.cursor),
    };
    let page = null;
    if (this.meili && this.activeEngine() === 'meilisearch' && req.cursor?.kind !== 'tier') {
      try {
        page = await this.meili.search(req);
      } catch (err) {
        this.markDown(err);
      }
    }
    page ??= await this.fts.search(req);
    return {
      items: withArtwork(this.ctx.sqlite, page.items),
      nextCursor: page.nextCursor ? encodeSearchCursor(page.nextCursor) : null,
    };
  }

  async suggest(viewer: Viewer, q: string, limit = 10, types?: string[]): Promise<WithArtwork<Suggestion>[]> {
    const req = { viewer, q, types: this.checkTypes(types), limit: Math.max(1, Math.min(10, limit)) };
    if (this.meili && this.activeEngine() === 'meilisearch') {
      try {
        return withArtwork(this.ctx.sqlite, await this.meili.suggest(req));
      } catch (err) {
        this.markDown(err);
      }
    }
    return withArtwork(this.ctx.sqlite, await this.fts.suggest(req));
  }

  /** Writes changes to FTS5, then mirrors what really changed to Meilisearch (or remembers it for later). */
  async apply(upserts: IndexedDoc[], removed: string[]): Promise<void> {
    const changed = this.fts.store.upsert(upserts);
    const gone = this.fts.store.remove(removed);
    if (!changed.length && !gone.length) return;
    this.deps.planner.invalidate();
    if (!this.meili) return;
    if (this.meiliState !== 'ready') {
      for (const k of [...changed.map((d) => d.key), ...gone]) this.pending.add(k);
      return;
    }
    try {
      await this.meili.apply(changed, gone);
      this.lastSyncAt = new Date().toISOString();
    } catch (err) {
      for (const k of [...changed.map((d) => d.key), ...gone]) this.pending.add(k);
      this.markDown(err);
    }
  }

  /** Sends changes remembered while Meilisearch was busy or away. */
  async flushPending(): Promise<void> {
    if (!this.meili || !this.pending.size) return;
    const keys = [...this.pending];
    this.pending.clear();
    const docs = this.fts.store.byKeys(keys);
    const present = new Set(docs.map((d) => d.key));
    try {
      await this.meili.apply(
        docs,
        keys.filter((k) => !present.has(k)),
      );
      this.lastSyncAt = new Date().toISOString();
    } catch (err) {
      for (const k of keys) this.pending.add(k);
      throw err;
    }
  }

  private checkTypes(types: string[] | undefined): string[] | null {
    if (!types?.length) return null;
    const known = this.deps.sources.types();
    const unknown = types.filter((t) => !known.includes(t));
    if (unknown.length)
      throw new HttpError(422, 'Validation error', {}, [
        { path: 'query.types', message: `Unknown type "${unknown[0]}"; known: ${known.join(', ')}` },
      ]);
    return [...new Set(types)];
  }

  private stopRetry(): void {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
  }
}
