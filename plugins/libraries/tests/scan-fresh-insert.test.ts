// A first scan writes with plain inserts (the library has no items yet): a file row that exists all the same (left
// over for the path) is taken over through the upsert, keeping its id, and a left-over row of a vanished file is
// still marked missing.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { join } from 'node:path';
import { removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, scan } from './harness.ts';

afterAll(removeTemps);

describe('a first scan meeting a file row that already exists', () => {
  let b: Booted;
  beforeAll(async () => {
    b = await boot({ probe: false });
  });
  afterAll(() => b.h.stop());

  test('the plain insert of a fresh library falls back to the upsert, keeping the row', async () => {
    const dir = tempDir();
    await writeTree(dir, { 'Lone (2001)/Lone (2001).mkv': '' });
    const id = await createLibrary(b, 'movies', [dir]);
    const path = join(dir, 'Lone (2001)', 'Lone (2001).mkv');
    // A row left for this path without an item (the library still has no items, so the scan starts fresh).
    b.h.core.sqlite
      .query(
        `INSERT INTO libraries_files (id, library_id, item_id, path, rel_path, size, mtime_ms, role, added_at)
         VALUES ('left-over', ?, NULL, ?, 'x', 0, 0, 'main', '2020-01-01T00:00:00.000Z')`,
      )
      .run(id, path);
    const done = await scan(b, id);
    expect(done.counts).toMatchObject({ files: 1, added: 1, errors: 0 });
    const rows = b.h.core.sqlite
      .query<{ id: string; item_id: string | null }, [string]>(
        'SELECT id, item_id FROM libraries_files WHERE path = ?',
      )
      .all(path);
    expect(rows).toHaveLength(1);
    expect(rows[0].id).toBe('left-over');
    expect(rows[0].item_id).not.toBeNull();
  });

  test('a first scan still marks a left-over row of a vanished file missing', async () => {
    const dir = tempDir();
    await writeTree(dir, { 'Here (2002)/Here (2002).mkv': '' });
    const id = await createLibrary(b, 'movies', [dir], 'Movies 2');
    b.h.core.sqlite
      .query(
        `INSERT INTO libraries_files (id, library_id, item_id, path, rel_path, size, mtime_ms, role, added_at)
         VALUES ('gone', ?, NULL, ?, 'x', 0, 0, 'main', '2020-01-01T00:00:00.000Z')`,
      )
      .run(id, join(dir, 'Gone (2003)', 'Gone (2003).mkv'));
    const done = await scan(b, id);
    expect(done.counts).toMatchObject({ files: 1, added: 1, errors: 0 });
    const gone = b.h.core.sqlite
      .query<{ missing_since: string | null }, []>(
        "SELECT missing_since FROM libraries_files WHERE id = 'gone'",
      )
      .get();
    expect(gone?.missing_since).not.toBeNull();
  });
});
