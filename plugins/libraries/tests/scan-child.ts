// Child process for the kill test: boots Bijou on a data folder, scans a library and writes `<marker>` once the
// first batch of items is committed, then keeps scanning until the parent kills it with SIGKILL.
import { writeFileSync } from 'node:fs';
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
h.core.bus.tap((e) => {
  const p = e.payload as { phase?: string; counts?: { added: number } };
  if (e.name === 'libraries.scan.progressed' && p.phase === 'processing' && (p.counts?.added ?? 0) > 0)
    writeFileSync(marker, JSON.stringify({ libraryId: lib.body.id, added: p.counts?.added }));
});
await h.request('POST', `/v1/libraries/${lib.body.id}/scan`, { token });
await new Promise(() => {});
