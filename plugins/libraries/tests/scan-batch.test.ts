// A scan's write batches run without foreign-key enforcement (services/scan-batch.ts): enforcement is back on after
// a batch that commits and after one that throws (rolled back), a batch for a library that no longer exists writes
// nothing, and a library deleted while its scan is writing leaves no row behind and no dangling reference.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { LibraryGoneError, writeScanBatch } from '../services/scan-batch.ts';
import { movieNfo, removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary } from './harness.ts';

let b: Booted;
beforeAll(async () => {
  b = await boot({ probe: false });
});
afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

const fkOn = () =>
  b.h.core.sqlite.query<{ foreign_keys: number }, []>('PRAGMA foreign_keys').get()?.foreign_keys;
const count = (sql: string, ...params: string[]) =>
  b.h.core.sqlite.query<{ n: number }, string[]>(`SELECT count(*) AS n FROM ${sql}`).get(...params)?.n;
const genre = (item: string) =>
  b.h.core.sqlite
    .query('INSERT INTO libraries_item_genres (item_id, genre) VALUES (?, ?)')
    .run(item, 'drama');

test('a batch runs unenforced, and enforcement is back on after it commits or throws', async () => {
  const lib = await createLibrary(b, 'movies', [tempDir()]);
  expect(fkOn()).toBe(1);
  // Unenforced inside: a row naming no item is accepted (the scan never writes one; this only shows the switch).
  writeScanBatch(b.h.core.sqlite, lib, () => {
    expect(fkOn()).toBe(0);
    genre('no-such-item-1');
  });
  expect(fkOn()).toBe(1);
  expect(count("libraries_item_genres WHERE item_id = 'no-such-item-1'")).toBe(1);
  expect(() =>
    writeScanBatch(b.h.core.sqlite, lib, () => {
      genre('no-such-item-2');
      throw new Error('boom');
    }),
  ).toThrow('boom');
  expect(fkOn()).toBe(1);
  expect(count("libraries_item_genres WHERE item_id = 'no-such-item-2'")).toBe(0);
  b.h.core.sqlite.exec("DELETE FROM libraries_item_genres WHERE item_id LIKE 'no-such-item-%'");
  // Enforced outside a batch again.
  expect(() => genre('no-such-item-3')).toThrow(/FOREIGN KEY/);
});

test('a batch for a library that no longer exists writes nothing', () => {
  let ran = false;
  expect(() =>
    writeScanBatch(b.h.core.sqlite, 'gone-library', () => {
      ran = true;
    }),
  ).toThrow(LibraryGoneError);
  expect(ran).toBe(false);
  expect(fkOn()).toBe(1);
});

test('a library deleted while its scan writes leaves no row of it and no dangling reference', async () => {
  const tree: Record<string, string> = {};
  for (let i = 0; i < 1500; i++) {
    const name = `Film ${i} (${1950 + (i % 60)})`;
    tree[`${name}/${name}.mkv`] = '';
    tree[`${name}/movie.nfo`] = movieNfo({ genres: ['Drama'], actors: [[`Actor ${i % 90}`, 'Lead']] });
  }
  const lib = await createLibrary(b, 'movies', [await writeTree(tempDir(), tree)], 'Deleted while scanning');
  const finished = new Promise<{ state: string }>((resolve) => {
    let deleting = false;
    const off = b.h.core.bus.tap((e) => {
      const p = e.payload as { libraryId: string; phase?: string; state: string; counts?: { added: number } };
      if (p.libraryId !== lib) return;
      // Once some movies are written, and more are to come: delete the library between two batches.
      if (e.name === 'libraries.scan.progressed' && !deleting && (p.counts?.added ?? 0) > 0) {
        deleting = true;
        void b.h.request('DELETE', `/v1/libraries/${lib}`, { token: b.token });
      }
      if (e.name === 'libraries.scan.finished') {
        off();
        resolve(p);
      }
    });
  });
  const r = await b.h.request('POST', `/v1/libraries/${lib}/scan`, { token: b.token });
  expect(r.status).toBe(202);
  expect((await finished).state).toBe('cancelled');
  expect(count('libraries_items WHERE library_id = ?', lib)).toBe(0);
  expect(count('libraries_files WHERE library_id = ?', lib)).toBe(0);
  expect(b.h.core.sqlite.query('PRAGMA foreign_key_check').all()).toEqual([]);
  expect(fkOn()).toBe(1);
});
