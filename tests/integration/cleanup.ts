// Test hosts and temporary folders that integration tests create: hosts are stopped after each test and folders
// removed after the file, so every test file registers the same two hooks through this one helper.
import { afterAll, afterEach } from 'bun:test';
import { rmSync } from 'node:fs';
import type { TestHost } from '@bijou/sdk/testing';

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
