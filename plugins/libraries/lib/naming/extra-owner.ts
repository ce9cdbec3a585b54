// Which title an extra belongs to: the folder its owner lives in (the nearest enclosing title's), and among the
// titles sharing that folder the one a suffix-style extra names — or none when that cannot be told.
import { type ExtraInfo, isExtrasFolder } from './extras';
import { splitPath, stripExtension } from './path-parts';
import { tidyTitle } from './release-name';

/**
 * How many folders above its own folder the title an extra belongs to lives (`pathRelativeToRoot` is the extra's).
 * Movies: the extra's own folder, or the folder holding its extras folder(s) (`Movie/Trailers/x.mkv` → 1). Shows:
 * the show's folder, which is the top-level one (`Show/Season 1/Extras/x.mkv` → 2), as the scanner finds shows.
 */
export function extraOwnerLevels(pathRelativeToRoot: string, library: 'movies' | 'shows'): number {
  const folders = splitPath(pathRelativeToRoot).slice(0, -1);
  if (library === 'shows') return Math.max(0, folders.length - 1);
  // A top-level folder is never an extras folder (an extra needs an owner), as in classifyExtra.
  let up = 0;
  while (up < folders.length - 1 && isExtrasFolder(folders[folders.length - 1 - up])) up += 1;
  return up;
}

/** A title in the owner folder, with the names of its main video files there. */
export interface OwnerCandidate<Id> {
  id: Id;
  mainFiles: string[];
}

/**
 * The title among `candidates` (the titles whose folder is the extra's owner folder) that an extra belongs to: the
 * only one; else, for a suffix-style extra (`Heat (1995)-trailer.mkv`), the one whose main file name it extends
 * (an exact name first, then a name it begins); null when none or several fit — an extra is never guessed.
 */
export function chooseExtraOwner<Id>(extra: ExtraInfo, candidates: OwnerCandidate<Id>[]): Id | null {
  if (candidates.length === 1) return candidates[0].id;
  if (candidates.length === 0 || extra.rule !== 'suffix') return null;
  const stem = nameKey(extra.title);
  if (!stem) return null;
  const exact = candidates.filter((c) => c.mainFiles.some((f) => fileKey(f) === stem));
  if (exact.length) return exact.length === 1 ? exact[0].id : null;
  const extended = candidates.filter((c) => c.mainFiles.some((f) => extendsName(fileKey(f), stem)));
  return extended.length === 1 ? extended[0].id : null;
}

function nameKey(name: string): string {
  return tidyTitle(name).toLowerCase();
}

function fileKey(fileName: string): string {
  return nameKey(stripExtension(fileName));
}

/** `heat (1995) - 1080p` extends `heat (1995)`: the stem, then a separator (`heats` does not extend `heat`). */
function extendsName(name: string, stem: string): boolean {
  return name.startsWith(stem) && /^[\s\-._([{]/.test(name.slice(stem.length));
}
