// Which catalog rows a scan's reconcile removes because no file can bring them back ("ghost items"): a movie or
// episode whose every file row now belongs to another item (its NFO names another movie's id, numbers it as another
// episode, its show folder's tvshow.nfo names another show), and the seasons and shows left with nothing below.
import { isWithin } from './within.ts';

/** A movie or episode row that has no file row at all. */
export interface FilelessTitle {
  id: string;
  /** The folder its files were in (null: not recorded). */
  folder: string | null;
  /** When a scan or an edit last wrote the row (ISO time). */
  updatedAt: string;
}

/**
 * The file-less movies and episodes a reconcile removes: those the scan did not write (last written before
 * `startedAt`) whose folder lies in one of the library's folders (`roots`), where the walk found no file of theirs.
 * One whose folder is outside them (a folder taken out of the library), or not recorded, keeps its row, missing: a
 * scan of a folder holding it again finds it by its identity.
 */
export function removableTitles(rows: FilelessTitle[], roots: string[], startedAt: string): string[] {
  const out: string[] = [];
  for (const r of rows) {
    const folder = r.folder;
    if (r.updatedAt < startedAt && folder !== null && roots.some((root) => isWithin(folder, root)))
      out.push(r.id);
  }
  return out;
}
