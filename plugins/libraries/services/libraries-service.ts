// Libraries: create/update/delete with path checks, scans as jobs (one per library at a time), scan status, stats.
import { HttpError } from '@bijou/sdk';
import { eq } from 'drizzle-orm';
import { nanoid } from 'nanoid';
import type { ScanStatus } from '../api.ts';
import { nameTakenBy } from '../lib/library-input.ts';
import * as schema from '../schema.ts';
import { dropFilesOutside } from './folders-changed.ts';
import { checkPaths } from './library-folders.ts';
import { idleScanStatus, storedScanStatus } from './scan-types.ts';
import { type ScanPhase, scanLibrary } from './scanner.ts';
import type { Ctx } from './types.ts';

export type LibraryRow = typeof schema.libraries.$inferSelect;

export class LibrariesService {
  /** Status of running scans, and of finished ones whose summary could not be stored. */
  readonly status = new Map<string, ScanStatus>();
  /** Called after a library is created, changed or deleted (the watcher re-subscribes). */
  onChange: () => void = () => {};
  constructor(private readonly ctx: Ctx) {}

  list(): LibraryRow[] {
    return this.ctx.db.select().from(schema.libraries).orderBy(schema.libraries.name).all();
  }

  get(id: string): LibraryRow {
    const row = this.ctx.db.select().from(schema.libraries).where(eq(schema.libraries.id, id)).get();
    if (!row) throw new HttpError(404, 'Library not found');
    return row;
  }

  /** A new library's or `self`'s new folders checked (422, `checkPaths`) and name free (409, `nameTakenBy`). */
  private checked(input: { name?: string; paths?: string[] }, self?: LibraryRow): string[] | undefined {
    const all = this.list();
    const r =
      input.paths &&
      checkPaths(
        input.paths,
        all.filter((l) => l.id !== self?.id),
      );
    if (r?.length && typeof r[0] !== 'string') throw new HttpError(422, 'Validation error', {}, r);
    const taken = input.name === undefined ? undefined : nameTakenBy(all, input.name, self);
    if (taken) throw new HttpError(409, `a library named ${JSON.stringify(taken.name)} already exists`);
    return r as string[] | undefined;
  }

  create(input: { name: string; kind: 'movies' | 'shows'; paths: string[] }): LibraryRow {
    const paths = this.checked(input) as string[];
    const now = new Date().toISOString();
    const row: LibraryRow = {
      id: nanoid(),
      name: input.name.trim(),
      kind: input.kind,
      paths,
      createdAt: now,
      updatedAt: now,
      lastScanAt: null,
      lastScan: null,
    };
    this.ctx.db.insert(schema.libraries).values(row).run();
    this.onChange();
    return row;
  }

  /** Renames a library or changes its folders (409 while it scans); rows outside new folders leave its catalog. */
  update(id: string, patch: { name?: string; paths?: string[] }): LibraryRow {
    const cur = this.get(id);
    const paths = this.checked(patch, cur) ?? cur.paths;
    const moved = paths.length !== cur.paths.length || paths.some((p) => !cur.paths.includes(p));
    const running = moved ? this.ctx.jobs.running('scan', id) : null;
    if (running)
      throw new HttpError(409, `Library is scanning (job ${running}); change its folders when it ends`);
    const now = new Date().toISOString();
    const missing = this.ctx.sqlite.transaction(() => {
      this.ctx.db
        .update(schema.libraries)
        .set({ name: patch.name?.trim() ?? cur.name, paths, updatedAt: now })
        .where(eq(schema.libraries.id, id))
        .run();
      return moved ? dropFilesOutside(this.ctx.sqlite, id, paths, now) : [];
    })();
    this.onChange();
    if (missing.length)
      this.ctx.events.emit(
        'libraries.items.changed',
        { libraryId: id, added: [], updated: [], missing, restored: [], removed: [] },
        'all',
      );
    return this.get(id);
  }

  /** Removes the library's catalog rows (never files on disk); cancels a running scan first. */
  delete(id: string): void {
    this.get(id);
    const running = this.ctx.jobs.running('scan', id);
    if (running) this.ctx.jobs.cancel(running);
    const ids = this.ctx.sqlite
      .query<{ id: string }, [string]>('SELECT id FROM libraries_items WHERE library_id = ?')
      .all(id)
      .map((r) => r.id);
    this.ctx.db.delete(schema.libraries).where(eq(schema.libraries.id, id)).run();
    this.status.delete(id);
    this.onChange();
    this.announce(id, { removed: ids });
  }

  /** Tells listeners (search, clients) which items changed, in chunks so no event carries a huge payload. */
  announce(libraryId: string, change: { updated?: string[]; removed?: string[] }): void {
    const all = [
      ...(change.updated ?? []).map((x) => ['updated', x]),
      ...(change.removed ?? []).map((x) => ['removed', x]),
    ];
    for (let i = 0; i < all.length; i += 1000) {
      const part = all.slice(i, i + 1000);
      const pick = (k: string) => part.filter(([kind]) => kind === k).map(([, x]) => x);
      this.ctx.events.emit(
        'libraries.items.changed',
        {
          libraryId,
          added: [],
          updated: pick('updated'),
          missing: [],
          restored: [],
          removed: pick('removed'),
        },
        'all',
      );
    }
  }

