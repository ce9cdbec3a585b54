// Background WAL checkpoints: the shared connection's automatic threshold is raised, the worker copies committed
// frames into the database file on its own connection, and everything written survives a stop and reopen.

import { Database } from 'bun:sqlite';
import { afterAll, expect, test } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitUntil } from '../../core/sdk/testing.ts';
import { createApp } from '../../core/src/app.ts';
import { FALLBACK_AUTOCHECKPOINT } from '../../core/src/db/checkpointer.ts';

const dir = mkdtempSync(join(tmpdir(), 'bijou-checkpoint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a worker checkpoints the WAL so commits do not, and the data survives a restart', async () => {
  const app = await createApp({
    env: { BIJOU_DATA_DIR: dir, BIJOU_LOG_LEVEL: 'error' },
    firstParty: [],
    logSink: { write: () => {} },
  });
  const { sqlite } = app.core;
  expect(sqlite.query<{ wal_autocheckpoint: number }, []>('PRAGMA wal_autocheckpoint').get()).toEqual({
    wal_autocheckpoint: FALLBACK_AUTOCHECKPOINT,
  });
  sqlite.exec('CREATE TABLE scratch (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = sqlite.query('INSERT INTO scratch (body) VALUES (?)');
  for (let batch = 0; batch < 50; batch++) {
    sqlite.transaction(() => {
      for (let i = 0; i < 200; i++) insert.run('x'.repeat(500));
    })();
  }
  // 10,000 rows of 500 bytes is well over SQLite's default threshold of 1,000 pages, yet below ours: only the
  // worker can have copied these frames into the database file.
  const stats = await waitUntil('a complete checkpoint', () => {
    const s = app.checkpointer.stats;
    return s.runs > 0 && s.log > 1000 && s.checkpointed === s.log ? { ...s } : undefined;
  });
  expect(stats.lastError).toBeNull();
  await app.stop();
  const reopened = new Database(join(dir, 'bijou.sqlite'), { readonly: true });
  expect(reopened.query('SELECT count(*) AS n FROM scratch').get()).toEqual({ n: 10_000 });
  reopened.close();
});
