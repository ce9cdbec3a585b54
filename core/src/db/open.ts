// Opens the one shared bun:sqlite connection with the pragmas every writer and reader relies on.
import { Database } from 'bun:sqlite';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type BunSQLiteDatabase, drizzle } from 'drizzle-orm/bun-sqlite';
import * as schema from './schema.ts';

export type CoreDb = BunSQLiteDatabase<typeof schema>;

/** Opens (creating if needed) the SQLite file: WAL, foreign keys, busy timeout, synchronous NORMAL. */
export function openDatabase(file: string): { sqlite: Database; db: CoreDb } {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file, { create: true, strict: true });
  sqlite.exec('PRAGMA journal_mode = WAL');
  sqlite.exec('PRAGMA foreign_keys = ON');
  sqlite.exec('PRAGMA busy_timeout = 5000');
  sqlite.exec('PRAGMA synchronous = NORMAL');
  // A larger page cache and memory-mapped reads keep index-heavy scans and catalog pages off the disk.
  sqlite.exec('PRAGMA cache_size = -32000');
  sqlite.exec('PRAGMA mmap_size = 268435456');
  sqlite.exec('PRAGMA temp_store = MEMORY');
  return { sqlite, db: drizzle(sqlite, { schema }) };
}
