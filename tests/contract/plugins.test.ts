// Contract suite over every plugin (plugins/* with a manifest.ts, plus the sample greeter): manifest validity,
// side-effect-free manifest import, migration table names, and auth, tag, schema and prefix of every route, and
// that every route refuses a query parameter it does not declare.
import { Database } from 'bun:sqlite';
import { afterAll, expect, test } from 'bun:test';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { Manifest } from '@bijou/sdk';
import { SDK_VERSION } from '@bijou/sdk';
import { createTestHost, type TestHost } from '@bijou/sdk/testing';
import { ledgerTable, runMigrations } from '../../core/src/db/migrate.ts';
import { declaredKeys } from '../../core/src/http/input-shape.ts';
import { validateManifest } from '../../core/src/plugin-host/validate.ts';

const ROOT = resolve(import.meta.dir, '../..');
const BUN = join(ROOT, 'node_modules/.bin/bun');
const folders = [
  ...readdirSync(join(ROOT, 'plugins'))
    .map((f) => join(ROOT, 'plugins', f))
    .filter((dir) => existsSync(join(dir, 'manifest.ts'))),
  join(ROOT, 'tests/fixtures/plugins/greeter'),
];
const plugins = await Promise.all(
  folders.map(async (dir) => {
    const manifest = (await import(join(dir, 'manifest.ts'))).default as Manifest;
    return { id: basename(dir), dir, manifest };
  }),
);
type Plugin = (typeof plugins)[number];
const cases = plugins.map((p) => [p.id, p] as const);

const temp: string[] = [];
const hosts: TestHost[] = [];
afterAll(async () => {
  for (const h of hosts) await h.stop();
  for (const d of temp) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'bijou-contract-'));
  temp.push(d);
  return d;
}

/** The plugin's hard dependencies, transitively, as folders from the same pool (dependencies first). */
function withDependencies(p: Plugin, seen = new Set<string>()): string[] {
  if (seen.has(p.id)) return [];
  seen.add(p.id);
  const deps = Object.keys(p.manifest.dependsOn ?? {}).flatMap((id) => {
    const dep = plugins.find((q) => q.id === id);
    return dep ? withDependencies(dep, seen) : [];
  });
  return [...deps, p.dir];
}

type Route = { method: string; path: string; hooks: any };
const bootCache = new Map<string, Promise<{ host: TestHost; routes: Route[] }>>();
function boot(dirs: string[]) {
  const key = dirs.join('|');
  if (!bootCache.has(key)) {
    bootCache.set(
      key,
      createTestHost({ plugins: dirs }).then((host) => {
        hosts.push(host);
        return { host, routes: host.app.routes as Route[] };
      }),
    );
  }
  return bootCache.get(key)!;
}

/** Routes present when the plugin is booted with its dependencies but absent when only the dependencies are. */
async function mountedBy(p: Plugin): Promise<{ host: TestHost; routes: Route[] }> {
  const dirs = withDependencies(p);
  const without = await boot(dirs.slice(0, -1));
  const withIt = await boot(dirs);
  const before = new Set(without.routes.map((r) => `${r.method} ${r.path}`));
  return { host: withIt.host, routes: withIt.routes.filter((r) => !before.has(`${r.method} ${r.path}`)) };
}

const underPrefix = (path: string, prefix: string) =>
  path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);

test('the suite finds the sample plugin and every first-party plugin with a manifest', () => {
  expect(plugins.map((p) => p.id)).toContain('greeter');
  expect(plugins.length).toBe(folders.length);
});

test.each(cases)('%s: manifest passes validateManifest for its folder and the SDK version', (_id, p) => {
  expect(validateManifest(p.manifest, basename(p.dir), SDK_VERSION)).toEqual([]);
});

