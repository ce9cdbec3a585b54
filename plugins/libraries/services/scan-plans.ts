// The pure half of resolving changed files: name, NFO and sidecar parsing for a unit of work files, the same
// whether it runs in the scan worker or (as a fallback) on the main thread.
import type { ExternalTrack } from './catalog-writer.ts';
import {
  type FactsStore,
  type Listings,
  sidecarsOf,
  type WorkFile,
  withFolderFacts,
} from './scan-context.ts';
import { type EpisodePlan, prepareEpisode } from './scan-episode-plan.ts';
import { type MoviePlan, prepareMovie } from './scan-movies.ts';

/** A prepared file: its item plan and sidecars; `unmatched` for an episode name without numbers. */
export type FilePlan =
  | { ok: true; item: MoviePlan | EpisodePlan; sidecars: ExternalTrack[] }
  | { ok: false; unmatched: true }
  | { ok: false; unmatched: false; error: string };

/** A slice of the changed files with the listings of the folders holding them. */
export interface PlanUnit {
  kind: 'movies' | 'shows';
  libraryId: string;
  files: WorkFile[];
  listings: [string, string[]][];
}

/** Builds a unit for `files`, carrying only the folder listings they need. */
export function planUnit(
  kind: 'movies' | 'shows',
  libraryId: string,
  files: WorkFile[],
  listings: Listings,
): PlanUnit {
  const dirs = new Map<string, string[]>();
  for (const w of files) if (!dirs.has(w.dir)) dirs.set(w.dir, listings.get(w.dir) ?? []);
  return { kind, libraryId, files, listings: [...dirs] };
}

export function planFile(unit: PlanUnit, w: WorkFile, listings: Map<string, string[]>): FilePlan {
  const files = listings.get(w.dir) ?? [];
  try {
    const item =
      unit.kind === 'movies'
        ? prepareMovie(w, unit.libraryId, files)
        : prepareEpisode(w, unit.libraryId, files);
    if (!item) return { ok: false, unmatched: true };
    return { ok: true, item, sidecars: sidecarsOf(w.dir, files, w.name) };
  } catch (err) {
    return { ok: false, unmatched: false, error: (err as Error).message };
  }
}

/** What a planner keeps over one scan: the listings it walked itself, and folder facts for every unit. */
export interface PlanMemory {
  listings?: Map<string, string[]>;
  facts?: FactsStore;
}

/**
 * Plans every file of a unit, in order. A folder the unit carries no listing for is one this thread walked: its
 * listing comes from `memory` (a unit sent to the worker that walked the library need not carry them back).
 */
export function planFiles(unit: PlanUnit, memory: PlanMemory = {}): FilePlan[] {
  const listings = new Map(unit.listings);
  if (memory.listings)
    for (const w of unit.files)
      if (!listings.has(w.dir)) listings.set(w.dir, memory.listings.get(w.dir) ?? []);
  return withFolderFacts(() => unit.files.map((w) => planFile(unit, w, listings)), memory.facts);
}
