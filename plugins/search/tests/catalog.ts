// Writes a fixture catalog straight into the libraries tables (libraries, items, people, credits), for tests that
// need exact control over titles, ratings and credits rather than a scan.
import type { Database } from 'bun:sqlite';

export interface TitleSpec {
  title: string;
  kind?: 'movie' | 'show';
  original?: string;
  year?: number;
  overview?: string;
  rating?: string;
  genres?: string[];
  cast?: string[];
  /** Episodes of a show: [season, episode, title]. */
  episodes?: [number, number, string][];
}

let seq = 0;
const id = (p: string) => `${p}${(++seq).toString(36).padStart(6, '0')}`;
const now = () => new Date().toISOString();
const sortOf = (title: string) => title.toLowerCase().replace(/^(the|a|an) /, '');

export function insertLibrary(db: Database, kind: 'movies' | 'shows' = 'movies'): string {
  const lib = id('lib');
  db.query(
    `INSERT INTO libraries_libraries (id, name, kind, paths, created_at, updated_at) VALUES (?, ?, ?, '[]', ?, ?)`,
  ).run(lib, lib, kind, now(), now());
  return lib;
}

function insertItem(
  db: Database,
  lib: string,
  o: {
    kind: string;
    title: string;
    showId?: string;
    parentId?: string;
    season?: number;
    episode?: number;
  } & Omit<Partial<TitleSpec>, 'kind'>,
): string {
  const item = id(o.kind[0]);
  db.query(
    `INSERT INTO libraries_items (id, library_id, kind, parent_id, show_id, identity, title, sort_title, original_title, year,
       overview, content_rating, genres, season_number, episode_number, match_method, match_confidence, added_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'manual', 1, ?, ?)`,
  ).run(
    item,
    lib,
    o.kind,
    o.parentId ?? null,
    o.showId ?? null,
    item,
    o.title,
    sortOf(o.title),
    o.original ?? null,
    o.year ?? null,
    o.overview ?? null,
    o.rating ?? null,
    JSON.stringify(o.genres ?? []),
    o.season ?? null,
    o.episode ?? null,
    now(),
    now(),
  );
  return item;
}

/** A person by name (reused when the name exists). */
export function personId(db: Database, name: string): string {
  const key = name.toLowerCase();
  const found = db
    .query<{ id: string }, [string]>('SELECT id FROM libraries_people WHERE name_key = ?')
    .get(key);
  if (found) return found.id;
  const p = id('p');
  db.query('INSERT INTO libraries_people (id, name, name_key) VALUES (?, ?, ?)').run(p, name, key);
  return p;
}

/** Inserts titles (with episodes and cast) and returns their ids by title (episodes as "Show/title"). */
export function insertTitles(db: Database, lib: string, specs: TitleSpec[]): Map<string, string> {
  const ids = new Map<string, string>();
  db.transaction(() => {
    for (const s of specs) {
      const item = insertItem(db, lib, { ...s, kind: s.kind ?? 'movie' });
      ids.set(s.title, item);
      (s.cast ?? []).forEach((name, ord) => {
        db.query(
          `INSERT INTO libraries_credits (item_id, person_id, role, ord) VALUES (?, ?, 'actor', ?)`,
        ).run(item, personId(db, name), ord);
      });
      const seasons = new Map<number, string>();
      for (const [season, episode, title] of s.episodes ?? []) {
        if (!seasons.has(season))
          seasons.set(
            season,
            insertItem(db, lib, {
              kind: 'season',
              title: `Season ${season}`,
              showId: item,
              parentId: item,
              season,
            }),
          );
        const ep = insertItem(db, lib, {
          kind: 'episode',
          title,
          showId: item,
          parentId: seasons.get(season),
          season,
          episode,
        });
        ids.set(`${s.title}/${title}`, ep);
      }
    }
  })();
  return ids;
}

/** Marks an item missing (as a scan does when its files are gone) or present again. */
export function setMissing(db: Database, itemId: string, missing: boolean): void {
  db.query('UPDATE libraries_items SET missing = ?, updated_at = ? WHERE id = ?').run(
    missing ? 1 : 0,
    now(),
    itemId,
  );
}
