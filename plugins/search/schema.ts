// Tables of the search plugin: indexed documents (the FTS5 rowid is the document id), the typo vocabulary with its
// deletion keys, and engine state. The FTS5 table `search_fts` itself is created by a hand-written migration.
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const docs = sqliteTable(
  'search_docs',
  {
    /** Also the rowid of the document's row in `search_fts`. */
    id: integer('id').primaryKey(),
    /** `<type>:<refId>`, unique across sources. */
    key: text('key').notNull().unique(),
    source: text('source').notNull(),
    type: text('type').notNull(),
    refId: text('ref_id').notNull(),
    title: text('title').notNull(),
    subtitle: text('subtitle'),
    year: integer('year'),
    /** Order inside a relevance tier: 0 titles, 1 people and others, 2 parts of titles (episodes). */
    boost: integer('boost').notNull().default(1),
    /** The folded title, for exact and prefix matches through the index below. */
    titleKey: text('title_key').notNull(),
    /** The folded title without a leading article ("matrix" for "The Matrix"). */
    sortKey: text('sort_key').notNull(),
    altTitles: text('alt_titles', { mode: 'json' }).$type<string[]>().notNull().default([]),
    people: text('people', { mode: 'json' }).$type<string[]>().notNull().default([]),
    body: text('body', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** Distinct folded words of title, alternative titles and people: the document's share of the vocabulary. */
    terms: text('terms').notNull(),
    /** Library items whose visibility decides this document's (Meilisearch filters); null for other sources. */
    visKeys: text('vis_keys', { mode: 'json' }).$type<string[]>(),
    /** `<libraryId>|<contentRating>` of those items. */
    visGroups: text('vis_groups', { mode: 'json' }).$type<string[]>(),
    hash: text('hash').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('search_docs_title_key_idx').on(t.titleKey),
    index('search_docs_sort_key_idx').on(t.sortKey),
    index('search_docs_source_type_idx').on(t.source, t.type),
  ],
);

export const terms = sqliteTable('search_terms', {
  term: text('term').primaryKey(),
  /** Documents using the term; the term and its deletion keys go when this reaches zero. */
  docs: integer('docs').notNull(),
});

export const typos = sqliteTable(
  'search_typos',
  {
    /** The term with one character deleted (or the term itself). */
    del: text('del').notNull(),
    term: text('term').notNull(),
  },
  (t) => [primaryKey({ columns: [t.del, t.term] })],
);

export const state = sqliteTable('search_state', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
});
