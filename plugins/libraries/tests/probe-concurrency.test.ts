// The probeConcurrency setting applies to the running probe queue, no restart needed: raising it starts waiting
// probes at once, and lowering it stops none under way. Each file is a named pipe nobody writes, so its ffprobe
// waits (as on a hung network share) and the probes running can be counted at leisure.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { join } from 'node:path';
import { waitUntil } from '@bijou/sdk/testing';
import { removeTemps, tempDir } from './fixtures.ts';
import { type Booted, boot, createLibrary, scan, setConfig } from './harness.ts';

let b: Booted;
beforeAll(async () => {
  b = await boot();
});
afterAll(async () => {
  // Stopping aborts the probes still waiting on their pipes.
  await b.h.stop();
  removeTemps();
});

const probes = () => b.h.core.queue.stats('libraries.probe')['libraries.probe'];
const attempts = () =>
  b.h.core.sqlite
    .query<{ attempts: number }, []>(
      "SELECT attempts FROM core_queue_items WHERE queue = 'libraries.probe' AND state = 'running' ORDER BY id",
    )
    .all()
    .map((r) => r.attempts);

test('a changed probe concurrency applies to the probes waiting, leaving those under way alone', async () => {
  await setConfig(b, { probeConcurrency: 1 });
  const root = tempDir();
  for (const name of ['Alien (1979)', 'Brazil (1985)', 'Cube (1997)', 'Dune (1984)']) {
    expect(Bun.spawnSync(['mkfifo', join(root, `${name}.mkv`)]).exitCode).toBe(0);
  }
  await scan(b, await createLibrary(b, 'movies', [root]));
  // One pass of the queue claims all it may at once, and no probe ends while its pipe stays unwritten.
  await waitUntil('a probe to start', () => probes()?.running >= 1);
  expect(probes()).toMatchObject({ running: 1, pending: 3 });

  await setConfig(b, { probeConcurrency: 3 });
  await waitUntil('three probes to run', () => probes().running === 3);
  expect(probes()).toMatchObject({ running: 3, pending: 1 });

  await setConfig(b, { probeConcurrency: 1 });
  expect(probes()).toMatchObject({ running: 3, pending: 1 });
  expect(attempts()).toEqual([1, 1, 1]);
});
