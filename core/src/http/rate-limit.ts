// Fixed-window request limiter keyed by client; answers with the seconds until the window resets.
export class RateLimiter {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();
  private lastSweep = 0;

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one hit; returns null when allowed, or the Retry-After seconds when over the limit. */
  hit(key: string): number | null {
    const t = this.now();
    if (t - this.lastSweep > this.windowMs) this.sweep(t);
    let e = this.hits.get(key);
    if (!e || e.resetAt <= t) {
      e = { count: 0, resetAt: t + this.windowMs };
      this.hits.set(key, e);
    }
    e.count += 1;
    if (e.count <= this.max) return null;
    return Math.max(1, Math.ceil((e.resetAt - t) / 1000));
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  private sweep(t: number): void {
    this.lastSweep = t;
    for (const [k, e] of this.hits) if (e.resetAt <= t) this.hits.delete(k);
  }
}
