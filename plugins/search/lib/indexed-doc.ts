// Turns a source document into what the index stores: key, folded title key, folded FTS columns (with compound
// spellings), the document's vocabulary and a content hash that lets unchanged documents be skipped.
import type { SearchDocument } from '../api.ts';
import { compoundsOf, fold, tokensOf, withoutArticle } from './normalize.ts';

/**
 * What the stored documents hold, as a number: raise it whenever a change alters them (what a title's document
 * says, its labels, how text is folded), and every install rebuilds its index at its next start (an index kept
 * from before would keep the old text until each item changed). 2: multi-episode labels (`S01E02–E03`). 3: an episode
 * without a number labelled by its air date or season, not `S01E00`.
 */
export const DOC_VERSION = 3;

/** A document as stored in `search_docs` (and mirrored to Meilisearch). */
export interface IndexedDoc {
  key: string;
  source: string;
  type: string;
  refId: string;
  title: string;
  subtitle: string | null;
  year: number | null;
  boost: number;
  titleKey: string;
  sortKey: string;
  altTitles: string[];
  people: string[];
  body: string[];
  /** Distinct folded words of title, alternative titles and people. */
  terms: string[];
  visKeys: string[] | null;
  visGroups: string[] | null;
  hash: string;
}

/** The folded text of each FTS5 column. */
export interface FtsColumns {
  title: string;
  alt: string;
  people: string;
  body: string;
}

export const docKey = (type: string, id: string) => `${type}:${id}`;

const withCompounds = (texts: string[]) =>
  texts
    .flatMap((t) => [fold(t), ...compoundsOf(t)])
    .filter(Boolean)
    .join(' ');

/** Builds the stored form of a document. */
export function indexedDoc(
  source: string,
  d: SearchDocument,
  vis: { keys: string[]; groups: string[] } | null = null,
): IndexedDoc {
  const altTitles = [...new Set((d.altTitles ?? []).filter((a) => a && fold(a) !== fold(d.title)))];
  const people = (d.people ?? []).filter(Boolean);
  const body = (d.text ?? []).filter(Boolean);
  const terms = new Set<string>();
  for (const text of [d.title, ...altTitles, ...people]) {
    for (const t of tokensOf(text)) terms.add(t);
    for (const c of compoundsOf(text)) terms.add(c);
  }
  const doc: Omit<IndexedDoc, 'hash'> = {
    key: docKey(d.type, d.id),
    source,
    type: d.type,
    refId: d.id,
    title: d.title,
    subtitle: d.subtitle ?? null,
    year: d.year ?? null,
    boost: d.boost ?? 1,
    titleKey: fold(d.title),
    sortKey: withoutArticle(fold(d.title)),
    altTitles,
    people,
    body,
    terms: [...terms].sort(),
    visKeys: vis ? [...vis.keys].sort() : null,
    visGroups: vis ? [...new Set(vis.groups)].sort() : null,
  };
  return { ...doc, hash: Bun.hash(JSON.stringify(doc)).toString(36) };
}

/** The FTS5 column texts of a stored document. */
export function ftsColumns(d: Pick<IndexedDoc, 'title' | 'altTitles' | 'people' | 'body'>): FtsColumns {
  return {
    title: withCompounds([d.title]),
    // The title without its article comes first, so "title starts with the query" can ignore articles.
    alt: withCompounds([withoutArticle(fold(d.title)), ...d.altTitles]),
    people: d.people.map(fold).join(' '),
    body: d.body.map(fold).join(' '),
  };
}
