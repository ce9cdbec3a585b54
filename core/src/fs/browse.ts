// Lists the sub-folders of a server folder for the admin folder picker: names and paths only, never file contents.
import { readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize } from 'node:path';

export interface FolderListing {
  path: string;
  parent: string | null;
  folders: { name: string; path: string }[];
  truncated: boolean;
}

export type BrowseResult =
  | { ok: true; listing: FolderListing }
  | { ok: false; status: 400 | 403 | 404; error: string };

const MAX_ENTRIES = 1000;

/** Whether a directory entry should be offered: hidden (dot) folders are left out. */
export function isOffered(name: string): boolean {
  return !name.startsWith('.');
}

/** Reads one folder; `path` must be absolute. Symlinks to folders are followed and offered as folders. */
export function browseFolder(raw: string): BrowseResult {
  if (!isAbsolute(raw) || raw.includes('\0'))
    return { ok: false, status: 400, error: 'Give an absolute path' };
  const path = normalize(raw).replace(/(.)\/+$/, '$1');
  let entries: import('node:fs').Dirent[];
  try {
    if (!statSync(path).isDirectory()) return { ok: false, status: 400, error: 'Not a folder' };
    entries = readdirSync(path, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, status: 404, error: 'Folder not found' };
    if (code === 'EACCES' || code === 'EPERM')
      return { ok: false, status: 403, error: 'The server may not read this folder' };
    return { ok: false, status: 400, error: `Cannot read this folder (${code ?? 'unknown error'})` };
  }
  const folders: { name: string; path: string }[] = [];
  for (const e of entries) {
    if (!isOffered(e.name)) continue;
    const full = join(path, e.name);
    let dir = e.isDirectory();
    if (!dir && e.isSymbolicLink()) {
      try {
        dir = statSync(full).isDirectory();
      } catch {}
    }
    if (dir) folders.push({ name: e.name, path: full });
  }
  folders.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true }));
  return {
    ok: true,
    listing: {
      path,
      parent: path === '/' ? null : dirname(path),
      folders: folders.slice(0, MAX_ENTRIES),
      truncated: folders.length > MAX_ENTRIES,
    },
  };
}
