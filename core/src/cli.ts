#!/usr/bin/env bun
// The `bijou` command: plugin list|install|enable|disable|rollback, migrate, user reset-password.
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { eq } from 'drizzle-orm';
import type { Manifest } from '../sdk/manifest.ts';
import { SDK_VERSION } from '../sdk/version.ts';
import { PROJECT_ROOT } from './app.ts';
import { AuthService } from './auth/service.ts';
import { randomSecret } from './auth/tokens.ts';
import { CORE_MIGRATIONS, runMigrations } from './db/migrate.ts';
import { openDatabase } from './db/open.ts';
import { plugins as pluginRows } from './db/schema.ts';
import { parseEnv } from './env.ts';
import { discover } from './plugin-host/discover.ts';
import { PluginInstaller } from './plugin-host/install.ts';
import { registerSdkModule } from './plugin-host/sdk-module.ts';
import { validateManifest } from './plugin-host/validate.ts';

const USAGE = `Usage: bijou <command>
  plugin list                       plugins found, with version, source and whether enabled
  plugin install <folder> [--yes]   install a third-party plugin (asks consent for its permissions)
  plugin enable <id> | disable <id> takes effect at the next start (the admin API acts on a running server)
  plugin rollback <id>              restore the previously installed version
  migrate                           apply pending core and plugin migrations
  user reset-password <email> [--password <new>]   set a new password (random if omitted); ends sessions`;

function fail(msg: string): never {
  console.error(msg);
  process.exit(2);
}

const parsed = parseEnv(process.env);
if (!parsed.ok) fail(`Invalid environment:\n  ${parsed.errors.join('\n  ')}`);
registerSdkModule();
const dataDir = resolve(parsed.env.BIJOU_DATA_DIR);
const { sqlite, db } = openDatabase(join(dataDir, 'bijou.sqlite'));
runMigrations(sqlite, CORE_MIGRATIONS, 'core');
const firstPartyRoot = parsed.env.BIJOU_FIRST_PARTY_PLUGINS ?? join(PROJECT_ROOT, 'plugins');
const [cmd, sub, ...rest] = process.argv.slice(2);

async function allPlugins() {
  return [
    ...(await discover(firstPartyRoot, 'first-party')),
    ...(await discover(join(dataDir, 'plugins'), 'third-party')),
  ];
}

async function pluginCommand(): Promise<void> {
  const installer = new PluginInstaller(dataDir, db, () => new Set([]));
  if (sub === 'list') {
    for (const c of await allPlugins()) {
      const m = c.manifest as Manifest | null;
      const errs = c.loadError
        ? [c.loadError]
        : validateManifest(m, c.folder, SDK_VERSION).map((e) => `${e.code}: ${e.message}`);
      const row = db.select().from(pluginRows).where(eq(pluginRows.id, c.folder)).get();
      const status = errs.length ? `invalid (${errs[0]})` : row?.enabled === false ? 'disabled' : 'enabled';
      console.log(
        `${c.folder.padEnd(20)} ${(m?.version ?? '?').padEnd(10)} ${c.source.padEnd(12)} ${status}`,
      );
    }
    return;
  }
  if (sub === 'install') {
    const folder = rest.find((a) => !a.startsWith('--')) ?? fail(USAGE);
    const first = new Set((await discover(firstPartyRoot, 'first-party')).map((c) => c.folder));
    const inst = new PluginInstaller(dataDir, db, () => first);
    const look = await inst.inspect(folder);
    if (!look.ok) fail(`Cannot install: ${look.error}`);
    const perms = [...(look.manifest.permissions ?? [])];
    console.log(
      `${look.manifest.name} ${look.manifest.version} (${look.manifest.id}) asks for: ${perms.join(', ') || 'no permissions'}`,
    );
    console.log('Permissions scope what the plugin is handed; they are not a sandbox.');
    if (perms.length && !rest.includes('--yes')) {
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      const answer = (await rl.question('Grant these permissions and install? [y/N] ')).trim().toLowerCase();
      rl.close();
      if (answer !== 'y' && answer !== 'yes') fail('Not installed.');
    }
    const r = await inst.install(folder, { acceptPermissions: perms });
    if (!r.ok) fail(`Cannot install: ${r.error}`);
    console.log(
      `Installed ${r.id}@${r.version} (sha256 ${r.hash.slice(0, 16)}…) into ${join(installer.root, r.id)}; it loads at the next start.`,
    );
    return;
  }
  if (sub === 'enable' || sub === 'disable') {
    const id = rest[0] ?? fail(USAGE);
    const c = (await allPlugins()).find((p) => p.folder === id) ?? fail(`No plugin "${id}"`);
    const t = new Date().toISOString();
    const enabled = sub === 'enable';
    db.insert(pluginRows)
      .values({ id, enabled, source: c.source, updatedAt: t })
      .onConflictDoUpdate({ target: pluginRows.id, set: { enabled, updatedAt: t } })
      .run();
    console.log(`${id} ${enabled ? 'enabled' : 'disabled'}; takes effect at the next start.`);
    return;
  }
  if (sub === 'rollback') {
    const id = rest[0] ?? fail(USAGE);
    if (!(await installer.rollback(id))) fail(`No previous version of "${id}" to restore`);
    console.log(`Restored the previous version of ${id}; it loads at the next start.`);
    return;
  }
  fail(USAGE);
}

async function migrateCommand(): Promise<void> {
  for (const c of await allPlugins()) {
    const m = c.manifest as Manifest | null;
    if (!m?.migrations || validateManifest(m, c.folder, SDK_VERSION).length) continue;
    runMigrations(sqlite, join(c.dir, m.migrations), m.id);
    console.log(`migrated ${m.id}`);
  }
  console.log('core and plugin migrations are up to date');
}

async function userCommand(): Promise<void> {
  if (sub !== 'reset-password') fail(USAGE);
  const email = rest.find((a) => !a.startsWith('--')) ?? fail(USAGE);
  const i = rest.indexOf('--password');
  const password = i >= 0 ? (rest[i + 1] ?? fail(USAGE)) : randomSecret(12);
  if (password.length < 8) fail('Passwords need at least 8 characters');
  const auth = new AuthService(db);
  const user = auth.findByEmail(email) ?? fail(`No user with email ${email}`);
  await auth.setPassword(user.id, password);
  console.log(
    i >= 0
      ? `Password of ${user.email} changed; their sessions ended.`
      : `New password for ${user.email}: ${password}`,
  );
}

try {
  if (cmd === 'plugin') await pluginCommand();
  else if (cmd === 'migrate') await migrateCommand();
  else if (cmd === 'user') await userCommand();
  else fail(USAGE);
} finally {
  sqlite.close();
}
