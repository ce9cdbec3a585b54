// Resolves one movie file in two steps: `prepareMovie` (name + NFO → item fields and identity, folder artwork;
// pure, runs in the scan worker) and `applyMovie` (writes the item: found by identity, else the item its file row
// had, else the movie it was renamed from).
import { movieFields } from '../lib/build-item.ts';
import { movieIdentities, providerIdsOf } from '../lib/identity.ts';
import { COL, type ItemPlacement, type ItemRow, itemRow } from '../lib/item-row.ts';
import { keepsFormerMovie, type RenamedCandidate, renamedFrom } from '../lib/movie-match.ts';
import { folderHoldsOneTitle, movieNfoNames } from '../lib/movie-nfo-names.ts';
import { parseMovie } from '../lib/naming/index.ts';
import { baseName, containerOf } from '../lib/naming/path-parts.ts';
import { parseMovieNfo } from '../lib/nfo/index.ts';
import { fileVersionLabel } from '../lib/version-label.ts';
import type { CatalogWriter, FileRecord } from './catalog-writer.ts';
import { readText } from './read-text.ts';
import { artworkIn, findFile, joinName, mainVideosOf, type WorkFile } from './scan-context.ts';
import { isGone } from './scan-reconcile.ts';

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
  const { identity, alts } = movieIdentities(
    { title: fields.title, year: fields.year, edition: parsed.edition, ids: fields.providerIds },
    parsed,
  );
  // A folder of several titles: only art named after the file is its own (a folder of one title's parts, versions,
  // 3D copies or editions shares its poster.jpg, as it shares movie.nfo).
  const shared = !folderHoldsOneTitle(w.rel, mains, parsed);
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
    versionLabel: fileVersionLabel(parsed),
  };
}

type MovieRow = Omit<RenamedCandidate, 'gone'> & { id: string };

/**
 * What one scan's movie files share: the items it has written so far, and the library's movies by provider id
 * (`tmdb:949`), read at the first file no identity names that has an id (a first scan never reads them).
 */
export class MovieScan {
  byId?: Map<string, MovieRow[]>;
  constructor(readonly written: ReadonlySet<string>) {}
}

/**
 * Writes a prepared movie's item. A file whose identity and alternatives name no row keeps the item its row had
 * (`former`: a file read again), its ids changed or matched again, unless that is now another title; else it takes
 * the movie it was renamed from (lib/movie-match.ts).
 */
export function applyMovie(
  plan: MoviePlan,
  writer: CatalogWriter,
  now: string,
  scan: MovieScan,
  former: string | null,
): Resolved {
  const row = plan.row;
  const claim = () =>
    (former === null ? null : formerIdentity(writer, row, { itemId: former, written: scan.written })) ??
    renamedIdentity(writer, row, scan);
  const item = writer.writeItem(row, now, claim);
  return {
    itemId: item.id,
    created: item.created,
    restored: item.restored,
    warnings: plan.warnings,
    part: plan.part,
    versionLabel: plan.versionLabel,
  };
}

/** The identity of the movie a file at a new path was renamed from, else null. */
function renamedIdentity(writer: CatalogWriter, row: ItemRow, scan: MovieScan): string | null {
  const ids = providerIdsOf(row.values[COL.provider_ids] as string);
  const keys = Object.entries(ids).map(([p, v]) => `${p}:${v}`);
  if (!keys.length) return null;
  scan.byId ??= moviesById(writer, row.values[COL.library_id] as string);
  const rows = new Map<string, MovieRow>();
  for (const key of keys)
    for (const m of scan.byId.get(key) ?? []) if (!scan.written.has(m.id)) rows.set(m.id, m);
  const mains = writer.db.query<{ path: string }, [string]>(
    "SELECT path FROM libraries_files WHERE item_id = ? AND role = 'main'",
  );
  const candidates = [...rows.values()].map((m) => ({
    ...m,
    gone: mains.all(m.id).every((f) => isGone(f.path)),
  }));
  return renamedFrom({ edition: row.values[COL.edition] as string | null, ids }, candidates);
}

/** The library's movies by each of their provider ids. */
function moviesById(writer: CatalogWriter, libraryId: string): Map<string, MovieRow[]> {
  const out = new Map<string, MovieRow[]>();
  const rows = writer.db
    .query<{ id: string; identity: string; edition: string | null; provider_ids: string }, [string]>(
      "SELECT id, identity, edition, provider_ids FROM libraries_items WHERE library_id = ? AND kind = 'movie'",
    )
    .all(libraryId);
  for (const r of rows) {
    const m: MovieRow = {
      id: r.id,
      identity: r.identity,
      edition: r.edition,
      ids: providerIdsOf(r.provider_ids),
    };
    for (const [p, v] of Object.entries(m.ids)) {
      const key = `${p}:${v}`;
      const list = out.get(key);
      if (list) list.push(m);
      else out.set(key, [m]);
    }
  }
  return out;
}

/** The item a rescanned file's row had when the scan began, and the items this scan has written so far. */
interface FormerItem {
  itemId: string;
  written: ReadonlySet<string>;
}

/** The identity of the item a movie file had, when the file keeps it; else null. */
function formerIdentity(writer: CatalogWriter, row: ItemRow, former: FormerItem): string | null {
  // The file's folder, ending in one slash: a file lies in it when its path starts so and goes no deeper.
  const folder = row.values[COL.folder] as string;
  const inFolder = folder.endsWith('/') ? folder : `${folder}/`;
  const had = writer.db
    .query<
      {
        identity: string;
        kind: string;
        edition: string | null;
        provider_ids: string;
        locked_fields: string;
        elsewhere: number;
      },
      [string, string]
    >(
      `SELECT identity, kind, edition, provider_ids, locked_fields, EXISTS (SELECT 1 FROM libraries_files f
         WHERE f.item_id = i.id AND f.role = 'main' AND f.missing_since IS NULL
           AND NOT (substr(f.path, 1, length(?2)) = ?2 AND instr(substr(f.path, length(?2) + 1), '/') = 0)) AS elsewhere
       FROM libraries_items i WHERE i.id = ?1`,
    )
    .get(former.itemId, inFolder);
  if (!had) return null;
  const keeps = keepsFormerMovie(
    {
      edition: row.values[COL.edition] as string | null,
      ids: providerIdsOf(row.values[COL.provider_ids] as string),
    },
    {
      kind: had.kind,
      edition: had.edition,
      ids: providerIdsOf(had.provider_ids),
      idsLocked: (JSON.parse(had.locked_fields) as string[]).includes('providerIds'),
      taken: former.written.has(former.itemId),
      filesElsewhere: had.elsewhere === 1,
    },
  );
  return keeps ? had.identity : null;
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
