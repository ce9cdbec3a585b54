// The HTTP contract of the shell, its rate limit (here 5 a minute): 429 with a numeric Retry-After, stream
// requests not counted, made-up tokens opening no fresh allowance, and signed-in clients counted apart.
import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createTestHost, type TestHost } from '../../core/sdk/testing.ts';

const setupBody = {
  serverName: 'Home',
  name: 'Admin',
  email: 'owner@example.com',
  password: 'owner-password',
};

describe('rate limit (5 per minute)', () => {
  let rl: TestHost;
  beforeEach(async () => {
    rl = await createTestHost({ env: { BIJOU_RATE_LIMIT: '5' } });
  });
  afterEach(() => rl.stop());

  const statuses = async (n: number, path: string, token?: string) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push((await rl.request('GET', path, { token })).status);
    return out;
  };

  test('the 6th request in a minute is 429 with a numeric Retry-After', async () => {
    expect(await statuses(5, '/v1/health')).toEqual([200, 200, 200, 200, 200]);
    const r = await rl.request('GET', '/v1/health');
    expect(r.status).toBe(429);
    expect(r.body).toEqual({ error: expect.any(String) });
    expect(r.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(Number(r.headers.get('retry-after'))).toBeLessThanOrEqual(60);
  });

  test('requests under /api/stream/ are not counted', async () => {
    const stream = await statuses(20, '/api/stream/session-1/720p/segment-1.ts');
    expect(stream).not.toContain(429);
    expect(await statuses(5, '/v1/health')).toEqual([200, 200, 200, 200, 200]);
  });

  test('made-up bearer tokens do not open fresh allowances', async () => {
    const out: number[] = [];
    for (let i = 0; i < 6; i++)
      out.push((await rl.request('GET', '/v1/health', { token: `fake-${i}` })).status);
    expect(out).toEqual([200, 200, 200, 200, 200, 429]);
  });

  test('a signed-in client is counted apart from anonymous traffic on its address', async () => {
    const token = (await rl.request('POST', '/v1/setup', { body: setupBody })).body.token as string;
    await statuses(5, '/v1/health');
    expect((await rl.request('GET', '/v1/health')).status).toBe(429);
    expect((await rl.request('GET', '/v1/health', { token })).status).toBe(200);
  });
});
