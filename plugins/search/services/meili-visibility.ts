// Expresses a viewer's visibility as a Meilisearch filter. The libraries filters are SQL, so they are evaluated
// here over groups of titles (library × content rating, what parental controls and per-library access decide
// on): whole groups go in as `visGroups`, mixed groups as their visible item ids (`visKeys`) up to a cap, beyond
// which the whole group goes in and the SQL check of each hit removes the rest.
import type { Database } from 'bun:sqlite';
import type { Viewer } from '../../libraries/api.ts';
import type { MeiliVisibility } from '../lib/meili-filter.ts';
import { visGroup } from './library-docs.ts';
import type { Visibility } from './visibility.ts';

export const MAX_KEYS = 500;
const TTL_MS = 5_000;

export class MeiliVisibilityPlanner {
  private readonly cache = new Map<string, { at: number; plan: MeiliVisibility }>();
  private generation = 0;
  private cachedGeneration = 0;

  constructor(
    private readonly db: Database,
    private readonly visibility: Visibility,
  ) {}

  /** Forget cached plans (the catalog changed). */
  invalidate(): void {
    this.generation += 1;
  }

  plan(viewer: Viewer, sources: string[]): MeiliVisibility {
    const lib = this.visibility.libraryCondition(viewer);
    if (lib.text === '1') return { library: 'all', sources };
    if (this.cachedGeneration !== this.generation) {
      this.cache.clear();
      this.cachedGeneration = this.generation;
    }
    const key = JSON.stringify([lib.text, lib.params, sources]);
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.plan;
    const groups = this.db
      .query<{ lib: string; rating: string | null; total: number; shown: number }, any[]>(
        `SELECT libraries_items.library_id AS lib, libraries_items.content_rating AS rating, COUNT(*) AS total,
           SUM(CASE WHEN ${lib.text} THEN 1 ELSE 0 END) AS shown
         FROM libraries_items WHERE libraries_items.kind IN ('movie', 'show') AND libraries_items.missing = 0
         GROUP BY 1, 2`,
      )
      .all(...(lib.params as any[]));
    const full: string[] = [];
    const keys: string[] = [];
    for (const g of groups) {
      if (g.shown === 0) continue;
      if (g.shown === g.total) {
        full.push(visGroup(g.lib, g.rating));
        continue;
      }
      const ids = this.db
        .query<{ id: string }, any[]>(
          `SELECT libraries_items.id AS id FROM libraries_items WHERE libraries_items.kind IN ('movie', 'show')
           AND libraries_items.missing = 0 AND libraries_items.library_id = ? AND libraries_items.content_rating IS ?
           AND ${lib.text} LIMIT ?`,
        )
        .all(g.lib, g.rating, ...(lib.params as any[]), MAX_KEYS - keys.length + 1);
      if (keys.length + ids.length > MAX_KEYS) full.push(visGroup(g.lib, g.rating));
      else keys.push(...ids.map((r) => r.id));
    }
    const plan: MeiliVisibility = { library: { groups: full, keys }, sources };
    this.cache.set(key, { at: Date.now(), plan });
    return plan;
  }
}
