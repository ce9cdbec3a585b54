// Query plans of the catalog lists: every sort of the movie and show lists walks its own index (per-kind partial
// indexes) in both directions, with or without a cursor, and never sorts in a temp b-tree; the title sort (on the
// natural sort key) does so under filters too, and so do year, rating and runtime (ties by title) at 50,000 titles
// each after ANALYZE, a cursor seeking to its key rather than reading from the start (of the whole list, or of its tie
// group: the rest of that group is a statement of its own).
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

/** Sort keys of a cursor of each sort (a year, rating or runtime and a title; a title; a time). */
const KEYS: Record<SortKey, (string | number)[]> = {
  title: ['m'],
  year: [5, 'm'],
  rating: [5, 'm'],
  runtime: [5, 'm'],
  added: ['m'],
};

type Page = Pick<ListFilters, 'kind' | 'sort' | 'order' | 'cursor'> & Partial<ListFilters>;

/** The plan steps of each statement of one page of a list (20 items, no visibility filter), joined by ' | '. */
function plans(page: Page): string[] {
  const sqls = listSql({ profileId: 'profile', visibility: { text: '1', params: [] }, limit: 20, ...page });
  return sqls.map((sql) =>
    b.h.core.sqlite
      .query<{ detail: string }, any[]>(`EXPLAIN QUERY PLAN ${sql.text}`)
      .all(...sql.params)
      .map((r) => r.detail)
      .join(' | '),
  );
}

/** The plan steps of every statement of one page, joined by ' || '. */
const plan = (page: Page) => plans(page).join(' || ');

describe('catalog list query plans', () => {
  for (const kind of ['movie', 'show'] as const)
    for (const sort of Object.keys(INDEX) as SortKey[])
      for (const order of ['asc', 'desc'] as const)
        for (const cursor of [undefined, listCursor({ sort, order }, KEYS[sort], 'id')])
          test(`${kind}s by ${sort} ${order}${cursor ? ' after a cursor' : ''}`, () => {
            const steps = plan({ kind, sort, order, cursor });
            expect(steps).toContain(`USING INDEX ${INDEX[sort](kind)}`);
            expect(steps).not.toContain('TEMP B-TREE');
          });
});

const FILTERS: [string, Partial<ListFilters>][] = [
  ['a library', { libraryId: 'lib' }],
  ['a genre', { genre: ['drama'] }],
  ['two genres', { genre: ['drama', 'comedy'] }],
  ['a year range', { yearFrom: 1990, yearTo: 2000 }],
  ['text', { text: 'film 2' }],
  ['unwatched', { watched: false }],
  ['a resolution and a content rating', { resolution: '1080p', contentRating: ['PG'] }],
  ['a library and a genre', { libraryId: 'lib', genre: ['drama'] }],
];

describe('title list query plans under filters', () => {
  for (const kind of ['movie', 'show'] as const)
    for (const [name, filters] of FILTERS)
      for (const order of ['asc', 'desc'] as const)
        for (const cursor of [undefined, listCursor({ sort: 'title', order }, ['film 0000000002'], 'id')])
          test(`${kind}s by title ${order} with ${name}${cursor ? ' after a cursor' : ''}`, () => {
            const steps = plan({ kind, sort: 'title', order, cursor, ...filters });
            expect(steps).toContain(`USING INDEX ${INDEX.title(kind)}`);
            expect(steps).not.toContain('TEMP B-TREE');
          });
});

describe('year, rating and runtime plans at 50,000 titles each, after ANALYZE', () => {
  beforeAll(() => {
    const db = b.h.core.sqlite;
    const now = new Date().toISOString();
    db.run(
      `INSERT INTO libraries_libraries (id, name, kind, paths, created_at, updated_at) VALUES ('big', 'Big', 'movies', '[]', ?, ?)`,
      [now, now],
    );
    const insert = db.query(
      `INSERT INTO libraries_items (id, library_id, kind, identity, title, sort_title, sort_key, year, rating,
        runtime_minutes, match_method, match_confidence, added_at, updated_at)
       VALUES (?, 'big', ?, ?, ?, ?, ?, ?, ?, ?, 'filename', 0.5, ?, ?)`,
    );
    db.transaction(() => {
      for (const kind of ['movie', 'show'])
        for (let i = 0; i < 50_000; i++) {
          const title = `title ${String((i * 7919) % 50_000).padStart(10, '0')}`;
          // Many ties: ten years, eleven ratings (a fifth unrated), sixty runtimes.
          const rating = i % 5 === 0 ? null : (i % 11) / 2 + 4;
          insert.run(
            `${kind}${i}`,
            kind,
            `${kind}${i}`,
            title,
            title,
            title,
            1990 + (i % 10),
            rating,
            60 + (i % 60),
            now,
            now,
          );
        }
    })();
    db.run('ANALYZE');
  });

  for (const kind of ['movie', 'show'] as const)
    for (const sort of ['year', 'rating', 'runtime'] as const)
      for (const order of ['asc', 'desc'] as const)
        for (const cursor of [undefined, listCursor({ sort, order }, [5, 'title 0000025000'], 'show25000')])
          test(`${kind}s by ${sort} ${order}${cursor ? ' after a cursor' : ''}`, () => {
            const steps = plans({ kind, sort, order, cursor });
            const index = `USING INDEX ${INDEX[sort](kind)}`;
            const cmp = order === 'asc' ? '>' : '<';
            // After a cursor: the rest of its tie group, sought to the cursor's title, then the values past it.
            expect(steps).toEqual(
              cursor
                ? [
                    expect.stringContaining(`${index} (kind=? AND <expr>=? AND (sort_key,id)${cmp}(?,?))`),
                    expect.stringContaining(`${index} (kind=? AND <expr>${cmp}?)`),
                  ]
                : [expect.stringContaining(`${index} (kind=?)`)],
            );
            for (const step of steps) expect(step).not.toContain('TEMP B-TREE');
          });
});
