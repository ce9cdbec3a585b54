// Finds plugin folders (first-party and third-party) and imports their manifests without running plugin code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Manifest } from '../../sdk/manifest.ts';

export type PluginSource = 'first-party' | 'third-party';

export interface Candidate {
  folder: string;
  dir: string;
  source: PluginSource;
  manifest: unknown;
  loadError: string | null;
}

const MANIFEST_FILES = ['manifest.ts', 'manifest.js'];
const ENTRY_FILES = ['index.ts', 'index.js'];

export function firstFile(dir: string, names: string[]): string | null {
  for (const n of names) if (existsSync(join(dir, n))) return join(dir, n);
  return null;
}

/** Imports a plugin folder's manifest module (default export or `manifest`). */
export async function readManifest(dir: string): Promise<{ manifest: unknown; error: string | null }> {
  const file = firstFile(dir, MANIFEST_FILES);
  if (!file) return { manifest: null, error: 'no manifest.ts or manifest.js' };
  try {
    const mod = await import(file);
    return { manifest: mod.default ?? mod.manifest ?? null, error: null };
  } catch (e) {
    return { manifest: null, error: `manifest failed to load: ${(e as Error).message}` };
  }
}

/** Imports a plugin's entry module and returns its default export. */
export async function loadEntry(dir: string): Promise<unknown> {
  const file = firstFile(dir, ENTRY_FILES);
  if (!file) throw new Error('no index.ts or index.js');
  const mod = await import(file);
  return mod.default ?? mod.plugin;
}

/** Reads one plugin folder. */
export async function discoverOne(dir: string, source: PluginSource): Promise<Candidate> {
  const { manifest, error } = await readManifest(dir);
  return { folder: basename(dir), dir, source, manifest, loadError: error };
}

/** Lists the plugin folders under `root` (dot-folders are staging areas and backups, never plugins). */
export async function discover(root: string, source: PluginSource): Promise<Candidate[]> {
  if (!existsSync(root)) return [];
  const out: Candidate[] = [];
  for (const folder of readdirSync(root).sort()) {
    const dir = join(root, folder);
    if (folder.startsWith('.') || !statSync(dir).isDirectory()) continue;
    out.push(await discoverOne(dir, source));
  }
  return out;
}

export type { Manifest };
