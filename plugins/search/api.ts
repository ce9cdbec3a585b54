// Public API of the search plugin: document sources for other plugins (podcasts, collections), and searching as a
// viewer from other plugins (ai). Visibility always comes from the libraries extension point and source hooks.
import type { SQL } from 'drizzle-orm';
import type { Viewer } from '../libraries/api.ts';

/** One searchable document of a source. */
export interface SearchDocument {
  /** The source's own id of the thing (unique within its type). */
  id: string;
  /** Result type shown to clients, e.g. `podcast`; owned by one source. */
  type: string;
  title: string;
  subtitle?: string | null;
  year?: number | null;
  /** Other names: original title, sort title, aliases. Ranked after the title. */
  altTitles?: string[];
  /** Names of people (cast, crew, hosts). Ranked after alternative titles. */
  people?: string[];
  /** Longer text (description, genres). Ranked last; no typo tolerance. */
  text?: string[];
  /** Order inside a relevance tier, lower first: 0 main titles, 1 people and the like (default), 2 parts. */
  boost?: number;
}

/** A plugin's documents and who may see them. */
export interface SearchSource {
  /** Result types this source produces; a type belongs to one source. */
  types: string[];
  /** Every current document, for full rebuilds (reindex job, first registration). */
  all(): Iterable<SearchDocument>;
  /**
   * Visibility hook: an SQL condition a document must meet for this viewer, given `ref`, the SQL expression of
   * the document's `id`; undefined when the viewer sees every document of the source. It runs inside the search
   * query (SQLite) or as a check of each hit (Meilisearch), so keep it to indexed lookups.
   */
  visibility?(viewer: Viewer, ref: SQL): SQL | undefined;
}

/** A search hit as the API returns it. */
export interface SearchHit {
  type: string;
  id: string;
  title: string;
  subtitle: string | null;
  year: number | null;
  /** The field that matched best, with the matched words as UTF-16 ranges of `text`. */
  highlight: { field: string; text: string; ranges: { start: number; end: number }[] };
  /** Relevance in 0..1, higher first; comparable within one response. */
  score: number;
  /** Poster (or episode thumb) URL of a catalog hit; null when there is none. Set by the service, not engines. */
  artwork?: string | null;
}

export interface SearchQuery {
  q: string;
  types?: string[];
  limit?: number;
  cursor?: string;
}

/** A completion for the search box. */
export interface Suggestion {
  text: string;
  type: string;
  id: string;
  highlight: SearchHit['highlight'];
  artwork?: string | null;
}

export interface SearchApi {
  /** Registers a source under the caller's plugin id and indexes its documents; returns an unregister function. */
  registerSource(sourceId: string, source: SearchSource): () => void;
  /** Adds or replaces documents of a registered source (call when they change). */
  upsert(sourceId: string, docs: SearchDocument[]): Promise<void>;
  /** Removes documents of a registered source by type and id. */
  remove(sourceId: string, type: string, ids: string[]): Promise<void>;
  /** One page of results the viewer may see. */
  search(viewer: Viewer, query: SearchQuery): Promise<{ items: SearchHit[]; nextCursor: string | null }>;
  /** Up to `limit` (max 10) completions the viewer may see. */
  suggest(viewer: Viewer, q: string, limit?: number): Promise<Suggestion[]>;
}

declare module '@bijou/sdk' {
  interface PluginApis {
    search: SearchApi;
  }
}
