// Resolves one movie file: name + NFO → item fields and identity, folder artwork, sidecar subtitles.
import { join } from 'node:path';
import { movieFields } from '../lib/build-item.ts';
import { movieIdentity, normaliseKey } from '../lib/identity.ts';
import { classifyExtra, isVideoFile, parseMovie } from '../lib/naming/index.ts';
import { parseMovieNfo } from '../lib/nfo/index.ts';
import type { CatalogWriter, FileRecord } from './catalog-writer.ts';
import {
  artworkIn,
  baseName,
  containerOf,
  findFile,
  type Listings,
  readText,
  sidecarsOf,
  type WorkFile,
} from './scan-context.ts';

export interface Resolved {
  itemId: string;
  created: boolean;
  restored: boolean;
  warnings: string[];
  part?: number;
  versionLabel?: string;
}

/** movie.nfo speaks for a folder only when every video in it is this movie (its versions or parts). */
function aloneInFolder(mains: string[], title: string): boolean {
  if (mains.length <= 1) return true;
  if (mains.length > 8) return false;
  const key = normaliseKey(title);
  return mains.every((f) => normaliseKey(parseMovie(f).title) === key);
}

export function resolveMovie(
  w: WorkFile,
  libraryId: string,
  listings: Listings,
  writer: CatalogWriter,
  now: string,
): Resolved {
  const files = listings.get(w.dir) ?? [];
  const base = baseName(w.name);
  const parsed = parseMovie(w.rel);
  const mains = files.filter((f) => isVideoFile(f) && !classifyExtra(f));
  const videosHere = mains.length;
  const nfoName =
    findFile(files, `${base}.nfo`) ??
    (aloneInFolder(mains, parsed.title) ? findFile(files, 'movie.nfo') : null);
  const warnings: string[] = [];
  let nfo = null;
  if (nfoName) {
    const text = readText(join(w.dir, nfoName));
    const r = text === null ? null : parseMovieNfo(text);
    if (r?.ok) nfo = r.value;
    else warnings.push(`${nfoName}: ${r ? r.error : 'unreadable'} (ignored)`);
  }
  const fields = movieFields(parsed, nfo);
  const titleIdentity = movieIdentity({
    title: fields.title,
    year: fields.year,
    edition: parsed.edition,
    ids: {},
  });
  const identity = movieIdentity({
    title: fields.title,
    year: fields.year,
    edition: parsed.edition,
    ids: fields.providerIds,
  });
  const nameIdentity = movieIdentity({
    title: parsed.title,
    year: parsed.year,
    edition: parsed.edition,
    ids: {},
  });
  const alts = [...new Set([titleIdentity, nameIdentity])].filter((x) => x !== identity);
  const shared = videosHere > 1 && !parsed.part && !parsed.versionLabel;
  const item = writer.upsertItem(
    {
      libraryId,
      kind: 'movie',
      identity,
      altIdentities: alts,
      edition: parsed.edition ?? null,
      folder: w.dir,
      artwork: artworkIn(w.dir, files, 'movie', base, shared),
    },
    fields,
    now,
  );
  return {
    itemId: item.id,
    created: item.created,
    restored: item.restored,
    warnings,
    part: parsed.part,
    versionLabel: parsed.versionLabel,
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
  };
}

export { sidecarsOf };
