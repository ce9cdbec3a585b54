// Child process for the kill test: boots Bijou on a data folder and scans a library. The scan's write transactions
// are watched: once one transaction has committed movie items, the next one that adds items writes `<marker>` and
// blocks before it commits, so the parent's SIGKILL always lands inside an open write transaction, mid-scan.
import { renameSync, writeFileSync } from 'node:fs';
import { createTestHost } from '@bijou/sdk/testing';

const [dataDir, root, marker] = process.argv.slice(2);
const h = await createTestHost({ plugins: ['plugins/libraries'], dataDir });
const token = await h.admin();
const cfg = { rescanCron: '0 */6 * * *', probe: false, probeConcurrency: 2, watch: false };
await h.request('PUT', '/v1/plugins/libraries/config', { token, body: cfg });
const lib = await h.request('POST', '/v1/libraries', {
  token,
  body: { name: 'Movies', kind: 'movies', paths: [root] },
});

const db = h.core.sqlite;
const movies = db.query(`SELECT count(*) AS n FROM libraries_items WHERE kind = 'movie'`);
const transaction = db.transaction.bind(db);
let committed = 0;
db.transaction = ((fn: (...args: unknown[]) => unknown) =>
  transaction((...args: unknown[]) => {
    const result = fn(...args);
    const n = (movies.get() as { n: number }).n;
    if (n > committed && committed > 0) {
      // Whole or not at all: the parent acts the moment the marker exists.
      writeFileSync(`${marker}.tmp`, JSON.stringify({ libraryId: lib.body.id, committed }));
      renameSync(`${marker}.tmp`, marker);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
    }
    committed = n;
    return result;
  })) as typeof db.transaction;

await h.request('POST', `/v1/libraries/${lib.body.id}/scan`, { token });
await new Promise(() => {});
