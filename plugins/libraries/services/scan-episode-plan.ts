// Plans one episode file without writing anything (it runs in the scan worker): its name, and its episode NFO for
// what the name lacks, give the fields, numbers and identity of its row (below its show's, known only when it is
// written); `applyEpisode` (scan-shows.ts) writes it.
import { episodeFields } from '../lib/build-item.ts';
import { dayIdentities, dayTitleOf, episodeIdentity } from '../lib/identity.ts';
import { type ItemPlacement, type ItemRow, itemRow } from '../lib/item-row.ts';
import { type ParsedEpisode, parseEpisode, parseUnnumberedEpisode } from '../lib/naming/index.ts';
import { baseName } from '../lib/naming/path-parts.ts';
import { parseEpisodeNfo } from '../lib/nfo/index.ts';
import { readText } from './read-text.ts';
import { artworkIn, daysOf, findFile, joinName, type WorkFile } from './scan-context.ts';

/** What an episode file says about its item, before anything is written. */
export interface EpisodePlan {
  kind: 'episode';
  parsed: ParsedEpisode;
  season: number;
  warnings: string[];
  /**
   * The episode row, or why building it failed. Its identity is the part below its show's (`/s1e2`); the show's
   * identity is put in front of it, and the parent and show ids filled in, when it is written.
   */
  item: { row: ItemRow; day?: DayPlan } | { error: string };
}

/**
 * A date-named episode's day: the identities (below the show's, parts left out) its folder's titles of that day take
 * now, by which the row it had before its day gained or lost a title, or its title part was renamed, is found
 * (scan-day-claim.ts).
 */
export interface DayPlan {
  airDate: string;
  part?: number;
  taken: string[];
}

export function episodeItem(
  w: WorkFile,
  parsed: ParsedEpisode,
  nfo: ReturnType<typeof episodeNfo>['nfo'],
  libraryId: string,
  files: string[],
): EpisodePlan['item'] {
  const base = baseName(w.name);
  const season = parsed.season ?? nfo?.season ?? 1;
  const episode = parsed.episode ?? nfo?.episode;
  const fields = episodeFields(parsed, nfo, base);
  // A date-named episode's day may have other titles in its folder, each an episode of its own.
  const airDate = episode === undefined ? parsed.airDate : undefined;
  const days = airDate === undefined ? undefined : daysOf(files);
  const numbers = {
    season,
    episode,
    airDate: parsed.airDate,
    dayTitle: days && dayTitleOf(days, airDate as string, parsed.title),
    absoluteEpisode: parsed.absoluteEpisode,
    part: parsed.part,
  };
  const identity = episodeIdentity('', numbers, base);
  const placement: ItemPlacement = {
    libraryId,
    kind: 'episode',
    identity,
    seasonNumber: season,
    // As in Jellyfin, an absolute-numbered file (`Show - 001`) is that episode of its season (1 without a folder);
    // its identity keeps the absolute number, so rows made before this keep their watch state.
    episodeNumber: episode ?? parsed.absoluteEpisode ?? null,
    endingEpisodeNumber: nfo?.episodeEnd ?? parsed.endingEpisode ?? null,
    absoluteNumber: parsed.absoluteEpisode ?? null,
    folder: w.dir,
    artwork: artworkIn(w.dir, files, 'episode', base),
  };
  const row = itemRow(placement, fields);
  if (!days) return { row };
  return {
    row,
    day: { airDate: airDate as string, part: parsed.part, taken: dayIdentities(days, airDate as string) },
  };
}

export function episodeNfo(w: WorkFile, files: string[]) {
  const nfoName = findFile(files, `${baseName(w.name)}.nfo`);
  const warnings: string[] = [];
  let nfo = null;
  if (nfoName) {
    const text = readText(joinName(w.dir, nfoName));
    const r = text === null ? null : parseEpisodeNfo(text);
    if (r?.ok) {
      nfo = r.value[0] ?? null;
      for (const m of r.warnings) warnings.push(`${nfoName}: ${m}`);
    } else warnings.push(`${nfoName}: ${r && !r.ok ? r.error : 'unreadable'} (ignored)`);
  }
  return { nfo, warnings };
}

/**
 * Parses an episode's name and NFO. A name with no episode number, date or absolute number is an episode when it
 * lies in a season folder or its NFO numbers it (as in Jellyfin); null otherwise.
 */
export function prepareEpisode(w: WorkFile, libraryId: string, files: string[]): EpisodePlan | null {
  const numbered = parseEpisode(w.rel);
  const parsed = numbered ?? parseUnnumberedEpisode(w.rel);
  if (!parsed) return null;
  const { nfo, warnings } = episodeNfo(w, files);
  if (!numbered && parsed.season === undefined && nfo?.episode === undefined) return null;
  // As in Kodi, numbering comes from folder and file names; the NFO only fills what the name lacks.
  const season = parsed.season ?? nfo?.season ?? 1;
  let item: EpisodePlan['item'];
  try {
    item = episodeItem(w, parsed, nfo, libraryId, files);
  } catch (err) {
    // Reported only after the show and season rows are written, as when this ran in one step.
    item = { error: (err as Error).message };
  }
  return { kind: 'episode', parsed, season, warnings, item };
}
