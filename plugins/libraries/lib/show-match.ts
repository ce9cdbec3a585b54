// Which existing show row a show folder takes over when no row has its identity or one of its alternatives (a folder
// renamed, or one whose tvshow.nfo gained or lost ids): pure, the disk asked through `isGone`.
import { idsConflict, normaliseKey, type ProviderIdMap } from './identity.ts';

const PROVIDERS = ['tvdb', 'tmdb', 'imdb'] as const;

/** What a show folder says about its show: its folder, the title and year of its name (year else NFO's), ids. */
export interface ShowKey {
  folder: string;
  title: string;
  year?: number;
  ids: ProviderIdMap;
}

/** A show row of the library: its identity, folder, what its folder's name says (`key`: the title normalised), ids. */
export interface ShowCandidate {
  identity: string;
  folder: string;
  key: string;
  year?: number;
  ids: ProviderIdMap;
}

function sharesId(a: ProviderIdMap, b: ProviderIdMap): boolean {
  return PROVIDERS.some((p) => a[p] !== undefined && a[p] === b[p]);
}

/**
 * The identity of the row a show folder takes over, or null for a new show:
 * 1. the row of this very folder (`sameFolder`: a show folder, not the library root shared by loose episodes);
 * 2. the one row sharing a provider id with it (and naming no other id of that provider): one show, as for movies;
 * 3. the one row of the same normalised name whose folder is gone (renamed), years equal or one of them unknown —
 *    with several, the one of the same year. A row whose folder is still there is another show: `Doctor Who` added
 *    beside `Doctor Who (1963)` is a show of its own, and `Doctor Who (2005)` renamed to `Doctor Who` beside it
 *    keeps the 2005 row.
 */
export function matchShow(
  show: ShowKey,
  sameFolder: boolean,
  candidates: readonly ShowCandidate[],
  isGone: (folder: string) => boolean,
): string | null {
  if (sameFolder) {
    const own = candidates.find((c) => c.folder === show.folder);
    if (own) return own.identity;
  }
  const byId = candidates.filter((c) => sharesId(show.ids, c.ids) && !idsConflict(show.ids, c.ids));
  if (byId.length === 1) return byId[0].identity;
  const key = normaliseKey(show.title);
  const byName = candidates.filter(
    (c) =>
      c.folder !== show.folder &&
      (show.year === undefined || c.year === undefined || show.year === c.year) &&
      !idsConflict(show.ids, c.ids) &&
      c.key === key &&
      isGone(c.folder),
  );
  if (byName.length === 1) return byName[0].identity;
  const sameYear = byName.filter((c) => c.year === show.year);
  return sameYear.length === 1 ? sameYear[0].identity : null;
}
