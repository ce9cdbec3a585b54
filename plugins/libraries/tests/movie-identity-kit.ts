// What the movie identity tests share (movie-identity, movie-rematch): a movie scanned, watched and edited, its NFO
// rewritten for a rescan, and the check that the rescan kept its item — the same id, watched, the edit kept, added
// when it was, present.

import { expect } from 'bun:test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setMtime, tempDir, writeTree } from './fixtures.ts';
import { type Booted, createLibrary, get, listAll, scan } from './harness.ts';

export const HEAT = { title: 'Heat', year: 1995 };
export const TMDB = '949';
export const IMDB = 'tt0113277';

/** Every movie row of a library, missing ones too: id, title, whether missing. */
export const movieRows = (b: Booted, libraryId: string) =>
  b.h.core.sqlite
    .query<{ id: string; title: string; missing: number }, [string]>(
      `SELECT id, title, missing FROM libraries_items WHERE library_id = ? AND kind = 'movie' ORDER BY title, id`,
    )
    .all(libraryId);

/** Writes `path` (relative to `root`) anew with a later mtime, so a rescan reads it again. */
export function rewrite(root: string, rel: string, text: string): void {
  writeFileSync(join(root, rel), text);
  setMtime(join(root, rel), 1_800_000_000);
}

/** Marks a movie watched and edits its tagline (a locked field); the movie as it then is. */
export async function watchAndEdit(b: Booted, id: string): Promise<any> {
  expect((await b.h.request('PUT', `/v1/movies/${id}/watched`, { token: b.token })).status).toBe(200);
  const edit = await b.h.request('PATCH', `/v1/metadata/${id}`, {
    token: b.token,
    body: { tagline: 'Edited by hand' },
  });
  expect(edit.status).toBe(200);
  return get(b, `/v1/movies/${id}`);
}

/** A movie library of `files`, scanned once: its root, id and listed movies. */
export async function scannedLibrary(
  b: Booted,
  files: Record<string, string>,
): Promise<{ root: string; lib: string; listed: any[] }> {
  const root = await writeTree(tempDir(), files);
  const lib = await createLibrary(b, 'movies', [root], `Movies ${root}`);
  await scan(b, lib);
  return { root, lib, listed: await listAll(b, `/v1/movies?library=${lib}`) };
}

/** A library of `files` scanned once, its one movie watched and its tagline edited; the movie as it then was. */
export async function watchedAndEdited(
  b: Booted,
  files: Record<string, string>,
): Promise<{ root: string; lib: string; movie: any }> {
  const { root, lib, listed } = await scannedLibrary(b, files);
  return { root, lib, movie: await watchAndEdit(b, listed[0].id) };
}

/** After the rescan: one movie, the same id, watched, the edit kept, added when it was, present; the movie now. */
export async function expectKept(
  b: Booted,
  lib: string,
  before: any,
  ids: Record<string, string>,
): Promise<any> {
  expect(movieRows(b, lib).map((r) => [r.id, r.missing])).toEqual([[before.id, 0]]);
  const after = await get(b, `/v1/movies/${before.id}`);
  expect(after).toMatchObject({
    id: before.id,
    watched: true,
    tagline: 'Edited by hand',
    addedAt: before.addedAt,
    missing: false,
    providerIds: ids,
  });
  expect(after.lockedFields).toContain('tagline');
  expect(after.files.map((f: any) => f.missing)).toEqual(before.files.map(() => false));
  return after;
}
