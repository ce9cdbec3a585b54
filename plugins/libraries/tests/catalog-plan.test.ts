// Query plans of the catalog lists: every sort of the movie and show lists walks its own index (per-kind partial
// indexes) in both directions, with or without a cursor, and never sorts in a temp b-tree.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { type ListFilters, listCursor, listSql, type SortKey } from '../services/catalog-query.ts';
import { type Booted, boot } from './harness.ts';

let b: Booted;
beforeAll(async () => {
  b = await boot({ probe: false });
});
afterAll(() => b.h.stop());

const INDEX: Record<SortKey, (kind: string) => string> = {
  title: (k) => `libraries_${k}s_sort_idx`,
  year: (k) => `libraries_${k}s_year_idx`,
  rating: (k) => `libraries_${k}s_rating_idx`,
  runtime: (k) => `libraries_${k}s_runtime_idx`,
  added: (k) => `libraries_${k}s_added_idx`,
};

function plan(f: ListFilters): string[] {
  const sql = listSql(f);
  return b.h.core.sqlite
    .query<{ detail: string }, any[]>(`EXPLAIN QUERY PLAN ${sql.text}`)
    .all(...sql.params)
    .map((r) => r.detail);
}

describe('catalog list query plans', () => {
  for (const kind of ['movie', 'show'] as const)
    for (const sort of Object.keys(INDEX) as SortKey[])
      for (const order of ['asc', 'desc'] as const)
        for (const cursor of [
          undefined,
          listCursor({ sort, order }, sort === 'title' || sort === 'added' ? 'm' : 5, 'id'),
        ])
          test(`${kind}s by ${sort} ${order}${cursor ? ' after a cursor' : ''}`, () => {
            const steps = plan({
              kind,
              profileId: 'profile',
              visibility: { text: '1', params: [] },
              sort,
              order,
              cursor,
              limit: 20,
            } as ListFilters);
            expect(steps.join(' | ')).toContain(`USING INDEX ${INDEX[sort](kind)}`);
            expect(steps.join(' | ')).not.toContain('TEMP B-TREE');
          });
});