test.each(cases)(
  '%s: importing the manifest has no side effects and exports only default',
  async (_id, p) => {
    const cwd = tempDir();
    const marker = '@@exports@@';
    const file = join(p.dir, 'manifest.ts');
    const proc = Bun.spawn(
      [
        BUN,
        '-e',
        `const m = await import(${JSON.stringify(file)});
       process.stdout.write(${JSON.stringify(marker)} + JSON.stringify(Object.keys(m)));`,
      ],
      { cwd, stdout: 'pipe', stderr: 'pipe', env: { ...process.env, BIJOU_DATA_DIR: join(cwd, 'data') } },
    );
    const [stdout, stderr, code] = await Promise.all([
      new Response(proc.stdout).text(),
      new Response(proc.stderr).text(),
      proc.exited,
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const at = stdout.indexOf(marker);
    expect(stdout.slice(0, Math.max(at, 0))).toBe('');
    expect(JSON.parse(stdout.slice(at + marker.length))).toEqual(['default']);
    expect(readdirSync(cwd)).toEqual([]);
  },
);

test.each(cases)('%s: migrations create only its own prefixed tables and its ledger', (_id, p) => {
  const folder = p.manifest.migrations ? join(p.dir, p.manifest.migrations) : join(p.dir, 'migrations');
  if (!p.manifest.migrations) {
    // Undeclared migrations would never run: a journal without `migrations` in the manifest is a mistake.
    expect(existsSync(join(folder, 'meta/_journal.json'))).toBe(false);
    return;
  }
  expect(existsSync(join(folder, 'meta/_journal.json'))).toBe(true);
  const db = new Database(join(tempDir(), 'contract.sqlite'));
  try {
    runMigrations(db, folder, p.id);
    const objects = db
      .query<{ type: string; name: string; tbl_name: string }, []>(
        `SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'`,
      )
      .all();
    const prefix = `${p.id.replace(/-/g, '_')}_`;
    const allowed = (table: string) => table.startsWith(prefix) || table === ledgerTable(p.id);
    const strays = objects.filter((o) => !allowed(o.type === 'table' ? o.name : o.tbl_name));
    expect(strays.map((o) => `${o.type} ${o.name}`)).toEqual([]);
    expect(objects.some((o) => o.type === 'table' && o.name.startsWith(prefix))).toBe(true);
  } finally {
    db.close();
  }
});

test.each(cases)('%s: boots active alone (with its dependencies)', async (_id, p) => {
  const { host } = await mountedBy(p);
  const entry = host.host.entries.get(p.id);
  expect({ state: entry?.state, reason: entry?.reason }).toEqual({ state: 'active', reason: null });
});

test.each(cases)('%s: every route it mounts declares auth, a tag and a response schema', async (_id, p) => {
  const { routes } = await mountedBy(p);
  const prefixes = p.manifest.routes ?? [];
  const own = routes.filter((r) => prefixes.some((prefix) => underPrefix(r.path, prefix)));
  const problems = own.flatMap((r) => {
    const detail = r.hooks?.detail ?? {};
    const out: string[] = [];
    if (!['public', 'user', 'admin'].includes(detail['x-bijou-auth'])) out.push('no auth');
    if (!Array.isArray(detail.tags) || detail.tags.length === 0) out.push('no tag');
    // A WebSocket upgrade has no HTTP response body to describe.
    if (r.method !== 'WS' && !r.hooks?.response) out.push('no response schema');
    return out.map((why) => `${r.method} ${r.path}: ${why}`);
  });
  expect(problems).toEqual([]);
  if (prefixes.length > 0) expect(own.length).toBeGreaterThan(0);
});

test.each(cases)('%s: mounts no route outside its declared route prefixes', async (_id, p) => {
  const { routes } = await mountedBy(p);
  const prefixes = p.manifest.routes ?? [];
  const outside = routes.filter((r) => !prefixes.some((prefix) => underPrefix(r.path, prefix)));
  expect(outside.map((r) => `${r.method} ${r.path}`)).toEqual([]);
});

/** A path parameter's value that its schema takes, for the routes that restrict it. */
const SAMPLE: Record<string, string> = { kind: 'poster' };

test.each(cases)('%s: every route refuses a query parameter it does not declare', async (_id, p) => {
  const { host, routes } = await mountedBy(p);
  const prefixes = p.manifest.routes ?? [];
  const token = await host.admin();
  // Not asked: WebSockets, routes with a body (its validation answers first), routes open to any parameter.
  const asked = routes.filter(
    (r) =>
      r.method !== 'WS' &&
      prefixes.some((prefix) => underPrefix(r.path, prefix)) &&
      !r.hooks?.body &&
      (r.hooks?.query === undefined || declaredKeys(r.hooks.query) !== null),
  );
  const wrong: string[] = [];
  for (const r of asked) {
    const required: string[] = r.hooks?.query?.required ?? [];
    const query = [...required.map((k) => `${k}=1`), 'bijouUndeclared=1'].join('&');
    const path = r.path.replace(/:(\w+)/g, (_m, name: string) => SAMPLE[name] ?? '1');
    const res = await host.request(r.method, `${path}?${query}`, { token });
    const named = res.body?.details?.some((d: { path: string }) => d.path === 'query.bijouUndeclared');
    if (res.status !== 422 || !named) wrong.push(`${r.method} ${r.path}: ${res.status}`);
  }
  expect(wrong).toEqual([]);
  if (prefixes.length > 0) expect(asked.length).toBeGreaterThan(0);
});
