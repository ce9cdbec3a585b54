// Query plans of the catalog lists: every sort of the movie and show lists walks its own index (per-kind partial
// indexes) in both directions, with or without a cursor, and never sorts in a temp b-tree; the title sort (on the
// natural sort key) does so under filters too.
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

const FILTERS: [string, Partial<ListFilters>][] = [
  ['a library', { libraryId: 'lib' }],
  ['a genre', { genre: 'drama' }],
  ['a year range', { yearFrom: 1990, yearTo: 2000 }],
  ['text', { text: 'film 2' }],
  ['unwatched', { watched: false }],
  ['a resolution and a content rating', { resolution: '1080p', contentRating: ['PG'] }],
  ['a library and a genre', { libraryId: 'lib', genre: 'drama' }],
];

describe('title list query plans under filters', () => {
  for (const kind of ['movie', 'show'] as const)
    for (const [name, filters] of FILTERS)
      for (const order of ['asc', 'desc'] as const)
        for (const cursor of [undefined, listCursor({ sort: 'title', order }, 'film 0000000002', 'id')])
          test(`${kind}s by title ${order} with ${name}${cursor ? ' after a cursor' : ''}`, () => {
            const steps = plan({
              kind,
              profileId: 'profile',
              visibility: { text: '1', params: [] },
              sort: 'title',
              order,
              cursor,
              limit: 20,
              ...filters,
            }).join(' | ');
            expect(steps).toContain(`USING INDEX ${INDEX.title(kind)}`);
            expect(steps).not.toContain('TEMP B-TREE');
          });
});
