// Whether a rescanned movie file keeps the item its file row had when neither its identity nor an alternative names a
// row (lib/identity.ts `movieIdentities`): ids its NFO or name gave changed in a way no alternative covers. Pure.
import { idsConflict, type ProviderIdMap } from './identity.ts';

/** What the file now says about its movie: its edition (as the name gives it) and provider ids. */
export interface MovieNow {
  edition: string | null;
  ids: ProviderIdMap;
}

/** The item the file's row had: as stored, and whether another file of this scan has written it already. */
export interface FormerMovie {
  kind: string;
  edition: string | null;
  ids: ProviderIdMap;
  /** An admin set the ids (identify, an edit): they are not the files' and tell nothing against them. */
  idsLocked: boolean;
  /** Written by another file of this scan, under an identity this file no longer has: another title now. */
  taken: boolean;
  /**
   * The item has a present main file outside this file's folder: a folder this scan may not read again, whose NFO
   * still names the item's ids.
   */
  filesElsewhere: boolean;
}

/**
 * True when the file keeps its former item: a movie of the same edition, not taken by another file of this scan.
 * A file whose ids only were gained or lost is the same movie. One whose NFO now names another id of a provider was
 * matched again (a metadata manager corrected it) and keeps its item as Jellyfin and Plex do, with the other files of
 * its folder (parts, versions: they read the same NFO, so they follow it) — unless the item also has files in another
 * folder, which still name its ids: those keep it, and this file is another movie.
 */
export function keepsFormerMovie(now: MovieNow, former: FormerMovie): boolean {
  if (former.kind !== 'movie' || former.taken || former.edition !== now.edition) return false;
  return former.idsLocked || !former.filesElsewhere || !idsConflict(now.ids, former.ids);
}
