// One write batch of a scan: a transaction with SQLite's foreign-key enforcement off, which is about a tenth of the
// cost of the scan's INSERTs (each file, credit and genre row looks its parents up). Safe because a batch only refers
// to rows written or read within the same transaction (an item before its files and credits, a person before its
// credits), nothing else runs on the connection while the synchronous transaction does, and the library's own row
// is checked first: a library deleted between two batches (which cancels the scan) fails the next batch instead of
// leaving rows behind. Enforcement is back on when the batch ends, whether it commits or throws. Also which errors
// end a batch (and the scan) rather than one file.
import type { Database } from 'bun:sqlite';

/** The scan of a library that no longer exists (deleted while it ran) cannot write. */
export class LibraryGoneError extends Error {
  constructor(libraryId: string) {
    super(`library ${libraryId} was deleted during the scan`);
  }
}

/** Runs `write` in one transaction without foreign-key enforcement (see the header). */
export function writeScanBatch(sqlite: Database, libraryId: string, write: () => void): void {
  sqlite.query('PRAGMA foreign_keys = OFF').run();
  try {
    sqlite.transaction(() => {
      if (!sqlite.query('SELECT 1 FROM libraries_libraries WHERE id = ?').get(libraryId))
        throw new LibraryGoneError(libraryId);
      write();
    })();
  } finally {
    sqlite.query('PRAGMA foreign_keys = ON').run();
  }
}

/** Any SQLite error but a constraint one (a constraint fails one statement; the transaction goes on). */
export function storageFailed(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') && !code.startsWith('SQLITE_CONSTRAINT');
}
