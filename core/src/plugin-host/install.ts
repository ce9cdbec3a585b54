// Third-party install: validate the manifest, require consent to its permissions, copy atomically into the data
// directory, record a content hash, and keep the previous version for rollback.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Manifest } from '../../sdk/manifest.ts';
import { SDK_VERSION } from '../../sdk/version.ts';
import type { CoreDb } from '../db/open.ts';
import { plugins as pluginRows } from '../db/schema.ts';
import { type Candidate, readManifest } from './discover.ts';
import { validateManifest } from './validate.ts';

export type InstallResult =
  | { ok: true; id: string; version: string; hash: string; permissions: string[]; candidate: Candidate }
  | { ok: false; status: 404 | 409 | 422; error: string; details?: unknown };

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (name === 'node_modules' || name === '.git') continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** SHA-256 over every file's relative path and bytes, in a stable order. */
export function hashFolder(dir: string): string {
  const h = createHash('sha256');
  for (const f of listFiles(dir))
    h.update(relative(dir, f)).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex');
}

export class PluginInstaller {
  readonly root: string;
  constructor(
    dataDir: string,
    private readonly db: CoreDb,
    private readonly reservedIds: () => Set<string>,
  ) {
    this.root = join(dataDir, 'plugins');
  }

  /** Reads and checks a plugin folder without installing it. */
  async inspect(
    folder: string,
  ): Promise<
    { ok: true; manifest: Manifest } | { ok: false; status: 404 | 422; error: string; details?: unknown }
  > {
    const dir = resolve(folder);
    if (!existsSync(dir) || !statSync(dir).isDirectory())
      return { ok: false, status: 404, error: `No folder at ${dir}` };
    const { manifest, error } = await readManifest(dir);
    if (error) return { ok: false, status: 422, error };
    const id = (manifest as Manifest | null)?.id;
    const errs = validateManifest(manifest, typeof id === 'string' ? id : '', SDK_VERSION);
    if (errs.length) return { ok: false, status: 422, error: errs[0].message, details: errs };
    return { ok: true, manifest: manifest as Manifest };
  }

  async install(folder: string, opts: { acceptPermissions: string[] }): Promise<InstallResult> {
    const r = await this.inspect(folder);
    if (!r.ok) return r;
    const m = r.manifest;
    if (this.reservedIds().has(m.id))
      return { ok: false, status: 409, error: `"${m.id}" is a first-party plugin id` };
    const missing = (m.permissions ?? []).filter((p) => !opts.acceptPermissions.includes(p));
    if (missing.length) {
      return {
        ok: false,
        status: 422,
        error: `Consent needed for permissions: ${missing.join(', ')}`,
        details: { permissions: m.permissions },
      };
    }
    const dest = join(this.root, m.id);
    const staging = join(this.root, `.staging-${m.id}-${Date.now()}`);
    const previous = join(this.root, '.previous', m.id);
    cpSync(resolve(folder), staging, {
      recursive: true,
      filter: (src) => !/[/\\](node_modules|\.git)([/\\]|$)/.test(src),
    });
    const hash = hashFolder(staging);
    if (existsSync(dest)) {
      rmSync(previous, { recursive: true, force: true });
      cpSync(dest, previous, { recursive: true });
      rmSync(dest, { recursive: true, force: true });
    }
    renameSync(staging, dest);
    const t = new Date().toISOString();
    const row = { source: 'third-party' as const, version: m.version, hash, installedAt: t, updatedAt: t };
    this.db
      .insert(pluginRows)
      .values({ id: m.id, enabled: true, ...row })
      .onConflictDoUpdate({ target: pluginRows.id, set: row })
      .run();
    return {
      ok: true,
      id: m.id,
      version: m.version,
      hash,
      permissions: [...(m.permissions ?? [])],
      candidate: { folder: m.id, dir: dest, source: 'third-party', manifest: m, loadError: null },
    };
  }

  /** Puts the previous version back and records its version and hash; false when there is none. */
  async rollback(id: string): Promise<boolean> {
    const previous = join(this.root, '.previous', id);
    if (!existsSync(previous)) return false;
    const dest = join(this.root, id);
    rmSync(dest, { recursive: true, force: true });
    renameSync(previous, dest);
    const { manifest } = await readManifest(dest);
    const version = (manifest as Manifest | null)?.version ?? null;
    this.db
      .update(pluginRows)
      .set({ version, hash: hashFolder(dest), updatedAt: new Date().toISOString() })
      .where(eq(pluginRows.id, id))
      .run();
    return true;
  }
}
