// An index whose documents an older version made is rebuilt at the next start (an episode's label changed since),
// and an index as this version makes it is left alone at a restart.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestHost, type TestHost } from '@bijou/sdk/testing';
import { waitUntil } from './harness.ts';

const root = mkdtempSync(join(tmpdir(), 'bijou-search-docv-'));
const dataDir = join(root, 'data');
const PLUGINS = ['plugins/libraries', 'plugins/search'];
let h: TestHost;

/** Starts the server on the kept data directory; the admin signs in (the setup ran at the first start). */
async function start(): Promise<string> {
  h = await createTestHost({ plugins: PLUGINS, dataDir });
  const r = await h.request('POST', '/api/auth/sign-in/email', {
    body: { email: 'admin@example.com', password: 'admin-password' },
  });
  expect(r.status).toBe(200);
  return r.body.token;
}

/** The label search gives the "Lies" episode, once the index has it. */
const label = (token: string) =>
  waitUntil('the Lies episode in search', async () => {
    const r = await h.request('GET', '/v1/search?q=lies', { token });
    return r.body.items?.find((i: { title: string }) => i.title === 'Lies')?.subtitle as string | undefined;
  });

/** What an older version stored for the episode: the label without its range, and no document version. */
function ageTheIndex(): void {
  h.core.sqlite.run("UPDATE search_docs SET subtitle = 'Dark · S01E02', hash = 'old' WHERE title = 'Lies'");
}

beforeAll(async () => {
  const dir = join(root, 'shows', 'Dark (2017)', 'Season 01');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'Dark - S01E02-E03 - Lies.mkv'), '');
  mkdirSync(dataDir);
  h = await createTestHost({ plugins: PLUGINS, dataDir });
  const token = await h.admin();
  const lib = await h.request('POST', '/v1/libraries', {
    token,
    body: { name: 'Shows', kind: 'shows', paths: [join(root, 'shows')] },
  });
  expect(lib.status).toBe(201);
  expect((await h.request('POST', `/v1/libraries/${lib.body.id}/scan`, { token })).status).toBe(202);
  expect(await label(token)).toBe('Dark · S01E02–E03');
});
afterAll(async () => {
  await h.stop();
  rmSync(root, { recursive: true, force: true });
});

test('a restart with the index as this version makes it does not rebuild it', async () => {
  ageTheIndex();
  await h.stop();
  const token = await start();
  // Left as it was: nothing read the catalog again (the aged label stands in for a rebuild that did not happen).
  await Bun.sleep(300);
  expect(await label(token)).toBe('Dark · S01E02');
});

test('an index an older version made is rebuilt at the next start', async () => {
  h.core.sqlite.run("DELETE FROM search_state WHERE key = 'docs'");
  await h.stop();
  const token = await start();
  await waitUntil('the label rebuilt', async () => (await label(token)) === 'Dark · S01E02–E03' || undefined);
});
