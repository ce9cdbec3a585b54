// Writes one planned episode (`prepareEpisode`, scan-episode-plan.ts): its show (scan-show-row.ts) and season (season
// art, season.nfo, `<namedseason>` titles) rows the first time a scan meets them, then the episode row below them.
import { sep } from 'node:path';
import { seasonFields } from '../lib/build-item.ts';
import { seasonIdentity } from '../lib/identity.ts';
import { COL } from '../lib/item-row.ts';
import { seasonFromFolder } from '../lib/naming/index.ts';
import { parseSeasonNfo, type SeasonNfo } from '../lib/nfo/index.ts';
import type { ShowCandidate } from '../lib/show-match.ts';
import type { CatalogWriter } from './catalog-writer.ts';
import { readNfoIn } from './read-text.ts';
import { artworkIn, type Listings, seasonArtworkIn, type WorkFile } from './scan-context.ts';
import { dayClaim } from './scan-day-claim.ts';
import type { EpisodePlan } from './scan-episode-plan.ts';
import type { Resolved } from './scan-movies.ts';
import { showRow } from './scan-show-row.ts';

export { showFolderOf } from './scan-show-row.ts';

/** The show row an episode belongs to. */
export interface ShowPlace {
  id: string;
  identity: string;
  folder: string;
}

/**
 * Rows written in this scan: shows by folder (and by identity, alternatives too), season ids by identity, show and
 * season by episode folder, and the season titles a show's tvshow.nfo gives (`<namedseason number="1">`) by show
 * identity.
 */
export class ShowCache {
  /** Show rows by show folder (`<root>//<series>` for files at the library root). */
  readonly shows = new Map<string, ShowPlace>();
  readonly showsByIdentity = new Map<string, ShowPlace>();
  /** Ids of the show rows placed in this scan: no other folder takes them over. */
  readonly placedShows = new Set<string>();
  /** The library's show rows as the scan found them, read when a show folder first needs one to take over. */
  candidates?: (ShowCandidate & { id: string })[];
  readonly ids = new Map<string, string>();
  readonly seasonNames = new Map<string, Map<number, string>>();
  /** Identities of season rows written (or kept) in this scan without the season's own folder. */
  readonly folderless = new Set<string>();
  readonly folders = new Map<string, Map<number, { show: ShowPlace; seasonId: string }>>();
  /** Identities of the date-named episode rows this scan created (scan-day-claim.ts). */
  readonly dayRowsCreated = new Set<string>();
}

/** The id and folder of a season row from an earlier scan, or null. */
function seasonPlacement(ctx: ShowScan, identity: string): { id: string; folder: string | null } | null {
  return ctx.writer.db
    .query<{ id: string; folder: string | null }, [string, string]>(
      'SELECT id, folder FROM libraries_items WHERE library_id = ? AND identity = ?',
    )
    .get(ctx.libraryId, identity);
}

/**
 * The season.nfo of a season's own folder (Jellyfin), or null; one whose `<seasonnumber>` names another season than
 * the folder's episodes are in is not this season's (numbers come from names, as for episodes).
 */
function seasonNfo(
  w: WorkFile,
  files: string[] | undefined,
  season: number,
  warnings: string[],
): SeasonNfo | null {
  const label = w.rel.slice(0, w.rel.lastIndexOf(sep));
  const nfo = readNfoIn(w.dir, files, 'season.nfo', label, parseSeasonNfo, warnings);
  if (nfo?.seasonNumber === undefined || nfo.seasonNumber === season) return nfo;
  warnings.push(
    `${label}${sep}season.nfo: season ${nfo.seasonNumber} is not this folder's season ${season} (ignored)`,
  );
  return null;
}

