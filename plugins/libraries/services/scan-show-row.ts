// The show row of an episode's show folder, written the first time a scan meets the folder: tvshow.nfo and show
// artwork, its identity (provider id, else folder name and year: lib/identity.ts) and, when no row has that identity
// or an alternative of it, the row of the same show it takes over (renamed folder, ids gained: lib/show-match.ts).
import { basename, join, sep } from 'node:path';
import { showFields } from '../lib/build-item.ts';
import { normaliseKey, type ProviderIdMap, providerIdsOf, showIdentities } from '../lib/identity.ts';
import { type ParsedEpisode, parseSeriesName } from '../lib/naming/index.ts';
import { parseShowNfo } from '../lib/nfo/index.ts';
import { matchShow, type ShowCandidate, type ShowKey } from '../lib/show-match.ts';
import { readNfoIn } from './read-text.ts';
import { artworkIn, type WorkFile } from './scan-context.ts';
import { isGone } from './scan-reconcile.ts';
import type { ShowPlace, ShowScan } from './scan-shows.ts';

/** The folder of the show an episode file belongs to: the library's top-level folder holding it, else the root. */
export function showFolderOf(w: Pick<WorkFile, 'root' | 'rel'>): string {
  return w.rel.includes(sep) ? join(w.root, w.rel.slice(0, w.rel.indexOf(sep))) : w.root;
}

/** The show row of an episode file, written once per show folder and scan. */
export function showRow(w: WorkFile, parsed: ParsedEpisode, ctx: ShowScan): ShowPlace {
  const nested = w.rel.includes(sep);
  const folder = showFolderOf(w);
  // A file at the library's root names its own show; one in a folder lies in that folder's show.
  const place = nested ? folder : `${folder}${sep}${sep}${parsed.series}`;
  const known = ctx.cache.shows.get(place);
  if (known) return known;
  const top = nested ? w.rel.slice(0, w.rel.indexOf(sep)) : parsed.series;
  const files = nested ? ctx.listings.get(folder) : [];
  const nfo = nested ? readNfoIn(folder, files, 'tvshow.nfo', top, parseShowNfo, ctx.warnings) : null;
  const fields = showFields(
    { title: parsed.series, year: parsed.year, ids: parsed.providerIds as Record<string, string> },
    nfo,
  );
  // The identity goes by the show folder's name (the NFO's year when it has none) and every id known.
  const name = nested ? parseSeriesName(top) : { title: parsed.series, year: parsed.year };
  const key: ShowKey = {
    folder,
    title: name.title,
    year: name.year ?? fields.year,
    ids: fields.providerIds as ProviderIdMap,
  };
  const { identity, alts } = showIdentities(key, top);
  // A show folder of this scan with the same identity (one show over two library folders) shares its row.
  for (const id of [identity, ...alts]) {
    const same = ctx.cache.showsByIdentity.get(id);
    if (same) {
      ctx.cache.shows.set(place, same);
      return same;
    }
  }
  const row = ctx.writer.upsertItem(
    {
      libraryId: ctx.libraryId,
      kind: 'show',
      identity,
      altIdentities: alts,
      folder,
      artwork: nested ? artworkIn(folder, files, 'show') : {},
    },
    fields,
    ctx.now,
    () => matchShow(key, nested, showCandidates(ctx), isGone),
  );
  const placed: ShowPlace = { id: row.id, identity, folder };
  ctx.cache.shows.set(place, placed);
  for (const id of [identity, ...alts]) ctx.cache.showsByIdentity.set(id, placed);
  ctx.cache.placedShows.add(row.id);
  if (nfo?.namedSeasons.length)
    ctx.cache.seasonNames.set(identity, new Map(nfo.namedSeasons.map((n) => [n.season, n.name])));
  return placed;
}

/** The library's show rows no folder of this scan has taken, each with what its folder's name says. */
function showCandidates(ctx: ShowScan): ShowCandidate[] {
  const { cache } = ctx;
  // Read once per scan, at the first show no row has by identity: every row written after that is placed.
  cache.candidates ??= ctx.writer.db
    .query<
      { id: string; identity: string; folder: string; year: number | null; provider_ids: string },
      [string]
    >(
      `SELECT id, identity, folder, year, provider_ids FROM libraries_items
       WHERE library_id = ? AND kind = 'show' AND folder IS NOT NULL`,
    )
    .all(ctx.libraryId)
    .map((r) => {
      const name = parseSeriesName(basename(r.folder));
      return {
        id: r.id,
        identity: r.identity,
        folder: r.folder,
        key: normaliseKey(name.title),
        year: name.year ?? r.year ?? undefined,
        ids: providerIdsOf(r.provider_ids),
      };
    });
  return cache.candidates.filter((c) => !cache.placedShows.has(c.id));
}
