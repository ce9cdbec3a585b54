// A probe that does not finish: ffprobe stuck on a file (here a named pipe nobody writes, as a hung network share
// would leave it) is stopped after its time limit and the file recorded as failed, saying so; a probe stopped
// because the server stops records nothing, so the file is probed again later.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { join } from 'node:path';
import { mediaToolPath } from '@bijou/sdk';
import { probeFile } from '../services/prober.ts';
import { removeTemps, tempDir } from './fixtures.ts';
import { type Booted, boot, createLibrary, scan } from './harness.ts';

let b: Booted;
let fileId: string;
beforeAll(async () => {
  b = await boot({ probe: false });
  const root = tempDir();
  const fifo = Bun.spawnSync(['mkfifo', join(root, 'Stuck (2001).mkv')]);
  expect(fifo.exitCode).toBe(0);
  await scan(b, await createLibrary(b, 'movies', [root]));
  fileId = row().id;
});
afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

function row() {
  return b.h.core.sqlite
    .query<{ id: string; probe_key: string | null; probe_error: string | null }, []>(
      'SELECT id, probe_key, probe_error FROM libraries_files',
    )
    .get()!;
}

const ctx = () => ({
  sqlite: b.h.core.sqlite,
  exec: (cmd: 'ffmpeg' | 'ffprobe', args: string[], o?: { signal?: AbortSignal }) =>
    Bun.spawn([mediaToolPath(cmd), ...args], { stdout: 'pipe', stderr: 'pipe', signal: o?.signal }),
});

test('a probe stopped by the server stopping throws and records nothing', async () => {
  const stop = new AbortController();
  setTimeout(() => stop.abort(new Error('server stopping')), 300);
  await expect(probeFile(ctx(), fileId, stop.signal, 30_000)).rejects.toThrow('server stopping');
  expect(row()).toMatchObject({ probe_key: null, probe_error: null });
});

test('a probe over its time limit is stopped and recorded as failed, saying why', async () => {
  expect(await probeFile(ctx(), fileId, new AbortController().signal, 400)).toBe('probed');
  expect(row()).toMatchObject({
    probe_key: expect.any(String),
    probe_error: 'ffprobe took longer than 1 s and was stopped',
  });
});
