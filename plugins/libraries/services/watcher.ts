// Optional filesystem watching: a change under a library's folders schedules a rescan once things settle.
import { type FSWatcher, watch } from 'node:fs';
import type { LibrariesService } from './libraries-service.ts';
import type { Ctx } from './types.ts';

export class LibraryWatcher {
  private readonly watchers = new Map<string, FSWatcher[]>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly ctx: Ctx,
    private readonly svc: LibrariesService,
    private readonly settleMs = 10_000,
  ) {}

  /** Watches every library when `config.watch` is on, nothing otherwise; call again after changes. */
  sync(): void {
    this.stop();
    if (!this.ctx.config.watch) return;
    for (const lib of this.svc.list()) {
      const list: FSWatcher[] = [];
      for (const root of lib.paths) {
        try {
          const w = watch(root, { recursive: true }, () => this.changed(lib.id));
          w.on('error', (err) =>
            this.ctx.log.warn('watch stopped', { library: lib.id, root, error: err.message }),
          );
          list.push(w);
        } catch (err) {
          this.ctx.log.warn('cannot watch folder', { library: lib.id, root, error: (err as Error).message });
        }
      }
      this.watchers.set(lib.id, list);
    }
  }

  private changed(libraryId: string): void {
    clearTimeout(this.timers.get(libraryId));
    this.timers.set(
      libraryId,
      setTimeout(() => {
        this.timers.delete(libraryId);
        if (this.ctx.jobs.running('scan', libraryId)) return this.changed(libraryId);
        try {
          this.svc.startScan(libraryId);
        } catch (err) {
          this.ctx.log.warn('watch-triggered scan not started', {
            library: libraryId,
            error: (err as Error).message,
          });
        }
      }, this.settleMs),
    );
  }

  stop(): void {
    for (const list of this.watchers.values()) for (const w of list) w.close();
    this.watchers.clear();
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
