// Search documents of the catalog, read from the libraries tables: movies, shows and episodes (with credits), and
// people credited in a present movie or show. Missing or deleted things come back as keys to remove.
import type { Database } from 'bun:sqlite';
import { episodeLabel } from '../lib/episode-label.ts';
import { docKey, type IndexedDoc, indexedDoc } from '../lib/indexed-doc.ts';
import { LIBRARY_SOURCE } from './sources.ts';

interface ItemRow {
  id: string;
  kind: 'movie' | 'show' | 'season' | 'episode';
  library_id: string;
  title: string;
  sort_title: string;
  original_title: string | null;
  year: number | null;
  overview: string | null;
  tagline: string | null;
  genres: string;
  content_rating: string | null;
  missing: number;
  season_number: number | null;
  episode_number: number | null;
  ending_episode_number: number | null;
  air_date: string | null;
  show_id: string | null;
  show_title: string | null;
  show_library: string | null;
  show_rating: string | null;
}

export interface DocChanges {
  upserts: IndexedDoc[];
  removed: string[];
}

const TITLE_KINDS = ['movie', 'show', 'episode'];
const MAX_PEOPLE = 15;
const ids = (list: string[]) => JSON.stringify(list);
export const visGroup = (libraryId: string, rating: string | null) => `${libraryId}|${rating ?? ''}`;

function titleDoc(r: ItemRow, people: string[]): IndexedDoc {
  const genres = JSON.parse(r.genres) as string[];
  const episode = r.kind === 'episode';
  const visId = episode ? (r.show_id ?? r.id) : r.id;
  const group = episode
    ? visGroup(r.show_library ?? r.library_id, r.show_rating)
    : visGroup(r.library_id, r.content_rating);
  return indexedDoc(
    LIBRARY_SOURCE,
    {
      id: r.id,
      type: r.kind,
      title: r.title,
      subtitle: episode
        ? episodeLabel(r.show_title, r.season_number, r.episode_number, r.ending_episode_number, r.air_date)
        : genres.slice(0, 2).join(' · ') || null,
      year: r.year,
      altTitles: [r.original_title ?? '', r.sort_title],
      people,
      text: [episode ? (r.show_title ?? '') : '', r.overview ?? '', r.tagline ?? '', genres.join(' ')],
      boost: episode ? 2 : 0,
    },
    { keys: [visId], groups: [group] },
  );
}

