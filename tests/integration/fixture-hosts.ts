// Hosts booted with fixture plugins (tests/fixtures/plugins) for the plugin host tests: stopped after each test, on
// temporary data folders removed after the file (through cleanup.ts), with an admin sign-in that works on a data
// folder already set up and a read of one plugin's state.
import { expect } from 'bun:test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestHost, type TestHost } from '@bijou/sdk/testing';
import { cleanUpAfterTests } from './cleanup.ts';

export const ROOT = resolve(import.meta.dir, '../..');
export const FIXTURES = join(ROOT, 'tests/fixtures/plugins');
/** The folder of the fixture plugin `id`. */
export const fx = (id: string) => join(FIXTURES, id);

/** Registers the clean-up hooks of a test file and returns how it boots hosts and makes data folders. */
export function fixtureHosts() {
  const { hosts, dirs } = cleanUpAfterTests();
  return {
    tempDir(): string {
      const d = mkdtempSync(join(tmpdir(), 'bijou-host-'));
      dirs.push(d);
      return d;
    },
    async boot(ids: string[], dataDir?: string): Promise<TestHost> {
      const h = await createTestHost({ plugins: ids.map(fx), dataDir });
      hosts.push(h);
      return h;
    },
  };
}

/** Admin token on a host whose data dir may already have gone through setup. */
export async function adminToken(h: TestHost): Promise<string> {
  const r = await h.request('POST', '/api/auth/sign-in/email', {
    body: { email: 'admin@example.com', password: 'admin-password' },
  });
  return r.status === 200 ? r.body.token : h.admin();
}

export async function pluginView(h: TestHost, id: string) {
  const r = await h.request('GET', `/v1/plugins/${id}`, { token: await adminToken(h) });
  expect(r.status).toBe(200);
  return r.body as { id: string; state: string; code: string | null; reason: string | null; source: string };
}
