// Which existing movie a file takes when neither its identity nor an alternative names a row (lib/identity.ts
// `movieIdentities`): a rescanned file keeps the item its file row had (ids its NFO or name gave changed in a way no
// alternative covers), and a file at a new path takes the movie it was renamed from (the only gone one sharing an
// id). Pure.
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

/** A movie of the library the scan has not written, sharing a provider id with a file at a new path. */
export interface RenamedCandidate {
  identity: string;
  edition: string | null;
  ids: ProviderIdMap;
  /** Every main file it had is gone from the disk (renamed or moved: the walk did not meet it). */
  gone: boolean;
}

const PROVIDERS = ['tmdb', 'imdb', 'tvdb'] as const;

/**
 * The identity of the movie a file at a new path was renamed from, or null: the one candidate sharing a provider id
 * with it, of its edition, naming no other id of a provider it names, whose files are all gone. A file renamed so
 * that it lost the id its movie went by (`Heat (1995) [tmdbid-949].mkv` → `Heat (1995).mkv` beside an IMDb-only
 * NFO) keeps its movie, as Jellyfin and Plex keep watch state by provider id. A movie still on disk is another copy
 * (a new movie, as a first scan makes it); with two gone ones nothing tells which it was.
 */
export function renamedFrom(now: MovieNow, candidates: readonly RenamedCandidate[]): string | null {
  const fits = candidates.filter(
    (c) =>
      c.gone &&
      c.edition === now.edition &&
      PROVIDERS.some((p) => now.ids[p] !== undefined && now.ids[p] === c.ids[p]) &&
      !idsConflict(now.ids, c.ids),
  );
  return fits.length === 1 ? fits[0].identity : null;
}
