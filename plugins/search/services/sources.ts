// Registered document sources: the built-in catalog types belong to `libraries`; other plugins add their own.
import type { SearchSource } from '../api.ts';

export const LIBRARY_SOURCE = 'libraries';
export const LIBRARY_TYPES = ['movie', 'show', 'episode', 'person'] as const;

export class Sources {
  private readonly map = new Map<string, SearchSource>();

  /** Adds a source; its types must not be taken. Returns a function that removes it. */
  register(id: string, source: SearchSource): () => void {
    if (id === LIBRARY_SOURCE || this.map.has(id))
      throw new Error(`SEARCH_SOURCE_TAKEN: a source "${id}" is already registered`);
    for (const type of source.types) {
      if (!/^[a-z][a-z0-9-]{0,31}$/.test(type)) throw new Error(`SEARCH_TYPE_INVALID: "${type}"`);
      if (this.sourceOfType(type))
        throw new Error(`SEARCH_TYPE_TAKEN: type "${type}" belongs to another source`);
    }
    this.map.set(id, source);
    return () => {
      if (this.map.get(id) === source) this.map.delete(id);
    };
  }

  get(id: string): SearchSource | undefined {
    return this.map.get(id);
  }

  /** The source id owning a type, if any. */
  sourceOfType(type: string): string | undefined {
    if ((LIBRARY_TYPES as readonly string[]).includes(type)) return LIBRARY_SOURCE;
    for (const [id, s] of this.map) if (s.types.includes(type)) return id;
    return undefined;
  }

  /** Every known result type. */
  types(): string[] {
    return [...LIBRARY_TYPES, ...[...this.map.values()].flatMap((s) => s.types)];
  }

  entries(): [string, SearchSource][] {
    return [...this.map];
  }
}
