// Test hosts and temporary folders that integration tests create: hosts are stopped after each test and folders
// removed after the file, so every test file registers the same two hooks through this one helper; and the one
// host a whole file shares, stopped after the file.
import { afterAll, afterEach } from 'bun:test';
import { rmSync } from 'node:fs';
import { createTestHost, type TestHost, type TestHostOptions } from '@bijou/sdk/testing';

/** Arrays to push hosts and folders into; emptied by the hooks this registers. */
export function cleanUpAfterTests(): { hosts: TestHost[]; dirs: string[] } {
  const hosts: TestHost[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const h of hosts.splice(0)) await h.stop();
  });
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  return { hosts, dirs };
}

/** Boots the host a whole test file shares, with an admin signed in (`admin` is its token); stopped after the file. */
export async function hostForFile(options: TestHostOptions = {}): Promise<{ h: TestHost; admin: string }> {
  const h = await createTestHost(options);
  afterAll(() => h.stop());
  return { h, admin: await h.admin() };
}
