// Applies a folder of drizzle migrations against its own ledger table (one ledger per plugin, one for core).
import type { Database } from 'bun:sqlite';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/bun-sqlite';
import { migrate } from 'drizzle-orm/bun-sqlite/migrator';

export const CORE_MIGRATIONS = join(import.meta.dir, '..', '..', 'migrations');

/** Ledger table name for an owner (`core` or a plugin id). */
export function ledgerTable(owner: string): string {
  return `__migrations_${owner.replace(/-/g, '_')}`;
}

/** Runs pending migrations of `folder` recorded in the owner's ledger; a folder without a journal is a no-op. */
export function runMigrations(sqlite: Database, folder: string, owner: string): void {
  if (!existsSync(join(folder, 'meta', '_journal.json'))) return;
  migrate(drizzle(sqlite), { migrationsFolder: folder, migrationsTable: ledgerTable(owner) });
}