/** Documents of movies, shows and episodes by item id; absent, missing or other kinds become removals. */
export function titleDocs(db: Database, itemIds: string[]): DocChanges {
  if (!itemIds.length) return { upserts: [], removed: [] };
  const rows = db
    .query<ItemRow, [string]>(
      `SELECT i.id, i.kind, i.library_id, i.title, i.sort_title, i.original_title, i.year, i.overview, i.tagline,
         i.genres, i.content_rating, i.missing, i.season_number, i.episode_number, i.ending_episode_number, i.air_date,
         i.show_id,
         s.title AS show_title, s.library_id AS show_library, s.content_rating AS show_rating
       FROM json_each(?) j CROSS JOIN libraries_items i ON i.id = j.value LEFT JOIN libraries_items s ON s.id = i.show_id`,
    )
    .all(ids(itemIds));
  const credits = db
    .query<{ item_id: string; name: string }, [string]>(
      `SELECT c.item_id, p.name FROM json_each(?) j CROSS JOIN libraries_credits c ON c.item_id = j.value
       CROSS JOIN libraries_people p ON p.id = c.person_id ORDER BY c.item_id, c.role, c.ord`,
    )
    .all(ids(itemIds));
  const names = new Map<string, string[]>();
  for (const c of credits) {
    const list = names.get(c.item_id) ?? [];
    if (list.length < MAX_PEOPLE && !list.includes(c.name)) list.push(c.name);
    names.set(c.item_id, list);
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: DocChanges = { upserts: [], removed: [] };
  for (const id of itemIds) {
    const r = byId.get(id);
    if (r && r.missing === 0 && TITLE_KINDS.includes(r.kind))
      out.upserts.push(titleDoc(r, names.get(id) ?? []));
    else out.removed.push(...TITLE_KINDS.map((k) => docKey(k, id)));
  }
  return out;
}

/** Documents of people by id: present when credited in a present movie or show. */
export function personDocs(db: Database, personIds: string[]): DocChanges {
  if (!personIds.length) return { upserts: [], removed: [] };
  const rows = db
    .query<
      { id: string; name: string; item_id: string; title: string; library_id: string; rating: string | null },
      [string]
    >(
      `SELECT p.id, p.name, i.id AS item_id, i.title, i.library_id, i.content_rating AS rating
       FROM json_each(?) j CROSS JOIN libraries_credits c ON c.person_id = j.value
       CROSS JOIN libraries_items i ON i.id = c.item_id CROSS JOIN libraries_people p ON p.id = c.person_id
       WHERE i.missing = 0 AND i.kind IN ('movie', 'show')
       ORDER BY p.id, COALESCE(i.year, 0) DESC, i.sort_title`,
    )
    .all(ids(personIds));
  const grouped = new Map<string, typeof rows>();
  for (const r of rows) grouped.set(r.id, [...(grouped.get(r.id) ?? []), r]);
  const out: DocChanges = { upserts: [], removed: [] };
  for (const id of personIds) {
    const credits = grouped.get(id);
    if (!credits) {
      out.removed.push(docKey('person', id));
      continue;
    }
    const titles = [...new Set(credits.map((c) => c.title))];
    out.upserts.push(
      indexedDoc(
        LIBRARY_SOURCE,
        { id, type: 'person', title: credits[0].name, subtitle: titles.slice(0, 2).join(', '), boost: 1 },
        {
          keys: [...new Set(credits.map((c) => c.item_id))],
          groups: credits.map((c) => visGroup(c.library_id, c.rating)),
        },
      ),
    );
  }
  return out;
}

/**
 * Items and people whose documents depend on the given items: their shows, people credited in them, and people whose
 * indexed document names one of them that is no longer in the catalog (its credits went with it).
 */
export function affectedBy(db: Database, itemIds: string[]): { items: string[]; people: string[] } {
  const shows = db
    .query<{ id: string }, [string]>(
      `SELECT DISTINCT i.show_id AS id FROM json_each(?) j CROSS JOIN libraries_items i ON i.id = j.value
       WHERE i.show_id IS NOT NULL`,
    )
    .all(ids(itemIds))
    .map((r) => r.id);
  const items = [...new Set([...itemIds, ...shows])];
  const people = db
    .query<{ id: string }, [string]>(
      `SELECT DISTINCT c.person_id AS id FROM json_each(?) j CROSS JOIN libraries_credits c ON c.item_id = j.value`,
    )
    .all(ids(items))
    .map((r) => r.id);
  const gone = db
    .query<{ id: string }, [string]>(
      `SELECT j.value AS id FROM json_each(?) j WHERE NOT EXISTS (SELECT 1 FROM libraries_items i WHERE i.id = j.value)`,
    )
    .all(ids(itemIds))
    .map((r) => r.id);
  if (gone.length) people.push(...peopleNaming(db, gone));
  return { items, people: [...new Set(people)] };
}

/** People whose indexed document names (among the items deciding its visibility) one of `itemIds`. */
function peopleNaming(db: Database, itemIds: string[]): string[] {
  return db
    .query<{ id: string }, [string, string]>(
      `SELECT d.ref_id AS id FROM search_docs d WHERE d.source = ? AND d.type = 'person'
         AND EXISTS (SELECT 1 FROM json_each(d.vis_keys) k WHERE k.value IN (SELECT value FROM json_each(?)))`,
    )
    .all(LIBRARY_SOURCE, ids(itemIds))
    .map((r) => r.id);
}

/** Every catalog document, in batches, for a rebuild. */
export function* allLibraryDocs(db: Database, size = 500): Generator<IndexedDoc[]> {
  for (const [table, where, build] of [
    ['libraries_items', `kind IN ('movie', 'show', 'episode') AND missing = 0 AND`, titleDocs],
    ['libraries_people', '', personDocs],
  ] as const) {
    let after = '';
    for (;;) {
      const batch = db
        .query<{ id: string }, [string, number]>(
          `SELECT id FROM ${table} WHERE ${where} id > ? ORDER BY id LIMIT ?`,
        )
        .all(after, size)
        .map((r) => r.id);
      if (!batch.length) break;
      after = batch[batch.length - 1];
      const docs = build(db, batch).upserts;
      if (docs.length) yield docs;
    }
  }
}
