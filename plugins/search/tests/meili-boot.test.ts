// Meilisearch configured on a closed port before a restart: the server still boots, status and logs say
// Meilisearch is unreachable, and searches are answered by SQLite FTS5. The engine with Meilisearch up (and going
// away while running) is meili.test.ts.
import { expect, test } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestHost } from '@bijou/sdk/testing';
import { insertLibrary, insertTitles } from './catalog.ts';
import { MOVIES } from './fixture.ts';
import { PLUGINS, waitUntil } from './harness.ts';

test('a Meilisearch URL on a closed port at boot: the server starts, says so, and searches with FTS5', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bijou-search-boot-'));
  const closed = Bun.serve({ hostname: '127.0.0.1', port: 0, fetch: () => new Response('') });
  const url = `http://127.0.0.1:${closed.port}`;
  closed.stop(true);
  try {
    const first = await createTestHost({ plugins: PLUGINS, dataDir });
    const token = await first.admin();
    const body = { meiliUrl: url, meiliIndex: 'bijou' };
    expect((await first.request('PUT', '/v1/plugins/search/config', { token, body })).status).toBe(200);
    insertTitles(first.core.sqlite, insertLibrary(first.core.sqlite), MOVIES);
    await first.stop();

    const again = await createTestHost({ plugins: PLUGINS, dataDir });
    try {
      const adminToken = (
        await again.request('POST', '/api/auth/sign-in/email', {
          body: { email: 'admin@example.com', password: 'admin-password' },
        })
      ).body.token;
      expect(again.host.entries.get('search')?.state).toBe('active');
      const s = await waitUntil('unreachable at boot', async () => {
        const r = (await again.request('GET', '/v1/search/status', { token: adminToken })).body;
        return r.meilisearch.state === 'unreachable' ? r : undefined;
      });
      expect(s).toMatchObject({ engine: 'fts5', meilisearch: { url, fallback: true } });
      expect(again.logs.some((l) => l.includes('Meilisearch unreachable'))).toBe(true);
      const found = await waitUntil('indexed', async () => {
        const r = await again.request('GET', '/v1/search?q=intersteller', { token: adminToken });
        return r.body.items?.length ? r.body.items : undefined;
      });
      expect(found.map((i: any) => i.title)).toEqual(['Interstellar']);
    } finally {
      await again.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
