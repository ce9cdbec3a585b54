// The real process entry (`bun core/src/main.ts`): a bad environment stops it with every error listed; a good one
// serves /v1/health on the port it reports and exits 0 on SIGTERM.
import { afterEach, expect, test } from 'bun:test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Subprocess } from 'bun';

const ROOT = resolve(import.meta.dir, '..', '..');
let dataDir = '';
let proc: Subprocess<'ignore', 'pipe', 'pipe'> | null = null;

afterEach(async () => {
  if (proc && proc.exitCode === null) {
    proc.kill('SIGKILL');
    await proc.exited;
  }
  proc = null;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function start(env: Record<string, string>) {
  dataDir = mkdtempSync(join(tmpdir(), 'bijou-boot-'));
  const base: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dataDir };
  proc = Bun.spawn([process.execPath, 'core/src/main.ts'], {
    cwd: ROOT,
    env: { ...base, BIJOU_DATA_DIR: dataDir, ...env },
    stdin: 'ignore',
    stdout: 'pipe',
    stderr: 'pipe',
  });
  return proc;
}

/** Reads JSON log lines from stdout until one has `msg`; null if the process ends first. */
async function waitForLog(p: NonNullable<typeof proc>, msg: string): Promise<Record<string, unknown> | null> {
  const reader = p.stdout.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return null;
      buffered += decoder.decode(value, { stream: true });
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        try {
          const rec = JSON.parse(line) as Record<string, unknown>;
          if (rec.msg === msg) return rec;
        } catch {}
      }
    }
  } finally {
    reader.releaseLock();
  }
}

test('a bad BIJOU_PORT and BIJOU_LOG_LEVEL stop the process with both errors on stderr', async () => {
  const p = start({ BIJOU_PORT: 'abc', BIJOU_LOG_LEVEL: 'loud' });
  const [code, stderr] = await Promise.all([p.exited, new Response(p.stderr).text()]);
  expect(code).not.toBe(0);
  expect(stderr).toMatch(/BIJOU_PORT\b.*"abc"/);
  expect(stderr).toMatch(/BIJOU_LOG_LEVEL\b.*"loud"/);
});

test('a bad environment stops the process before it creates the database', async () => {
  const p = start({ BIJOU_PORT: 'abc', BIJOU_LOG_LEVEL: 'loud' });
  await p.exited;
  expect(existsSync(join(dataDir, 'bijou.sqlite'))).toBe(false);
});

test('a Meilisearch URL in BIJOU_MEILI_URL is accepted at boot', async () => {
  const p = start({ BIJOU_PORT: '0', BIJOU_HOST: '127.0.0.1', BIJOU_MEILI_URL: 'http://127.0.0.1:7700' });
  const ready = await waitForLog(p, 'Bijou is ready');
  const stderr = ready ? '' : await new Response(p.stderr).text();
  expect({ ready: ready !== null, stderr }).toEqual({ ready: true, stderr: '' });
});

test('with a valid environment it serves /v1/health at the URL it logs and exits 0 on SIGTERM', async () => {
  const p = start({ BIJOU_PORT: '0', BIJOU_HOST: '127.0.0.1', BIJOU_LOG_LEVEL: 'info' });
  const ready = await waitForLog(p, 'Bijou is ready');
  expect(ready).not.toBeNull();
  const url = String(ready!.url);
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(url).not.toEndWith(':0');

  const res = await fetch(`${url}/v1/health`);
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ status: 'ok' });

  p.kill('SIGTERM');
  expect(await p.exited).toBe(0);
  expect(p.signalCode).toBeNull();
});
