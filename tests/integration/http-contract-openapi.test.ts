// The HTTP contract of the shell, its documentation: the OpenAPI 3.1 spec (core and plugin routes, each with a
// method, a tag and a response schema; docs routes left out) and Swagger UI served from local assets only.
import { describe, expect, test } from 'bun:test';
import { hostForFile } from './cleanup.ts';

const { h } = await hostForFile({ plugins: ['tests/fixtures/plugins/greeter'] });

const spec = (await h.request('GET', '/v1/openapi.json')).body;
const operations = Object.entries(spec.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ method, path, op })),
);
const DOCS = ['/docs', '/docs/', '/docs/assets/{file}', '/v1/openapi.json'];

describe('OpenAPI', () => {
  test('GET /v1/openapi.json is OpenAPI 3.1', () => {
    expect(String(spec.openapi)).toStartWith('3.1');
  });

  test('the spec documents the core and plugin routes', () => {
    expect(operations.length).toBeGreaterThan(30);
    expect(operations.map((o) => `${o.method} ${o.path}`)).toContain('get /v1/greeter/hello');
  });

  test('the docs routes are left out of the spec', () => {
    expect(operations.filter((o) => DOCS.includes(o.path))).toEqual([]);
  });

  test.each(operations)(
    '$method $path uses an OpenAPI method, a tag and a response schema',
    ({ method, op }) => {
      expect(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']).toContain(method);
      expect(op.tags?.length ?? 0).toBeGreaterThan(0);
      const schemas = Object.values(op.responses ?? {}).map(
        (r: any) => r?.content?.['application/json']?.schema,
      );
      expect(schemas.some((s) => s && typeof s === 'object')).toBe(true);
    },
  );
});

describe('Swagger UI', () => {
  const page = async (path: string) => String((await h.request('GET', path)).body);
  const assetsOf = (html: string) => [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);

  test('GET /docs is HTML that loads Swagger UI from /docs/assets/ only', async () => {
    const r = await h.request('GET', '/docs');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/html');
    const assets = assetsOf(String(r.body));
    expect(assets.some((a) => a.endsWith('swagger-ui-bundle.js'))).toBe(true);
    for (const a of assets) expect(a).toStartWith('/docs/assets/');
    expect(String(r.body)).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
  });

  test('every asset the docs page references answers 200', async () => {
    for (const a of assetsOf(await page('/docs'))) {
      const res = await h.app.handle(new Request(`http://localhost${a}`));
      expect([a, res.status]).toEqual([a, 200]);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  });

  test('an asset name outside the allowed two is 404', async () => {
    expect((await h.request('GET', '/docs/assets/..%2F..%2Fpackage.json')).status).toBe(404);
  });

  test.each(['/docs', '/docs/'])('the page at %s finds the spec', async (at) => {
    const url = /"url":"([^"]+)"/.exec(await page(at))?.[1];
    expect(url).toBeDefined();
    const r = await h.request('GET', new URL(url!, `http://localhost${at}`).pathname);
    expect(r.status).toBe(200);
    expect(String(r.body.openapi)).toStartWith('3.1');
  });
});
