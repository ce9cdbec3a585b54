// The HTTP surface: auth per route, validation errors (422), bad cursors (400), admin-only status and reindex,
// and the reindex job's record at /v1/jobs.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { insertLibrary, insertTitles } from './catalog.ts';
import { MOVIES } from './fixture.ts';
import { type Booted, boot, reindex, titles } from './harness.ts';

let b: Booted;
let user: string;
beforeAll(async () => {
  b = await boot();
  insertTitles(b.h.core.sqlite, insertLibrary(b.h.core.sqlite), MOVIES);
  await reindex(b);
  user = (await b.h.user()).token;
});
afterAll(() => b.h.stop());

describe('auth', () => {
  test.each([
    ['GET', '/v1/search?q=matrix', null, 401],
    ['GET', '/v1/search/suggestions?q=mat', null, 401],
    ['GET', '/v1/search/status', null, 401],
    ['GET', '/v1/search/status', 'user', 403],
    ['POST', '/v1/search/reindex', 'user', 403],
    ['GET', '/v1/search?q=matrix', 'user', 200],
    ['GET', '/v1/search/suggestions?q=mat', 'user', 200],
  ])('%s %s as %p → %p', async (method, path, who, status) => {
    const r = await b.h.request(method, path, { token: who === 'user' ? user : null });
    expect(r.status).toBe(status);
  });
});

describe('validation', () => {
  test.each([
    ['no query', '/v1/search', 'query.q'],
    ['empty query', '/v1/search?q=', 'query.q'],
    ['query too long', `/v1/search?q=${'a'.repeat(201)}`, 'query.q'],
    ['limit 0', '/v1/search?q=a&limit=0', 'query.limit'],
    ['limit 101', '/v1/search?q=a&limit=101', 'query.limit'],
    ['malformed types', '/v1/search?q=a&types=Movie!', 'query.types.0'],
    ['unknown type', '/v1/search?q=a&types=movie,spaceship', 'query.types'],
    ['suggestions without a query', '/v1/search/suggestions', 'query.q'],
  ])('%s → 422 naming %p', async (_name, path, field) => {
    const r = await b.h.request('GET', path, { token: user });
    expect(r.status).toBe(422);
    expect(r.body.details.map((d: any) => d.path)).toContain(field);
  });

  test('types comma-separated or repeated narrow the results alike', async () => {
    const get = async (path: string) => (await b.h.request('GET', path, { token: user })).body.items;
    for (const path of ['/v1/search?q=keanu', '/v1/search/suggestions?q=kea']) {
      const listed = await get(`${path}&types=person,show`);
      expect(listed.length).toBeGreaterThan(0);
      expect(listed.every((i: any) => ['person', 'show'].includes(i.type))).toBe(true);
      expect(await get(`${path}&types=person&types=show`)).toEqual(listed);
    }
  });

  test.each([
    ['garbage', 'not-a-cursor'],
    ['another list’s cursor', Buffer.from(JSON.stringify(['2024-01-01', 'id'])).toString('base64url')],
  ])('a %s cursor is a 400', async (_name, cursor) => {
    const r = await b.h.request('GET', `/v1/search?q=matrix&cursor=${cursor}`, { token: user });
    expect(r).toMatchObject({ status: 400, body: { error: 'Invalid cursor' } });
  });

  test('a query of only symbols is a valid, empty search', async () => {
    const r = await b.h.request('GET', `/v1/search?q=${encodeURIComponent('%$#')}`, { token: user });
    expect(r).toMatchObject({ status: 200, body: { items: [], nextCursor: null } });
  });
});

describe('status and reindex', () => {
  test('status reports FTS5 with its counts when Meilisearch is not configured', async () => {
    const r = await b.h.request('GET', '/v1/search/status', { token: b.token });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      engine: 'fts5',
      meilisearch: { configured: false, state: 'off', fallback: false, url: null },
      reindex: { running: false, runId: null },
    });
    expect(r.body.fts5.documents).toBeGreaterThan(MOVIES.length);
    expect(r.body.fts5.terms).toBeGreaterThan(0);
  });

  test('a forced reindex runs as a job with progress and gives the same results', async () => {
    const before = await titles(b, 'matrx');
    const run = await reindex(b, true);
    expect(run).toMatchObject({ pluginId: 'search', jobId: 'reindex', state: 'succeeded', progress: 1 });
    expect(await titles(b, 'matrx')).toEqual(before);
  });
});
