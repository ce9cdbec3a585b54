// The `bijou` CLI as a real child process: plugin install (consent), list, disable, rollback, migrate, and
// user reset-password against a data directory a server used before.
import { Database } from 'bun:sqlite';
import { afterAll, expect, test } from 'bun:test';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestHost } from '@bijou/sdk/testing';
import { hashFolder } from '../../core/src/plugin-host/install.ts';

const ROOT = resolve(import.meta.dir, '../..');
const GREETER = join(ROOT, 'tests/fixtures/plugins/greeter');

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'bijou-cli-'));
  dirs.push(d);
  return d;
}

/** A data directory plus an empty first-party folder, so the CLI never sees the repository's plugins. */
function sandbox() {
  const dataDir = tempDir();
  const firstParty = tempDir();
  const run = async (args: string[], stdin?: string) => {
    const p = Bun.spawn([join(ROOT, 'node_modules/.bin/bun'), 'core/src/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, BIJOU_DATA_DIR: dataDir, BIJOU_FIRST_PARTY_PLUGINS: firstParty },
      stdin: stdin === undefined ? 'ignore' : new TextEncoder().encode(stdin),
      stdout: 'pipe',
      stderr: 'pipe',
    });
    const [stdout, stderr, code] = await Promise.all([
      new Response(p.stdout).text(),
      new Response(p.stderr).text(),
      p.exited,
    ]);
    return { stdout, stderr, code };
  };
  const listed = async (id: string) => {
    const r = await run(['plugin', 'list']);
    expect(r.code).toBe(0);
    return r.stdout.split('\n').find((l) => l.startsWith(`${id} `)) ?? null;
  };
  return { dataDir, run, listed };
}

test('plugin install without consent installs nothing and exits non-zero', async () => {
  const s = sandbox();
  const r = await s.run(['plugin', 'install', GREETER], 'n\n');
  expect(r.code).not.toBe(0);
  expect(r.stdout).toContain('network');
  expect(r.stderr).toContain('Not installed');
  expect(existsSync(join(s.dataDir, 'plugins/greeter'))).toBe(false);
  expect(await s.listed('greeter')).toBeNull();
});

test('plugin install --yes copies the plugin into the data directory and lists it enabled', async () => {
  const s = sandbox();
  const r = await s.run(['plugin', 'install', GREETER, '--yes']);
  expect(r.code).toBe(0);
  expect(existsSync(join(s.dataDir, 'plugins/greeter/manifest.ts'))).toBe(true);
  expect(existsSync(join(s.dataDir, 'plugins/greeter/index.ts'))).toBe(true);
  const line = await s.listed('greeter');
  expect(line).toContain('1.2.0');
  expect(line).toContain('third-party');
  expect(line).toMatch(/ enabled$/);
});

test('plugin disable shows the plugin disabled in the list', async () => {
  const s = sandbox();
  expect((await s.run(['plugin', 'install', GREETER, '--yes'])).code).toBe(0);
  const r = await s.run(['plugin', 'disable', 'greeter']);
  expect(r.code).toBe(0);
  expect(await s.listed('greeter')).toMatch(/ disabled$/);
});

test('plugin rollback after a second install restores the previous version and its record', async () => {
  const s = sandbox();
  const v2 = join(tempDir(), 'greeter');
  cpSync(GREETER, v2, { recursive: true });
  const manifest = join(v2, 'manifest.ts');
  writeFileSync(manifest, readFileSync(manifest, 'utf8').replace("version: '1.2.0'", "version: '1.3.0'"));

  expect((await s.run(['plugin', 'install', GREETER, '--yes'])).code).toBe(0);
  expect((await s.run(['plugin', 'install', v2, '--yes'])).code).toBe(0);
  expect(await s.listed('greeter')).toContain('1.3.0');

  const r = await s.run(['plugin', 'rollback', 'greeter']);
  expect(r.code).toBe(0);
  expect(await s.listed('greeter')).toContain('1.2.0');
  const installed = join(s.dataDir, 'plugins/greeter');
  expect(readFileSync(join(installed, 'manifest.ts'), 'utf8')).toContain("version: '1.2.0'");
  const db = new Database(join(s.dataDir, 'bijou.sqlite'));
  const row = db.query(`SELECT version, hash FROM core_plugins WHERE id = 'greeter'`).get();
  db.close();
  expect(row).toEqual({ version: '1.2.0', hash: hashFolder(installed) });
  expect((await s.run(['plugin', 'rollback', 'greeter'])).code).not.toBe(0);
});

test('user reset-password sets a password the user can sign in with afterwards', async () => {
  const s = sandbox();
  const before = await createTestHost({ dataDir: s.dataDir });
  const user = await before.user();
  await before.stop();

  const r = await s.run(['user', 'reset-password', user.email, '--password', 'newpass123']);
  expect(r.code).toBe(0);
  expect(r.stdout).not.toContain('newpass123');

  const after = await createTestHost({ dataDir: s.dataDir });
  try {
    const signIn = (password: string) =>
      after.request('POST', '/api/auth/sign-in/email', { body: { email: user.email, password } });
    expect((await signIn('newpass123')).status).toBe(200);
    expect((await signIn('user-password')).status).toBe(401);
  } finally {
    await after.stop();
  }
});

test('user reset-password for an unknown email exits non-zero', async () => {
  const s = sandbox();
  const r = await s.run(['user', 'reset-password', 'nobody@example.com', '--password', 'newpass123']);
  expect(r.code).not.toBe(0);
  expect(r.stderr).toContain('nobody@example.com');
});

test('migrate exits 0', async () => {
  const s = sandbox();
  const r = await s.run(['migrate']);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('up to date');
  expect(existsSync(join(s.dataDir, 'bijou.sqlite'))).toBe(true);
});
