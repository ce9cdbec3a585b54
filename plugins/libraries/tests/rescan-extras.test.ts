// Extras on rescan: an unchanged extra costs a stat like any unchanged file, attached or not; it is attached again
// when its owner folder's listing changes or a title there is read again — and once when it predates that rule; one
// that today's naming reads as a title is read as one.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, itemOfFile, listAll, movieTitled, scan } from './harness.ts';

let b: Booted;
afterAll(async () => {
  await b.h.stop();
  removeTemps();
});
beforeAll(async () => {
  b = await boot({ probe: false });
});

const itemOfExtra = (path: string) => itemOfFile(b, path);

/** A movie row without files: a reconcile marks it missing, so it tells whether one ran. */
function addReconcileProbe(libraryId: string): () => boolean {
  const id = `probe-${libraryId}`;
  b.h.core.sqlite
    .query(
      `INSERT INTO libraries_items (id, library_id, kind, identity, title, sort_title, match_method, match_confidence,
         added_at, updated_at) VALUES (?, ?, 'movie', ?, 'Probe', 'probe', 'manual', 1, '2000', '2000')`,
    )
    .run(id, libraryId, id);
  return () => {
    const row = b.h.core.sqlite
      .query<{ missing: number }, [string]>('SELECT missing FROM libraries_items WHERE id = ?')
      .get(id);
    b.h.core.sqlite.query('DELETE FROM libraries_items WHERE id = ?').run(id);
    return row?.missing === 1;
  };
}

describe('a movies library with unattached extras', () => {
  let root: string;
  let lib: string;
  beforeAll(async () => {
    root = tempDir();
    await writeTree(root, {
      'Loose/Ronin (1998).mkv': 'ronin',
      'Loose/Sneakers (1992).mkv': 'sneakers',
      'Loose/trailer.mkv': 'whose trailer',
      'Loose/Alien (1979)-trailer.mkv': 'alien trailer',
      'Orphan (2009)/Trailers/Orphan Teaser.mkv': 'no movie yet',
      'Heat (1995)/Heat (1995).mkv': 'heat',
      'Heat (1995)/Heat (1995)-trailer.mkv': 'heat trailer',
    });
    lib = await createLibrary(b, 'movies', [root]);
    expect((await scan(b, lib)).counts).toMatchObject({ files: 7, extras: 4, errors: 0 });
    expect(itemOfExtra(join(root, 'Loose/trailer.mkv'))).toBeNull();
  });

  test('a rescan with nothing changed counts every extra unchanged and runs no reconcile', async () => {
    const reconciled = addReconcileProbe(lib);
    const s = await scan(b, lib);
    expect(s.counts).toMatchObject({ files: 7, unchanged: 7, added: 0, updated: 0, extras: 0, missing: 0 });
    expect(reconciled()).toBe(false);
  });

  test('a movie added beside an extra that names it takes the extra', async () => {
    await writeTree(root, { 'Loose/Alien (1979).mkv': 'alien' });
    const s = await scan(b, lib);
    expect(s.counts).toMatchObject({ added: 1, extras: 2 });
    const alien = await movieTitled(b, 'Alien');
    expect(itemOfExtra(join(root, 'Loose/Alien (1979)-trailer.mkv'))).toBe(alien.id);
    expect(itemOfExtra(join(root, 'Loose/trailer.mkv'))).toBeNull();
  });

  test('a movie added above an extras folder that had no owner takes its extras', async () => {
    await writeTree(root, { 'Orphan (2009)/Orphan (2009).mkv': 'orphan' });
    await scan(b, lib);
    const orphan = await movieTitled(b, 'Orphan');
    expect(itemOfExtra(join(root, 'Orphan (2009)/Trailers/Orphan Teaser.mkv'))).toBe(orphan.id);
  });

  test('an extra whose movie moved to another folder is let go, as a forced scan would', async () => {
    const heat = await movieTitled(b, 'Heat');
    await writeTree(root, { 'Heat Remux/.keep.txt': '' });
    renameSync(join(root, 'Heat (1995)/Heat (1995).mkv'), join(root, 'Heat Remux/Heat (1995).mkv'));
    await scan(b, lib);
    expect((await movieTitled(b, 'Heat')).id).toBe(heat.id);
    expect(itemOfExtra(join(root, 'Heat (1995)/Heat (1995)-trailer.mkv'))).toBeNull();
  });

  test('an extra attached by an older version (no owner signature) is attached again by the next rescan', async () => {
    const [ronin, alien] = [await movieTitled(b, 'Ronin'), await movieTitled(b, 'Alien')];
    const path = join(root, 'Loose/Alien (1979)-trailer.mkv');
    b.h.core.sqlite
      .query('UPDATE libraries_files SET item_id = ?, sidecar_sig = NULL WHERE path = ?')
      .run(ronin.id, path);
    const s = await scan(b, lib);
    expect(s.counts).toMatchObject({ added: 0, updated: 0, extras: 1 });
    expect(itemOfExtra(path)).toBe(alien.id);
  });

  test('a file an older version read as an extra is read as a title by the next rescan, no forced scan needed', async () => {
    const path = join(root, 'Loose/Sneakers (1992).mkv');
    const sneakers = await movieTitled(b, 'Sneakers');
    // Stored as an extra of that folder is: unattached, with the signature of the folder's listing.
    b.h.core.sqlite
      .query(
        `UPDATE libraries_files SET role = 'extra', extra_kind = 'trailer', item_id = NULL,
           sidecar_sig = (SELECT sidecar_sig FROM libraries_files WHERE path = ?) WHERE path = ?`,
      )
      .run(join(root, 'Loose/trailer.mkv'), path);
    b.h.core.sqlite.query('DELETE FROM libraries_items WHERE id = ?').run(sneakers.id);
    const s = await scan(b, lib);
    expect(s.counts).toMatchObject({ added: 1, errors: 0 });
    const again = await movieTitled(b, 'Sneakers');
    expect(again.files.map((f: { path: string }) => f.path)).toEqual([path]);
    const row = b.h.core.sqlite
      .query<{ role: string; extra_kind: string | null }, [string]>(
        'SELECT role, extra_kind FROM libraries_files WHERE path = ?',
      )
      .get(path);
    expect(row).toEqual({ role: 'main', extra_kind: null });
  });

  test('once attached again, the next rescan counts every file unchanged', async () => {
    const s = await scan(b, lib);
    expect(s.counts).toMatchObject({ unchanged: s.counts.files, extras: 0, added: 0, updated: 0 });
  });
});

describe('a shows library', () => {
  test("a show's extras met before any episode go to the show once its first episode arrives", async () => {
    const root = tempDir();
    await writeTree(root, { 'Firefly (2002)/Extras/Gag Reel.mkv': 'gag reel' });
    const lib = await createLibrary(b, 'shows', [root]);
    await scan(b, lib);
    const gagReel = join(root, 'Firefly (2002)/Extras/Gag Reel.mkv');
    expect(itemOfExtra(gagReel)).toBeNull();
    expect((await scan(b, lib)).counts).toMatchObject({ unchanged: 1, extras: 0 });
    await writeTree(root, { 'Firefly (2002)/Season 01/Firefly - S01E01 - Serenity.mkv': 'e1' });
    await scan(b, lib);
    const [show] = await listAll(b, `/v1/shows?library=${lib}`);
    expect(itemOfExtra(gagReel)).toBe(show.id);
  });
});
