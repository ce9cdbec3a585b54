// Resolves one movie file in two steps: `prepareMovie` (name + NFO → item fields and identity, folder artwork;
// pure, runs in the scan worker) and `applyMovie` (writes the item).
import { movieFields } from '../lib/build-item.ts';
import { movieIdentity } from '../lib/identity.ts';
import { type ItemPlacement, type ItemRow, itemRow } from '../lib/item-row.ts';
import { movieNfoNames } from '../lib/movie-nfo-names.ts';
import { parseMovie } from '../lib/naming/index.ts';
import { baseName, containerOf } from '../lib/naming/path-parts.ts';
import { parseMovieNfo } from '../lib/nfo/index.ts';
import type { CatalogWriter, FileRecord } from './catalog-writer.ts';
import { readText } from './read-text.ts';
import { artworkIn, findFile, joinName, mainVideosOf, type WorkFile } from './scan-context.ts';

export interface Resolved {
  itemId: string;
  created: boolean;
  restored: boolean;
  warnings: string[];
  part?: number;
  versionLabel?: string;
}

/** What a movie file says about its item, before anything is written. */
export interface MoviePlan {
  kind: 'movie';
  row: ItemRow;
  warnings: string[];
  part?: number;
  versionLabel?: string;
}

/** Parses the name and NFO of a movie file; `files` is the listing of its folder. */
export function prepareMovie(w: WorkFile, libraryId: string, files: string[]): MoviePlan {
  const base = baseName(w.name);
  const parsed = parseMovie(w.rel);
  const mains = mainVideosOf(files);
  const videosHere = mains.length;
  let nfoName: string | null = null;
  for (const wanted of movieNfoNames(w.rel, base, mains, parsed)) {
    nfoName = findFile(files, wanted);
    if (nfoName) break;
  }
  const warnings: string[] = [];
  let nfo = null;
  if (nfoName) {
    const text = readText(joinName(w.dir, nfoName));
    const r = text === null ? null : parseMovieNfo(text);
    if (r?.ok) {
      nfo = r.value;
      for (const m of r.warnings) warnings.push(`${nfoName}: ${m}`);
    } else warnings.push(`${nfoName}: ${r ? r.error : 'unreadable'} (ignored)`);
  }
  const fields = movieFields(parsed, nfo);
  const edition = parsed.edition;
  const titleIdentity = movieIdentity({ title: fields.title, year: fields.year, edition, ids: {} });
  const identity = movieIdentity({
    title: fields.title,
    year: fields.year,
    edition,
    ids: fields.providerIds,
  });
  const nameIdentity = movieIdentity({ title: parsed.title, year: parsed.year, edition, ids: {} });
  const alts: string[] = [];
  if (titleIdentity !== identity) alts.push(titleIdentity);
  if (nameIdentity !== identity && nameIdentity !== titleIdentity) alts.push(nameIdentity);
  const shared = videosHere > 1 && !parsed.part && !parsed.versionLabel;
  const placement: ItemPlacement = {
    libraryId,
    kind: 'movie',
    identity,
    altIdentities: alts,
    edition: parsed.edition ?? null,
    folder: w.dir,
    artwork: artworkIn(w.dir, files, 'movie', base, shared),
  };
  return {
    kind: 'movie',
    row: itemRow(placement, fields),
    warnings,
    part: parsed.part,
    versionLabel: parsed.versionLabel,
  };
}

/** Writes a prepared movie's item. */
export function applyMovie(plan: MoviePlan, writer: CatalogWriter, now: string): Resolved {
  const item = writer.writeItem(plan.row, now);
  return {
    itemId: item.id,
    created: item.created,
    restored: item.restored,
    warnings: plan.warnings,
    part: plan.part,
    versionLabel: plan.versionLabel,
  };
}

/** The file row of a main video (movie or episode). */
export function mainFile(
  w: WorkFile,
  libraryId: string,
  itemId: string,
  extra: { part?: number; versionLabel?: string },
): FileRecord {
  return {
    libraryId,
    itemId,
    path: w.path,
    relPath: w.rel,
    size: w.size,
    mtimeMs: w.mtimeMs,
    container: containerOf(w.name),
    role: 'main',
    part: extra.part ?? null,
    versionLabel: extra.versionLabel ?? null,
    sidecarSig: w.sig,
  };
}
