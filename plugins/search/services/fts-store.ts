// The SQLite side of the index: documents in search_docs, their folded text in search_fts (rowid = doc id), and
// the typo vocabulary (terms with document counts, and one-deletion keys) kept exact as documents come and go.
import type { Database } from 'bun:sqlite';
import { ftsColumns, type IndexedDoc } from '../lib/indexed-doc.ts';
import { hasRankBase, rankBase, SEQ_MASK } from '../lib/tiers.ts';
import { termKeys } from '../lib/typo.ts';

interface DocRow {
  id: number;
  key: string;
  source: string;
  type: string;
  ref_id: string;
  title: string;
  subtitle: string | null;
  year: number | null;
  boost: number;
  title_key: string;
  sort_key: string;
  alt_titles: string;
  people: string;
  body: string;
  terms: string;
  vis_keys: string | null;
  vis_groups: string | null;
  hash: string;
}

const json = (v: string | null) => (v === null ? null : (JSON.parse(v) as string[]));

/** A stored row back as a document. */
export function rowToDoc(r: DocRow): IndexedDoc {
  return {
    key: r.key,
    source: r.source,
    type: r.type,
    refId: r.ref_id,
    title: r.title,
    subtitle: r.subtitle,
    year: r.year,
    boost: r.boost,
    titleKey: r.title_key,
    sortKey: r.sort_key,
    altTitles: JSON.parse(r.alt_titles),
    people: JSON.parse(r.people),
    body: JSON.parse(r.body),
    terms: r.terms ? r.terms.split(' ') : [],
    visKeys: json(r.vis_keys),
    visGroups: json(r.vis_groups),
    hash: r.hash,
  };
}

export class FtsStore {
  private seq: number | null = null;

  constructor(private readonly db: Database) {}

  /** Writes documents whose content changed; returns those (unchanged ones are skipped). */
  upsert(docs: IndexedDoc[]): IndexedDoc[] {
    const changed: IndexedDoc[] = [];
    this.db.transaction(() => {
      for (const d of docs) if (this.upsertOne(d)) changed.push(d);
    })();
    return changed;
  }

  /** Removes documents by key; returns the keys that existed. */
  remove(keys: string[]): string[] {
    const gone: string[] = [];
    this.db.transaction(() => {
      for (const key of keys) {
        const old = this.db
          .query<{ id: number; terms: string }, [string]>('SELECT id, terms FROM search_docs WHERE key = ?')
          .get(key);
        if (!old) continue;
        this.db.query('DELETE FROM search_fts WHERE rowid = ?').run(old.id);
        this.db.query('DELETE FROM search_docs WHERE id = ?').run(old.id);
        for (const t of old.terms ? old.terms.split(' ') : []) this.dropTerm(t);
        gone.push(key);
      }
    })();
    return gone;
  }

  /** Empties the index. */
  clear(): void {
    this.seq = 0;
    this.db.transaction(() => {
      this.db.run(`INSERT INTO search_fts(search_fts) VALUES ('delete-all')`);
      this.db.run('DELETE FROM search_docs');
      this.db.run('DELETE FROM search_terms');
      this.db.run('DELETE FROM search_typos');
    })();
  }

  /** Keys of a source's documents (optionally of some types). */
  keysOf(source: string, types?: string[]): string[] {
    const rows = this.db
      .query<{ key: string; type: string }, [string]>('SELECT key, type FROM search_docs WHERE source = ?')
      .all(source);
    return rows.filter((r) => !types || types.includes(r.type)).map((r) => r.key);
  }

