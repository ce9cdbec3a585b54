-- Hand-written (drizzle cannot express virtual tables): the FTS5 index over folded document text. Contentless
-- (the text lives in search_docs) with contentless_delete so rows can be replaced by rowid = search_docs.id.
-- Columns are ranked in this order: title, alternative titles, people, body text.
CREATE VIRTUAL TABLE `search_fts` USING fts5(
	title, alt, people, body,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '1 2 3',
	content = '',
	contentless_delete = 1
);
