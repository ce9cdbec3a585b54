// Attaches the extras a scan met to their titles once the main files are written: the nearest enclosing movie or
// show (lib/naming/extra-owner.ts), never a title of another folder branch; left unattached when it cannot be told.
import type { Database } from 'bun:sqlite';
import { basename, dirname } from 'node:path';
import {
  chooseExtraOwner,
  classifyExtra,
  extraOwnerLevels,
  type OwnerCandidate,
} from '../lib/naming/index.ts';
import { containerOf } from '../lib/naming/path-parts.ts';
import type { CatalogWriter } from './catalog-writer.ts';
import type { WorkFile } from './scan-context.ts';
import { showFolderOf } from './scan-show-row.ts';
import type { ScanResult } from './scanner.ts';

/** Movies and shows of one library by folder, with their main files in that folder read on first need. */
class TitlesByFolder {
  private byFolder: Map<string, { id: string; kind: string }[]> | null = null;
  private readonly candidates = new Map<string, OwnerCandidate<string>[]>();
  constructor(
    private readonly sqlite: Database,
    private readonly libraryId: string,
  ) {}

  in(folder: string): OwnerCandidate<string>[] {
    let found = this.candidates.get(folder);
    if (found) return found;
    const titles = this.folders().get(folder) ?? [];
    // File names only matter when titles share the folder.
    found = titles.map((t) => ({ id: t.id, mainFiles: titles.length > 1 ? this.mainFiles(t, folder) : [] }));
    this.candidates.set(folder, found);
    return found;
  }

  private folders(): Map<string, { id: string; kind: string }[]> {
    if (this.byFolder) return this.byFolder;
    this.byFolder = new Map();
    const rows = this.sqlite
      .query<{ id: string; kind: string; folder: string }, [string]>(
        `SELECT id, kind, folder FROM libraries_items WHERE library_id = ? AND kind IN ('movie','show') AND folder IS NOT NULL`,
      )
      .all(this.libraryId);
    for (const r of rows) {
      const list = this.byFolder.get(r.folder);
      if (list) list.push(r);
      else this.byFolder.set(r.folder, [r]);
    }
    return this.byFolder;
  }

  /** Names of a title's main files in `folder` (a show's: its episodes' there). */
  private mainFiles(t: { id: string; kind: string }, folder: string): string[] {
    const sql =
      t.kind === 'movie'
        ? `SELECT f.path FROM libraries_files f WHERE f.item_id = ? AND f.role = 'main'`
        : `SELECT f.path FROM libraries_items e JOIN libraries_files f ON f.item_id = e.id AND f.role = 'main'
           WHERE e.show_id = ? AND e.kind = 'episode'`;
    return this.sqlite
      .query<{ path: string }, [string]>(sql)
      .all(t.id)
      .filter((r) => dirname(r.path) === folder)
      .map((r) => basename(r.path));
  }
}

/** The folder `levels` above `dir`, never above the library root. */
function folderAbove(dir: string, levels: number, root: string): string {
  let at = dir;
  for (let i = 0; i < levels && at !== root && dirname(at) !== at; i++) at = dirname(at);
  return at;
}

/** The folder whose titles an extra may belong to (lib/naming/extra-owner.ts). */
export function extraOwnerFolder(
  w: Pick<WorkFile, 'root' | 'dir' | 'rel'>,
  kind: 'movies' | 'shows',
): string {
  return folderAbove(w.dir, extraOwnerLevels(w.rel, kind), w.root);
}

/** The `folder` of the title a main file belongs to: a movie's own folder, an episode's show's. */
export function titleFolderOf(w: Pick<WorkFile, 'root' | 'dir' | 'rel'>, kind: 'movies' | 'shows'): string {
  return kind === 'movies' ? w.dir : showFolderOf(w);
}

/**
 * Writes the file rows of `extras`, each attached to its title or to none, with its owner folder's listing signature
 * (`sig`, kept as its `sidecar_sig`); run after the scan's main files.
 */
export function attachExtras(
  sqlite: Database,
  lib: { id: string; kind: 'movies' | 'shows' },
  extras: WorkFile[],
  writer: CatalogWriter,
  now: string,
  result: ScanResult,
): void {
  const titles = new TitlesByFolder(sqlite, lib.id);
  for (const w of extras) {
    const info = classifyExtra(w.rel)!;
    const folder = extraOwnerFolder(w, lib.kind);
    const { id } = writer.upsertFile(
      {
        libraryId: lib.id,
        itemId: chooseExtraOwner(info, titles.in(folder)),
        path: w.path,
        relPath: w.rel,
        size: w.size,
        mtimeMs: w.mtimeMs,
        container: containerOf(w.name),
        role: 'extra',
        extraKind: info.kind,
        extraTitle: info.title,
        sidecarSig: w.sig,
      },
      now,
    );
    result.changedFileIds.push(id);
    result.counts.extras += 1;
  }
}