  byKeys(keys: string[]): IndexedDoc[] {
    if (!keys.length) return [];
    return this.db
      .query<DocRow, [string]>('SELECT * FROM search_docs WHERE key IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(keys))
      .map(rowToDoc);
  }

  /** Every document, in batches (for mirroring to another engine). */
  *batches(size = 1000): Generator<IndexedDoc[]> {
    let after = 0;
    for (;;) {
      const rows = this.db
        .query<DocRow, [number, number]>('SELECT * FROM search_docs WHERE id > ? ORDER BY id LIMIT ?')
        .all(after, size);
      if (!rows.length) return;
      after = rows[rows.length - 1].id;
      yield rows.map(rowToDoc);
    }
  }

  counts(): { documents: number; terms: number } {
    const docs = this.db.query<{ n: number }, []>('SELECT count(*) AS n FROM search_docs').get()!.n;
    const terms = this.db.query<{ n: number }, []>('SELECT count(*) AS n FROM search_terms').get()!.n;
    return { documents: docs, terms };
  }

  /** Whether the vocabulary has `word` (or, as a prefix, a term starting with it). */
  knows(word: string, prefix: boolean): boolean {
    const row = prefix
      ? this.db
          .query<{ one: number }, [string, string]>(
            'SELECT 1 AS one FROM search_terms WHERE term >= ? AND term < ? LIMIT 1',
          )
          .get(word, `${word}\u{10FFFF}`)
      : this.db
          .query<{ one: number }, [string]>('SELECT 1 AS one FROM search_terms WHERE term = ?')
          .get(word);
    return !!row;
  }

  /** Vocabulary terms sharing a deletion key with any of `keys`, with their document counts. */
  termsNear(keys: string[]): { term: string; docs: number }[] {
    return this.db
      .query<{ term: string; docs: number }, [string]>(
        `SELECT DISTINCT t.term, t.docs FROM search_typos y JOIN search_terms t ON t.term = y.term
         WHERE y.del IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(keys));
  }

  private upsertOne(d: IndexedDoc): boolean {
    const old = this.db
      .query<{ id: number; hash: string; terms: string }, [string]>(
        'SELECT id, hash, terms FROM search_docs WHERE key = ?',
      )
      .get(d.key);
    if (old?.hash === d.hash) return false;
    const values = [
      d.source,
      d.type,
      d.refId,
      d.title,
      d.subtitle,
      d.year,
      d.boost,
      d.titleKey,
      d.sortKey,
      JSON.stringify(d.altTitles),
      JSON.stringify(d.people),
      JSON.stringify(d.body),
      d.terms.join(' '),
      d.visKeys ? JSON.stringify(d.visKeys) : null,
      d.visGroups ? JSON.stringify(d.visGroups) : null,
      d.hash,
      new Date().toISOString(),
    ];
    const base = rankBase(d.boost, [...d.titleKey].length);
    let id: number;
    if (old && hasRankBase(old.id, base)) {
      id = old.id;
      this.db.query('DELETE FROM search_fts WHERE rowid = ?').run(id);
      this.db
        .query(
          `UPDATE search_docs SET source = ?, type = ?, ref_id = ?, title = ?, subtitle = ?, year = ?, boost = ?,
           title_key = ?, sort_key = ?, alt_titles = ?, people = ?, body = ?, terms = ?, vis_keys = ?, vis_groups = ?,
           hash = ?, updated_at = ? WHERE id = ?`,
        )
        .run(...(values as never[]), id);
    } else {
      // A new document, or one whose place in tier order moved: it gets an id at its new place.
      if (old) {
        this.db.query('DELETE FROM search_fts WHERE rowid = ?').run(old.id);
        this.db.query('DELETE FROM search_docs WHERE id = ?').run(old.id);
      }
      id = base + this.nextSeq();
      this.db
        .query(
          `INSERT INTO search_docs (id, key, source, type, ref_id, title, subtitle, year, boost, title_key, sort_key,
           alt_titles, people, body, terms, vis_keys, vis_groups, hash, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, d.key, ...(values as never[]));
    }
    const cols = ftsColumns(d);
    this.db
      .query('INSERT INTO search_fts (rowid, title, alt, people, body) VALUES (?, ?, ?, ?, ?)')
      .run(id, cols.title, cols.alt, cols.people, cols.body);
    const before = new Set(old?.terms ? old.terms.split(' ') : []);
    const after = new Set(d.terms);
    for (const t of after) if (!before.has(t)) this.addTerm(t);
    for (const t of before) if (!after.has(t)) this.dropTerm(t);
    return true;
  }

  private nextSeq(): number {
    this.seq ??= this.db
      .query<{ s: number }, [number]>('SELECT COALESCE(MAX(id % ?), 0) AS s FROM search_docs')
      .get(SEQ_MASK + 1)!.s;
    this.seq = (this.seq + 1) % SEQ_MASK;
    return this.seq;
  }

  private addTerm(term: string): void {
    const row = this.db
      .query<{ docs: number }, [string]>(
        'INSERT INTO search_terms (term, docs) VALUES (?, 1) ON CONFLICT(term) DO UPDATE SET docs = docs + 1 RETURNING docs',
      )
      .get(term);
    if (row?.docs !== 1) return;
    const ins = this.db.query('INSERT OR IGNORE INTO search_typos (del, term) VALUES (?, ?)');
    for (const del of termKeys(term)) ins.run(del, term);
  }

  private dropTerm(term: string): void {
    const row = this.db
      .query<{ docs: number }, [string]>(
        'UPDATE search_terms SET docs = docs - 1 WHERE term = ? RETURNING docs',
      )
      .get(term);
    if (!row || row.docs > 0) return;
    this.db.query('DELETE FROM search_terms WHERE term = ?').run(term);
    const del = this.db.query('DELETE FROM search_typos WHERE del = ? AND term = ?');
    for (const d of termKeys(term)) del.run(d, term);
  }
}
