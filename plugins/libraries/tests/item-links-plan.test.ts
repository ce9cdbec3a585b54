// The parent and show indexes (seasons and episodes below a show) are partial: movies and shows, which have neither,
// take no entry in them (two index entries fewer per movie a scan writes), and the lookups the plugins make by
// parent or show (equality, IN, the OR of metadata refreshes) still seek them.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { type Booted, boot } from './harness.ts';

let b: Booted;
beforeAll(async () => {
  b = await boot({ probe: false });
});
afterAll(() => b.h.stop());

const plan = (sql: string, ...params: string[]) =>
  b.h.core.sqlite
    .query<{ detail: string }, string[]>(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...params)
    .map((r) => r.detail)
    .join(' | ');

describe('parent and show indexes', () => {
  test.each([
    ['libraries_items_parent_idx', 'parent_id'],
    ['libraries_items_show_idx', 'show_id'],
  ])('%s leaves out rows without a %s', (name, column) => {
    const row = b.h.core.sqlite
      .query<{ sql: string }, [string]>("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?")
      .get(name);
    expect(row?.sql).toEndWith(`WHERE ${column} IS NOT NULL`);
  });

  test.each([
    ["SELECT id FROM libraries_items WHERE parent_id = ? AND kind = 'episode' AND missing = 0", 'parent_idx'],
    ['SELECT id FROM libraries_items i WHERE i.show_id = ?', 'show_idx'],
    [
      "SELECT show_id FROM libraries_items WHERE show_id IN (?, ?) AND kind = 'episode' GROUP BY show_id",
      'show_idx',
    ],
    ['SELECT id FROM libraries_items WHERE id = ?1 OR parent_id = ?1 OR show_id = ?1', 'parent_idx'],
    ['SELECT id FROM libraries_items WHERE id = ?1 OR parent_id = ?1 OR show_id = ?1', 'show_idx'],
  ])('%s seeks %s', (sql, index) => {
    const params = Array.from({ length: (sql.match(/\?(?!1)/g) ?? []).length || 1 }, () => 'x');
    expect(plan(sql, ...params)).toContain(`USING INDEX libraries_items_${index}`);
  });
});
