// The search plugin's typed context and the engine interface both engines implement.
import type { PluginContext } from '@bijou/sdk';
import type { Viewer } from '../../libraries/api.ts';
import type { SearchHit, Suggestion } from '../api.ts';
import type { SearchCursor } from '../lib/cursor.ts';
import type { IndexedDoc } from '../lib/indexed-doc.ts';
import type manifest from '../manifest.ts';
import type * as schema from '../schema.ts';

export type Ctx = PluginContext<typeof manifest, typeof schema>;

export interface EngineSearch {
  viewer: Viewer;
  q: string;
  /** Only these types; null for every type. */
  types: string[] | null;
  limit: number;
  cursor: SearchCursor | null;
}

export interface EnginePage {
  items: SearchHit[];
  nextCursor: SearchCursor | null;
}

/** A search engine: answers queries for a viewer (visibility inside the query) and keeps its index in sync. */
export interface SearchEngine {
  readonly name: 'fts5' | 'meilisearch';
  search(req: EngineSearch): Promise<EnginePage>;
  suggest(req: Omit<EngineSearch, 'cursor'>): Promise<Suggestion[]>;
  /** Applies changed documents and removed keys. */
  apply(upserts: IndexedDoc[], removed: string[]): Promise<void>;
  /** Replaces the whole index with `batches`; `progress` gets the number of documents written so far. */
  rebuild(
    batches: Iterable<IndexedDoc[]>,
    progress: (done: number) => void,
    signal: AbortSignal,
  ): Promise<void>;
}
