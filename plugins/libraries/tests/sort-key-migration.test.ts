// Migration 0005 on a database made before it: rows written by the old code (sort titles, no sort key) get the key
// sortKeyOf gives their sort title (the SQL and the TypeScript agree on every title here), the title sort indexes
// are on the key, and the movie and show lists come in natural order through every page.

import { Database } from 'bun:sqlite';
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestHost, type TestHost } from '@bijou/sdk/testing';
import { drizzle } from 'drizzle-orm/bun-sqlite';
import { migrate } from 'drizzle-orm/bun-sqlite/migrator';
import { SORT_TITLE_MAX, sortTitleOf } from '../lib/identity.ts';
import { sortKeyOf } from '../lib/sort-key.ts';
import { type Booted, listAll } from './harness.ts';

const MIGRATIONS = join(import.meta.dir, '..', 'migrations');
const NEW = '0005_natural_sort_key';

const MOVIES = ['Film 10', 'Film 100', 'Film 2', 'film 3', 'Film 1', 'Film 2.5', 'The Film 20', 'Épisode 9'];
const MOVIES_ASC = [
  'Épisode 9',
  'Film 1',
  'Film 2',
  'Film 2.5',
  'film 3',
  'Film 10',
  'The Film 20',
  'Film 100',
];
const SHOWS = ['Show 10', 'Show 2', '第10話', '第9話'];
const SHOWS_ASC = ['Show 2', 'Show 10', '第9話', '第10話'];
// Sort titles the SQL must key as sortKeyOf does (stored as episodes, so they stay out of the lists).
const ODD = [
  'season 02',
  '007',
  '0',
  'film 0',
  'a1b22c333',
  '9999999999',
  '12345678901 x',
  '00012345678901',
  '第9地区',
  'فيلم ٣',
  '𠀀1𠀀',
  '1 '.repeat(SORT_TITLE_MAX / 2).trimEnd(),
  '𠀀1'.repeat(SORT_TITLE_MAX / 2),
  '長'.repeat(SORT_TITLE_MAX),
  'matrix',
];

let dataDir: string;
let host: TestHost;
let b: Booted;

/** A database at the migration before {@link NEW}, holding rows as the code before it wrote them. */
function oldDatabase(dir: string): void {
  const old = mkdtempSync(join(tmpdir(), 'bijou-old-migrations-'));
  cpSync(MIGRATIONS, old, { recursive: true });
  const journalPath = join(old, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  const at = journal.entries.findIndex((e: { tag: string }) => e.tag === NEW);
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(journalPath, JSON.stringify(journal));
  const sqlite = new Database(join(dir, 'bijou.sqlite'));
  // The ledger core keeps for the libraries plugin (core's ledgerTable('libraries')).
  migrate(drizzle(sqlite), { migrationsFolder: old, migrationsTable: '__migrations_libraries' });
  rmSync(old, { recursive: true, force: true });
  expect(
    sqlite.query("SELECT 1 FROM pragma_table_info('libraries_items') WHERE name = 'sort_key'").all(),
  ).toEqual([]);
  sqlite.run(`INSERT INTO libraries_libraries (id, name, kind, paths, created_at, updated_at)
    VALUES ('m', 'Movies', 'movies', '[]', '2026-01-01', '2026-01-01'), ('s', 'Shows', 'shows', '[]', '2026-01-01', '2026-01-01')`);
  const insert = sqlite.query(
    `INSERT INTO libraries_items (id, library_id, kind, identity, title, sort_title, match_method, match_confidence,
      added_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'filename', 0.7, '2026-01-01', '2026-01-01')`,
  );
  let n = 0;
  const add = (lib: string, kind: string, title: string, sortTitle = sortTitleOf(title)) => {
    n += 1;
    insert.run(`item${String(n).padStart(3, '0')}`, lib, kind, `${kind}:${n}`, title, sortTitle);
  };
  for (const t of MOVIES) add('m', 'movie', t);
  for (const t of SHOWS) add('s', 'show', t);
  for (const t of ODD) add('s', 'episode', t, t);
  sqlite.close();
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'bijou-sort-key-migration-'));
  oldDatabase(dataDir);
  host = await createTestHost({ plugins: ['plugins/libraries'], dataDir });
  b = { h: host, token: await host.admin() };
});

afterAll(async () => {
  await host.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('every row gets the key of its sort title, as sortKeyOf makes it', () => {
  const rows = host.core.sqlite
    .query<{ sort_title: string; sort_key: string }, []>('SELECT sort_title, sort_key FROM libraries_items')
    .all();
  expect(rows).toHaveLength(MOVIES.length + SHOWS.length + ODD.length);
  for (const r of rows) expect([r.sort_title, r.sort_key]).toEqual([r.sort_title, sortKeyOf(r.sort_title)]);
});

test('the title sort indexes are on the key', () => {
  for (const kind of ['movies', 'shows'])
    expect(
      host.core.sqlite
        .query<{ name: string }, [string]>('SELECT name FROM pragma_index_info(?)')
        .all(`libraries_${kind}_sort_idx`)
        .map((c) => c.name),
    ).toEqual(['kind', 'sort_key', 'id']);
});

describe('lists after the migration are in natural order', () => {
  for (const [kind, asc] of [
    ['movies', MOVIES_ASC],
    ['shows', SHOWS_ASC],
  ] as const)
    for (const limit of [1, 2])
      test(`${kind}, pages of ${limit}, both orders`, async () => {
        const titles = async (order: string) =>
          (await listAll(b, `/v1/${kind}?sort=title&order=${order}`, limit)).map((m) => m.title);
        expect(await titles('asc')).toEqual(asc);
        expect(await titles('desc')).toEqual([...asc].reverse());
      });
});
