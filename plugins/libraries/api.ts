// Public API of the libraries plugin for dependent plugins: visibility filters, profiles, items, files, watch state.
import type { SQL } from 'drizzle-orm';
import type { ScanCounts, ScanPhase } from './services/scanner.ts';

/** Who is looking: the signed-in user and the profile they act through. */
export interface Viewer {
  userId: string;
  role: 'admin' | 'user';
  /** Watch state and restrictions are per profile; a user's default profile id is their user id. */
  profileId: string;
}

/**
 * A visibility filter returns an SQL condition over `libraries_items` (unaliased) that a row must satisfy for this
 * viewer, or undefined for no restriction. Every catalog query of this plugin and of plugins that list items ANDs
 * all registered filters inside the SQL, so pages stay full and counts never leak.
 */
export type VisibilityFilter = (viewer: Viewer) => SQL | undefined;

/** Chooses the profile a request acts through (parental controls registers one); null falls through to default. */
export type ProfileResolver = (
  user: { id: string; role: 'admin' | 'user' },
  request: Request,
) => string | null;

export interface LibrariesApi {
  /** Registers a visibility filter; returns a function that removes it. */
  addVisibilityFilter(filter: VisibilityFilter): () => void;
  /** The AND of every registered filter for a viewer (undefined when none restricts). */
  visibility(viewer: Viewer): SQL | undefined;
  addProfileResolver(resolver: ProfileResolver): () => void;
  /** The viewer of a request. */
  viewerFor(user: { id: string; role: 'admin' | 'user' }, request: Request): Viewer;
  /** Whether an item is visible to the viewer (for plugins serving single items, e.g. streams). */
  canSee(viewer: Viewer, itemId: string): boolean;
  /** Main files of a movie or episode, present ones first. */
  filesOf(itemId: string): { id: string; path: string; size: number; container: string | null }[];
  /**
   * Records playback progress; `watched` becomes true at 90%, which counts a play even when the item was watched
   * already (a finished playback; report it once). `fileId` is the main file (part or version) the position is in,
   * so a later resume plays that file; null or omitted means the item's first file.
   */
  setProgress(
    viewer: Viewer,
    itemId: string,
    positionSeconds: number,
    durationSeconds: number | null,
    fileId?: string | null,
  ): void;
  /** Marks watched or unwatched, idempotently: only an item not watched yet gains a play (see the README). */
  setWatched(viewer: Viewer, itemId: string, watched: boolean): void;
  /**
   * The next unwatched episode of each show the viewer's profile has watched an episode of (after the most
   * recently played watched one; specials skipped), among visible shows, newest activity first.
   */
  nextUp(viewer: Viewer): NextUpEntry[];
}

/** A show's next episode for a profile. */
export interface NextUpEntry {
  episodeId: string;
  showId: string;
  /** When the profile last played an episode of the show. */
  lastPlayedAt: string | null;
}

/** Scan state as reported on a library. */
export interface ScanStatus {
  state: 'idle' | 'scanning' | 'failed' | 'cancelled';
  phase: ScanPhase | null;
  progress: number;
  startedAt: string | null;
  finishedAt: string | null;
  jobId: string | null;
  counts: ScanCounts | null;
  error: string | null;
}

declare module '@bijou/sdk' {
  interface PluginApis {
    libraries: LibrariesApi;
  }
  interface EventMap {
    'libraries.scan.started': { libraryId: string; jobId: string };
    'libraries.scan.progressed': {
      libraryId: string;
      jobId: string;
      phase: ScanPhase;
      progress: number;
      counts: ScanCounts;
    };
    'libraries.scan.finished': {
      libraryId: string;
      jobId: string;
      state: ScanStatus['state'];
      counts: ScanCounts | null;
      error: string | null;
    };
    'libraries.items.changed': {
      libraryId: string;
      added: string[];
      updated: string[];
      missing: string[];
      restored: string[];
      /**
       * Deleted from the catalog (their library was deleted, or a scan found every file they had now belongs to another
       * item); ids no longer resolve.
       */
      removed: string[];
    };
  }
}
