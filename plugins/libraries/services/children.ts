// The present seasons of a show and episodes of a season, in their order (season, episode, absolute number, air date,
// sort title, id): every one in one page when no limit is asked for, else keyset pages of `limit` after `cursor`.
import type { Database, SQLQueryBindings } from 'bun:sqlite';
import { decodeCursor, HttpError, toPage } from '@bijou/sdk';
import { loadBriefs } from './item-view.ts';

// Numbers absent sort first (NULL before any number ascending, as in ORDER BY), and compare, as -1; so do absent
// dates, as ''. A cursor is the key of the last item shown.
const KEY_COLUMNS = [
  'COALESCE(season_number, -1)',
  'COALESCE(episode_number, -1)',
  'COALESCE(absolute_number, -1)',
  "COALESCE(air_date, '')",
  'sort_title',
  'id',
];
const KEY = KEY_COLUMNS.join(', ');
const KEY_TYPES = ['number', 'number', 'number', 'string', 'string', 'string'];
type KeyRow = { k0: number; k1: number; k2: number; k3: string; k4: string; k5: string };

/** The present children of kind `kind` of item `parentId`, as list items for `profileId`, whole or a page. */
export function childPage(
  db: Database,
  o: { parentId: string; kind: 'season' | 'episode'; profileId: string },
  q: { cursor?: string; limit?: number },
) {
  const after = decodeCursor(q.cursor, KEY_COLUMNS.length);
  if (after?.some((v, i) => typeof v !== KEY_TYPES[i])) throw new HttpError(400, 'Invalid cursor');
  const rows = db
    .query<KeyRow, SQLQueryBindings[]>(
      `SELECT ${KEY_COLUMNS.map((c, i) => `${c} AS k${i}`).join(', ')} FROM libraries_items
       WHERE parent_id = ? AND kind = ? AND missing = 0 ${after ? `AND (${KEY}) > (${KEY_COLUMNS.map(() => '?')})` : ''}
       ORDER BY ${KEY}${q.limit === undefined ? '' : ' LIMIT ?'}`,
    )
    .all(
      o.parentId,
      o.kind,
      ...((after ?? []) as SQLQueryBindings[]),
      ...(q.limit === undefined ? [] : [q.limit + 1]),
    );
  const page = toPage(rows, q.limit ?? rows.length, (r) => [r.k0, r.k1, r.k2, r.k3, r.k4, r.k5]);
  return {
    items: loadBriefs(
      db,
      page.items.map((r) => r.k5),
      o.profileId,
    ),
    nextCursor: page.nextCursor,
  };
}
