// A scan killed with SIGKILL mid-way, inside an open write transaction (the child blocks there): the database is
// intact and consistent (exactly the committed items survive, each with its file), the library is not left
// "scanning", and the next scan adds exactly what is missing.
import { afterAll, expect, test } from 'bun:test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestHost, waitUntil } from '@bijou/sdk/testing';
import { movieNfo, removeTemps, tempDir, writeTree } from './fixtures.ts';
import { listAll, scan } from './harness.ts';

const ROOT = resolve(import.meta.dir, '../../..');
const MOVIES = 4000;
const dataDir = mkdtempSync(join(tmpdir(), 'bijou-scan-kill-'));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  removeTemps();
});

test('SIGKILL during a scan loses nothing committed and the next scan completes the library', async () => {
  const root = tempDir();
  const files: Record<string, string> = {};
  for (let i = 0; i < MOVIES; i++) {
    files[`Movie ${i} (${1950 + (i % 70)})/Movie ${i} (${1950 + (i % 70)}).mkv`] = '';
    files[`Movie ${i} (${1950 + (i % 70)})/movie.nfo`] = movieNfo({
      genres: ['Drama'],
      actors: [[`A${i}`, 'R']],
    });
  }
  await writeTree(root, files);
  const marker = join(dataDir, 'first-batch');
  const child = Bun.spawn(
    [join(ROOT, 'node_modules/.bin/bun'), 'plugins/libraries/tests/scan-child.ts', dataDir, root, marker],
    { cwd: ROOT, stdout: 'ignore', stderr: 'pipe' },
  );
  try {
    await waitUntil('a write transaction after the first committed batch', () => existsSync(marker), 60_000);
  } finally {
    child.kill('SIGKILL');
  }
  await child.exited;
  expect(child.signalCode).toBe('SIGKILL');
  const marked = JSON.parse(readFileSync(marker, 'utf8')) as { libraryId: string; committed: number };
  const { libraryId } = marked;

  const h = await createTestHost({ plugins: ['plugins/libraries'], dataDir });
  try {
    const db = h.core.sqlite;
    expect(db.query('PRAGMA integrity_check').all()).toEqual([{ integrity_check: 'ok' }]);
    expect(db.query('PRAGMA foreign_key_check').all()).toEqual([]);
    // The dead scan left its stored state 'scanning': the next scan owes it the reconcile (scan-owed-reconcile.test.ts).
    const last = db.query('SELECT last_scan FROM libraries_libraries WHERE id = ?').get(libraryId) as {
      last_scan: string;
    };
    expect(JSON.parse(last.last_scan).state).toBe('scanning');
    const count = (sql: string) => (db.query(sql).get() as { n: number }).n;
    const committed = count(`SELECT count(*) AS n FROM libraries_items WHERE kind = 'movie'`);
    // What the first transactions committed survives; the transaction open at the kill is rolled back.
    expect(committed).toBe(marked.committed);
    expect(committed).toBeGreaterThan(0);
    expect(committed).toBeLessThan(MOVIES);
    // Items and their files are written in the same transaction: none without the other.
    expect(
      count(`SELECT count(*) AS n FROM libraries_items i WHERE i.kind = 'movie'
             AND NOT EXISTS (SELECT 1 FROM libraries_files f WHERE f.item_id = i.id)`),
    ).toBe(0);
    expect(count(`SELECT count(*) AS n FROM libraries_files WHERE item_id IS NULL`)).toBe(0);

    const signIn = await h.request('POST', '/api/auth/sign-in/email', {
      body: { email: 'admin@example.com', password: 'admin-password' },
    });
    expect(signIn.status).toBe(200);
    const b = { h, token: signIn.body.token as string };
    const before = await h.request('GET', `/v1/libraries/${libraryId}`, { token: b.token });
    expect(before.body.scan.state).not.toBe('scanning');
    const done = await scan(b, libraryId);
    expect(done.counts).toMatchObject({
      files: MOVIES,
      unchanged: committed,
      added: MOVIES - committed,
      errors: 0,
    });
    const movies = await listAll(b, `/v1/movies?library=${libraryId}`);
    expect(movies).toHaveLength(MOVIES);
    expect(new Set(movies.map((m: { title: string }) => m.title)).size).toBe(MOVIES);
    expect(count(`SELECT count(*) AS n FROM libraries_credits`)).toBe(MOVIES);
  } finally {
    await h.stop();
  }
}, 120_000);
