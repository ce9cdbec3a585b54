// The server serves the built web client at `/`: index.html for client routes, cached hashed assets, and API
// prefixes that stay 404 JSON; the routes are public and hidden from OpenAPI. These files and the API docs' assets
// answer HEAD as GET, with validators and byte ranges and no Content-Range on a whole file.
import { afterAll, describe, expect, test } from 'bun:test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getAndHead } from '@bijou/sdk/testing';
import { createApp } from '../../core/src/app.ts';

const tmp = mkdtempSync(join(tmpdir(), 'bijou-web-'));
const web = join(tmp, 'dist');
mkdirSync(join(web, 'assets'), { recursive: true });
writeFileSync(join(web, 'index.html'), '<!doctype html><title>Bijou</title><div id="app"></div>');
writeFileSync(join(web, 'assets', 'main-abc123.js'), 'console.log(1);');
writeFileSync(join(tmp, 'secret.txt'), 'outside');
const bijou = await createApp({
  env: { BIJOU_DATA_DIR: join(tmp, 'data'), BIJOU_LOG_LEVEL: 'error' },
  firstParty: [],
  webDir: web,
});
afterAll(async () => {
  await bijou.stop();
  rmSync(tmp, { recursive: true, force: true });
});

const get = (path: string) => bijou.app.handle(new Request(`http://localhost${path}`));

test.each([
  '/',
  '/movie/abc',
  '/library/x/y',
  '/setup',
  // The client reads its own query (filters, a start time): the shell takes any.
  '/library/x?genre=Drama&sort=year',
  '/play/abc?t=30&file=f1',
  '/?utm_source=x&utm_source=y',
])('%s answers the app shell', async (path) => {
  const r = await get(path);
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toContain('text/html');
  expect(r.headers.get('cache-control')).toBe('no-cache');
  expect(await r.text()).toContain('<div id="app">');
});

test('a hashed asset is served with its type and a long cache lifetime', async () => {
  const r = await get('/assets/main-abc123.js');
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toContain('text/javascript');
  expect(r.headers.get('cache-control')).toContain('immutable');
  expect(await r.text()).toBe('console.log(1);');
});

test.each(['/v1/no-such-thing', '/v1', '/api/nope', '/docs/nope', '/assets/missing.js', '/favicon.ico'])(
  '%s is a 404 JSON error, not the app shell',
  async (path) => {
    const r = await get(path);
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toContain('application/json');
    expect(await r.json()).toEqual({ error: expect.any(String) });
  },
);

test('paths cannot escape the web folder', async () => {
  for (const path of ['/..%2Fsecret.txt', '/assets/..%2F..%2Fsecret.txt', '/%2e%2e/secret.txt']) {
    const r = await get(path);
    expect(await r.text()).not.toContain('outside');
  }
});

test('API routes and the docs keep working next to the catch-all', async () => {
  expect((await get('/v1/setup')).status).toBe(200);
  expect((await get('/docs')).headers.get('content-type')).toContain('text/html');
  expect((await get('/docs?urls.primaryName=x')).status).toBe(200);
  const spec = (await (await get('/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
  expect(Object.keys(spec.paths).filter((p) => !p.startsWith('/v1/') && !p.startsWith('/api/'))).toEqual([]);
});

describe.each(['/assets/main-abc123.js', '/library/x', '/docs/assets/swagger-ui.css'])('%s', (path) => {
  test.each<[string, Record<string, string>, number]>([
    ['no Range', {}, 200],
    ['Range bytes=0-3', { range: 'bytes=0-3' }, 206],
    ['a Range past the end', { range: 'bytes=99999999-' }, 416],
  ])('HEAD with %s answers as GET, without the body', async (_name, headers, status) => {
    const { get, head, expected } = await getAndHead(
      (r) => bijou.app.handle(r),
      `http://localhost${path}`,
      headers,
    );
    expect(get.status).toBe(status);
    expect(head).toEqual(expected);
  });

  test('the whole file is a 200 with Accept-Ranges, its length and an ETag, and no Content-Range', async () => {
    const r = await get(path);
    const bytes = (await r.arrayBuffer()).byteLength;
    expect(r.status).toBe(200);
    expect(r.headers.get('accept-ranges')).toBe('bytes');
    expect(r.headers.get('content-length')).toBe(String(bytes));
    expect(r.headers.get('content-range')).toBeNull();
    const etag = r.headers.get('etag')!;
    expect(etag).toMatch(/^"[^"]+"$/);
    const again = await bijou.app.handle(
      new Request(`http://localhost${path}`, { headers: { 'if-none-match': etag } }),
    );
    expect(again.status).toBe(304);
  });
});
