// RateLimiter (core/src/http/rate-limit.ts) and LoginThrottle (core/src/auth/throttle.ts) driven by an injected
// clock: allowances, Retry-After seconds, windows, and which keys share an allowance.
import { describe, expect, test } from 'bun:test';
import { LoginThrottle } from '../../core/src/auth/throttle.ts';
import { RateLimiter } from '../../core/src/http/rate-limit.ts';

function clock(start = 1_000_000) {
  let t = start;
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

describe('RateLimiter', () => {
  test.each([1, 3, 100])('allows %i hits in a window', (max) => {
    const limiter = new RateLimiter(max, 60_000, clock().now);
    const results = Array.from({ length: max }, () => limiter.hit('a'));
    expect(results.every((r) => r === null)).toBe(true);
  });

  test.each([
    [0, 60],
    [1_000, 59],
    [59_001, 1],
    [59_999, 1],
  ])('the hit over the limit at +%ims waits %i seconds', (elapsed, seconds) => {
    const c = clock();
    const limiter = new RateLimiter(2, 60_000, c.now);
    limiter.hit('a');
    c.advance(elapsed);
    limiter.hit('a');
    expect(limiter.hit('a')).toBe(seconds);
  });

  test('a new window starts once the old one has passed', () => {
    const c = clock();
    const limiter = new RateLimiter(1, 60_000, c.now);
    limiter.hit('a');
    c.advance(60_000);
    expect(limiter.hit('a')).toBeNull();
  });

  test('keys have separate allowances', () => {
    const limiter = new RateLimiter(1, 60_000, clock().now);
    limiter.hit('a');
    expect(limiter.hit('b')).toBeNull();
  });

  test('reset gives a key its full allowance back', () => {
    const limiter = new RateLimiter(1, 60_000, clock().now);
    limiter.hit('a');
    limiter.reset('a');
    expect(limiter.hit('a')).toBeNull();
  });

  test('hits refused over the limit do not extend the window', () => {
    const c = clock();
    const limiter = new RateLimiter(1, 60_000, c.now);
    limiter.hit('a');
    for (let i = 0; i < 10; i++) {
      c.advance(5_000);
      limiter.hit('a');
    }
    c.advance(10_000);
    expect(limiter.hit('a')).toBeNull();
  });
});

const opts = { perAccount: 3, perIp: 5, windowMs: 60_000 };

function failTimes(th: LoginThrottle, n: number, ip: string, account: string) {
  for (let i = 0; i < n; i++) th.fail(ip, account);
}

describe('LoginThrottle', () => {
  test('allows sign-in while an account has fewer failures than its limit', () => {
    const th = new LoginThrottle(opts, clock().now);
    failTimes(th, 2, '1.1.1.1', 'a@x');
    expect(th.check('1.1.1.1', 'a@x')).toBeNull();
  });

  test('blocks an account at its failure limit and says how long to wait', () => {
    const th = new LoginThrottle(opts, clock().now);
    failTimes(th, 3, '1.1.1.1', 'a@x');
    expect(th.check('1.1.1.1', 'a@x')).toBe(60);
  });

  test('an account block applies from every address', () => {
    const th = new LoginThrottle(opts, clock().now);
    failTimes(th, 3, '1.1.1.1', 'a@x');
    expect(th.check('2.2.2.2', 'a@x')).toBe(60);
  });

  test.each(['A@X', ' a@x', 'a@x  ', '\tA@x\n'])(
    'the account %p shares the allowance of "a@x"',
    (variant) => {
      const th = new LoginThrottle(opts, clock().now);
      failTimes(th, 3, '1.1.1.1', 'a@x');
      expect(th.check('1.1.1.1', variant)).toBe(60);
    },
  );

  test('failures spread over accounts block the address at its limit', () => {
    const th = new LoginThrottle(opts, clock().now);
    for (let i = 0; i < 5; i++) th.fail('1.1.1.1', `user${i}@x`);
    expect(th.check('1.1.1.1', 'fresh@x')).toBe(60);
  });

  test('the address limit does not block other addresses', () => {
    const th = new LoginThrottle(opts, clock().now);
    for (let i = 0; i < 5; i++) th.fail('1.1.1.1', `user${i}@x`);
    expect(th.check('2.2.2.2', 'fresh@x')).toBeNull();
  });

  test('the wait counts down from the oldest failure that still counts', () => {
    const c = clock();
    const th = new LoginThrottle(opts, c.now);
    th.fail('1.1.1.1', 'a@x');
    c.advance(20_000);
    failTimes(th, 2, '1.1.1.1', 'a@x');
    expect(th.check('1.1.1.1', 'a@x')).toBe(40);
  });

  test('failures older than the window stop counting', () => {
    const c = clock();
    const th = new LoginThrottle(opts, c.now);
    failTimes(th, 3, '1.1.1.1', 'a@x');
    c.advance(60_000);
    expect(th.check('1.1.1.1', 'a@x')).toBeNull();
  });

  test('a success clears the account failures', () => {
    const th = new LoginThrottle(opts, clock().now);
    failTimes(th, 2, '1.1.1.1', 'a@x');
    th.succeed('a@x');
    th.fail('1.1.1.1', 'a@x');
    th.fail('1.1.1.1', 'a@x');
    expect(th.check('1.1.1.1', 'a@x')).toBeNull();
  });

  test('a success does not clear the address failures', () => {
    const th = new LoginThrottle(opts, clock().now);
    for (let i = 0; i < 5; i++) th.fail('1.1.1.1', `user${i}@x`);
    th.succeed('user0@x');
    expect(th.check('1.1.1.1', 'fresh@x')).toBe(60);
  });
});
