// A size-bounded LRU of serialised pages that empties itself whenever a change stamp (e.g. the database's write
// counter) differs from the one its pages were built under. IO-free: the stamp comes from the caller.

/** Pages are strings (sized by length) or Blobs (sized in bytes). */
type Page = string | Blob;
const sizeOf = (p: Page) => (typeof p === 'string' ? p.length : p.size);

export class PageCache<P extends Page = string> {
  private readonly pages = new Map<string, P>();
  private stamp: string | number | null = null;
  private bytes = 0;

  constructor(
    private readonly currentStamp: () => string | number,
    private readonly maxBytes = 8 * 1024 * 1024,
  ) {}

  /** The page stored under `key`, or `build()`'s result (stored for later) when it is absent or stale. */
  get(key: string, build: () => P): P {
    const stamp = this.currentStamp();
    if (stamp !== this.stamp) this.clear(stamp);
    const hit = this.pages.get(key);
    if (hit !== undefined) {
      // Map keeps insertion order: re-inserting marks the page most recently used.
      this.pages.delete(key);
      this.pages.set(key, hit);
      return hit;
    }
    const body = build();
    // A build that wrote (or ran while something else wrote) must not be stored under the old stamp.
    const size = sizeOf(body);
    if (this.currentStamp() !== stamp || size > this.maxBytes) return body;
    this.pages.set(key, body);
    this.bytes += size;
    for (const [k, v] of this.pages) {
      if (this.bytes <= this.maxBytes) break;
      this.pages.delete(k);
      this.bytes -= sizeOf(v);
    }
    return body;
  }

  /** Keys of the pages held, least recently used first (for tests and diagnostics). */
  keys(): string[] {
    return [...this.pages.keys()];
  }

  private clear(stamp: string | number): void {
    this.pages.clear();
    this.bytes = 0;
    this.stamp = stamp;
  }
}