  /** The running scan's status (or an unstored summary), else the last stored one (a failed scan stays visible). */
  scanStatus(id: string): ScanStatus {
    const running = this.status.get(id);
    if (running) return running;
    return storedScanStatus(this.get(id).lastScan as Partial<ScanStatus> | null);
  }

  /** Starts a scan job; 409 while that library is already scanning. */
  startScan(id: string, opts: { force?: boolean } = {}): string {
    const lib = this.get(id);
    const running = this.ctx.jobs.running('scan', id);
    if (running) throw new HttpError(409, `Library is already scanning (job ${running})`);
    const r = this.ctx.jobs.start('scan', {
      key: id,
      handler: (job) => this.runScan(lib, job, opts.force ?? false),
    });
    if (!r.ok) throw new HttpError(409, `Library is already scanning (job ${r.runId})`);
    return r.runId;
  }

  private async runScan(
    lib: LibraryRow,
    job: { runId: string; signal: AbortSignal; progress(f: number, note?: string): void },
    force: boolean,
  ): Promise<void> {
    const { ctx } = this;
    const st: ScanStatus = {
      ...idleScanStatus(),
      state: 'scanning',
      phase: 'walking',
      startedAt: new Date().toISOString(),
      jobId: job.runId,
    };
    this.status.set(lib.id, st);
    ctx.events.emit('libraries.scan.started', { libraryId: lib.id, jobId: job.runId }, 'all');
    let last = 0;
    let lastPhase: ScanPhase | null = null;
    try {
      // Stored before anything is written: a scan that never finishes (the process dies) leaves 'scanning' behind, and
      // the next scan owes the reconcile it did not run, as after a cancelled or failed one.
      const before = (lib.lastScan as Partial<ScanStatus> | null) ?? {};
      ctx.db
        .update(schema.libraries)
        .set({ lastScan: { ...before, state: 'scanning' } as never })
        .where(eq(schema.libraries.id, lib.id))
        .run();
      const result = await scanLibrary(ctx.sqlite, lib, {
        force,
        reconcileOwed:
          before.state === 'scanning' || before.state === 'cancelled' || before.state === 'failed',
        signal: job.signal,
        warn: (msg, fields) => ctx.log.warn(msg, { library: lib.id, ...fields }),
        progress: (phase, fraction, counts) => {
          // Never backwards, whatever a phase reports.
          const progress = Math.max(st.progress, Math.min(1, fraction));
          Object.assign(st, { phase, progress, counts: { ...counts } });
          job.progress(progress, `${phase}: ${counts.files} files found, ${counts.processed} processed`);
          const now = Date.now();
          // A new phase is always published; repeated reports of one phase at most every 200 ms.
          if (phase === lastPhase && now - last < 200) return;
          last = now;
          lastPhase = phase;
          ctx.events.emit(
            'libraries.scan.progressed',
            { libraryId: lib.id, jobId: job.runId, phase, progress: st.progress, counts: { ...counts } },
            'all',
          );
        },
      });
      Object.assign(st, { state: 'idle', phase: 'done', progress: 1, finishedAt: new Date().toISOString() });
      if (ctx.config.probe)
        for (const fileId of result.changedFileIds)
          ctx.queue.enqueue('probe', { fileId }, { dedupeKey: fileId });
      const { added, updated, missing, restored, removed } = result;
      if (added.length + updated.length + missing.length + restored.length + removed.length) {
        ctx.events.emit(
          'libraries.items.changed',
          { libraryId: lib.id, added, updated, missing, restored, removed },
          'all',
        );
      }
    } catch (err) {
      Object.assign(st, {
        state: job.signal.aborted ? 'cancelled' : 'failed',
        error: (err as Error).message,
        finishedAt: new Date().toISOString(),
      });
      if (!job.signal.aborted) throw err;
    } finally {
      const summary = { ...st };
      try {
        ctx.db
          .update(schema.libraries)
          .set({ lastScanAt: st.finishedAt ?? new Date().toISOString(), lastScan: summary as never })
          .where(eq(schema.libraries.id, lib.id))
          .run();
        this.status.delete(lib.id);
      } catch (err) {
        // Not stored (the disk is full): kept here, so the library still tells how its scan ended.
        this.status.set(lib.id, summary);
        ctx.log.error('scan summary not stored', { library: lib.id, err });
      }
      ctx.events.emit(
        'libraries.scan.finished',
        { libraryId: lib.id, jobId: job.runId, state: st.state, counts: st.counts, error: st.error },
        'all',
      );
    }
  }
}
