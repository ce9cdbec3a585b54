// Login throttling: failed sign-ins per IP and per account inside a window; over the limit answers Retry-After.
export interface ThrottleOptions {
  perAccount: number;
  perIp: number;
  windowMs: number;
}

/** Normalised like `AuthService.findByEmail`, so padding or case cannot open a fresh allowance for one account. */
const accountKey = (account: string) => `acct:${account.trim().toLowerCase()}`;

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  constructor(
    private readonly opts: ThrottleOptions = { perAccount: 5, perIp: 20, windowMs: 15 * 60_000 },
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds to wait before another attempt is allowed, or null when allowed. */
  check(ip: string, account: string): number | null {
    const a = this.waitFor(accountKey(account), this.opts.perAccount);
    const i = this.waitFor(`ip:${ip}`, this.opts.perIp);
    const wait = Math.max(a ?? 0, i ?? 0);
    return wait > 0 ? wait : null;
  }

  fail(ip: string, account: string): void {
    for (const k of [accountKey(account), `ip:${ip}`]) {
      const list = this.recent(k);
      list.push(this.now());
      this.failures.set(k, list);
    }
  }

  succeed(account: string): void {
    this.failures.delete(accountKey(account));
  }

  private recent(key: string): number[] {
    const since = this.now() - this.opts.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }

  private waitFor(key: string, max: number): number | null {
    const list = this.recent(key);
    if (list.length < max) return null;
    return Math.max(1, Math.ceil((list[list.length - max] + this.opts.windowMs - this.now()) / 1000));
  }
}