function seasonRow(show: ShowPlace, season: number, w: WorkFile, ctx: ShowScan): string {
  const identity = seasonIdentity(show.identity, season);
  const cached = ctx.cache.ids.get(identity);
  // The episode's folder is its season's own (the season's folder and art) unless it is the show's or names another
  // season: an S01 file left in `Season 02` gives season 1 neither, and leaves a row that has its own folder as it is.
  const folderSeason =
    w.dir === show.folder ? undefined : seasonFromFolder(w.dir.slice(w.dir.lastIndexOf(sep) + 1));
  const foreign = folderSeason !== undefined && folderSeason !== season;
  const inOwnFolder = w.dir !== show.folder && !foreign;
  // A row this scan wrote without its own folder is written again by the first episode met in that folder.
  if (cached && !(inOwnFolder && ctx.cache.folderless.has(identity))) return cached;
  const existing = foreign && !cached ? seasonPlacement(ctx, identity) : null;
  if (existing?.folder) {
    ctx.cache.ids.set(identity, existing.id);
    ctx.cache.folderless.add(identity);
    return existing.id;
  }
  const listing = inOwnFolder ? ctx.listings.get(w.dir) : undefined;
  const artwork = {
    ...seasonArtworkIn(show.folder, ctx.listings.get(show.folder), season),
    ...(inOwnFolder ? artworkIn(w.dir, listing, 'season') : {}),
  };
  const nfo = inOwnFolder ? seasonNfo(w, listing, season, ctx.warnings) : null;
  const named = ctx.cache.seasonNames.get(show.identity)?.get(season);
  const row = ctx.writer.upsertItem(
    {
      libraryId: ctx.libraryId,
      kind: 'season',
      identity,
      parentId: show.id,
      showId: show.id,
      seasonNumber: season,
      folder: inOwnFolder ? w.dir : null,
      artwork,
    },
    seasonFields(season, nfo, named),
    ctx.now,
  );
  ctx.cache.ids.set(identity, row.id);
  if (inOwnFolder) ctx.cache.folderless.delete(identity);
  else ctx.cache.folderless.add(identity);
  return row.id;
}

export interface ShowScan {
  libraryId: string;
  /** The item of the file row at a path when the scan began (scan-collect.ts `knownItemOf`). */
  knownItemOf(path: string): string | null | undefined;
  listings: Listings;
  writer: CatalogWriter;
  cache: ShowCache;
  now: string;
  warnings: string[];
}

/** The show and season rows of an episode, written the first time a scan meets them. */
function placeEpisode(plan: EpisodePlan, w: WorkFile, ctx: ShowScan): { show: ShowPlace; seasonId: string } {
  // A file at the library's root names its own show; one in a folder lies in that folder's show.
  if (!w.rel.includes(sep)) {
    const show = showRow(w, plan.parsed, ctx);
    return { show, seasonId: seasonRow(show, plan.season, w, ctx) };
  }
  let seasons = ctx.cache.folders.get(w.dir);
  if (!seasons) {
    seasons = new Map();
    ctx.cache.folders.set(w.dir, seasons);
  }
  let placed = seasons.get(plan.season);
  if (!placed) {
    const show = showRow(w, plan.parsed, ctx);
    placed = { show, seasonId: seasonRow(show, plan.season, w, ctx) };
    seasons.set(plan.season, placed);
  }
  return placed;
}

/** Writes a prepared episode: its show and season rows (once per scan), then the episode item. */
export function applyEpisode(plan: EpisodePlan, w: WorkFile, ctx: ShowScan): Resolved {
  const { show, seasonId } = placeEpisode(plan, w, ctx);
  if ('error' in plan.item) throw new Error(plan.item.error);
  // A plan is written once, so its row takes its show's identity in front of its own, and the parent ids, in place.
  const row = plan.item.row;
  row.values[COL.identity] = show.identity + (row.values[COL.identity] as string);
  row.values[COL.parent_id] = seasonId;
  row.values[COL.show_id] = show.id;
  const day = plan.item.day;
  const item = ctx.writer.writeItem(row, ctx.now, day && (() => dayClaim(ctx, w.path, show.identity, day)));
  if (day && item.created) ctx.cache.dayRowsCreated.add(row.values[COL.identity] as string);
  const warnings = ctx.warnings.length ? [...plan.warnings, ...ctx.warnings.splice(0)] : plan.warnings;
  return {
    itemId: item.id,
    created: item.created,
    restored: item.restored,
    warnings,
    part: plan.parsed.part,
  };
}
