// Where a removed ("ghost") movie's or episode's watch state goes (lib/ghost-items.ts says which are removed): to the
// item that now holds the files it had, joined with that item's own watch state for the same profile so that nothing
// a user would miss is lost — the watched mark, the plays, the last play and an unfinished resume point.

/** One profile's watch state of one item (a libraries_watch_state row, see services/watch-state.ts). */
export interface WatchRow {
  watched: boolean;
  positionSeconds: number;
  /** The main file the position is in; null: the item's first file. */
  fileId: string | null;
  playCount: number;
  /** When it was last played (ISO time); null: never. */
  lastPlayedAt: string | null;
  updatedAt: string;
}

/** A main file the removed item had when the scan began: its path, and the item whose main file it is now. */
export interface FormerFile {
  path: string;
  /** Null when no item has it as a main file now. */
  nowOf: string | null;
}

/**
 * The main files each removed item had (`former`: by item, as the scan found them when it began) joined with those
 * recorded as moved off it (`moved`), a file counting once: a scan that died after moving them never reconciled, so
 * the next one finds them on other items already. Fills `former` in place and returns it.
 */
export function withMovedFiles<F extends { id: string }>(
  former: Map<string, F[]>,
  moved: Map<string, F[]>,
): Map<string, F[]> {
  for (const [item, files] of moved) {
    const had = former.get(item) ?? [];
    const ids = new Set(had.map((f) => f.id));
    former.set(item, [...had, ...files.filter((f) => !ids.has(f.id))]);
  }
  return former;
}

/**
 * The item that inherits a removed item's watch state: of the items its files went to, the one that took most of
 * them; on a tie, the one that took the first of its files in path order (a stack's cd1, a file's first version).
 * Null when none of its files is another item's main file now.
 */
export function heirOf(files: readonly FormerFile[]): string | null {
  const counts = new Map<string, number>();
  // In path order, a Map keeps each item where its first file came: the first item to reach the most wins a tie.
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)))
    if (f.nowOf !== null) counts.set(f.nowOf, (counts.get(f.nowOf) ?? 0) + 1);
  let heir: string | null = null;
  let most = 0;
  for (const [item, n] of counts)
    if (n > most) {
      heir = item;
      most = n;
    }
  return heir;
}

/** The later of two ISO times, null counting as never. */
function later(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a >= b ? a : b;
}

/**
 * The watch state of an item that inherits `ghost`'s and had `heir` itself: watched when either was; the plays of
 * both; the later last play; a resume point only when the result is not watched (a watched item has none, as
 * marking it watched clears it): the one of the later played, on a tie the further one.
 */
export function mergeWatchStates(ghost: WatchRow, heir: WatchRow): WatchRow {
  const watched = ghost.watched || heir.watched;
  const lastPlayedAt = later(ghost.lastPlayedAt, heir.lastPlayedAt);
  let resume = { positionSeconds: 0, fileId: null as string | null };
  if (!watched) {
    const g = ghost.lastPlayedAt ?? '';
    const h = heir.lastPlayedAt ?? '';
    const from = g > h || (g === h && ghost.positionSeconds > heir.positionSeconds) ? ghost : heir;
    resume = { positionSeconds: from.positionSeconds, fileId: from.fileId };
  }
  return {
    watched,
    ...resume,
    playCount: ghost.playCount + heir.playCount,
    lastPlayedAt,
    updatedAt: later(ghost.updatedAt, heir.updatedAt) ?? heir.updatedAt,
  };
}

/**
 * What the heir's row becomes for one profile: the ghost's row, its resume point recorded without a file (meaning
 * the ghost's first file) naming that file (`ghostFirstFile`) so it still means the file the user was in once that
 * file is the heir's; merged with the heir's own row when it has one.
 */
export function inheritedWatchState(
  ghost: WatchRow,
  ghostFirstFile: string | null,
  heir: WatchRow | undefined,
): WatchRow {
  const resumes = !ghost.watched && ghost.positionSeconds > 0;
  const moved = resumes && ghost.fileId === null ? { ...ghost, fileId: ghostFirstFile } : ghost;
  return heir ? mergeWatchStates(moved, heir) : moved;
}
