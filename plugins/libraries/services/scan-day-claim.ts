// Which existing row a date-named episode takes over when no row has its identity (scan-episode-plan.ts DayPlan): a
// day's episodes are told apart by title only while the day has several (lib/identity.ts dayTitleOf), so an
// episode's identity changes when its day gains or loses a title, when an earlier version wrote the day as one row,
// and when its own title part is renamed. Each of these keeps the row, its id and its watch state.
import { dayIdentityOf } from '../lib/identity.ts';
import type { DayPlan } from './scan-episode-plan.ts';
import { isGone } from './scan-reconcile.ts';
import type { ShowScan } from './scan-shows.ts';

/**
 * The identity of the row the date-named episode of file `path` (below show identity `show`) takes over, or null.
 * A file seen before takes the row it is on when that row is of its day and part and none of the day's titles takes
 * its identity now. A file not seen before is a renamed one when its day has exactly one row of no current title
 * whose files are all gone from disk, and it is the only title of its day new in this scan: it takes that row.
 */
export function dayClaim(ctx: ShowScan, path: string, show: string, day: DayPlan): string | null {
  const db = ctx.writer.db;
  const free = (identity: string) => {
    const below = dayIdentityOf(identity, show, day.airDate, day.part);
    return below !== null && !day.taken.includes(below);
  };
  const former = ctx.knownItemOf(path);
  if (former !== undefined) {
    const had = former
      ? db
          .query<{ identity: string }, [string]>(
            `SELECT identity FROM libraries_items WHERE id = ? AND kind = 'episode'`,
          )
          .get(former)
      : null;
    return had && free(had.identity) ? had.identity : null;
  }
  // The rows of the day: its identities all start with `head` and go on with `:` (or end there).
  const head = `${show}/date:${day.airDate}`;
  const rows = db
    .query<{ id: string; identity: string; missing: number }, [string, string, string]>(
      `SELECT id, identity, missing FROM libraries_items
       WHERE library_id = ? AND identity >= ? AND identity < ? AND kind = 'episode'`,
    )
    .all(ctx.libraryId, head, `${head};`);
  const suffix = day.part ? `:part${day.part}` : '';
  const fresh = day.taken.filter((below) => {
    const identity = `${show}${below}${suffix}`;
    return ctx.cache.dayRowsCreated.has(identity) || !rows.some((r) => r.identity === identity);
  });
  if (fresh.length !== 1) return null;
  const gone = rows.filter((r) => !r.missing && free(r.identity) && filesGone(ctx, r.id));
  return gone.length === 1 ? gone[0].identity : null;
}

/** Whether an item had main files and none of them is on disk any more. */
function filesGone(ctx: ShowScan, itemId: string): boolean {
  const paths = ctx.writer.db
    .query<{ path: string }, [string]>(`SELECT path FROM libraries_files WHERE item_id = ? AND role = 'main'`)
    .all(itemId);
  return paths.length > 0 && paths.every((p) => isGone(p.path));
}
