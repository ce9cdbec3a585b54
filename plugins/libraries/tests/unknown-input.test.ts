// Query parameters and body fields a route does not declare are a 422 naming them, on every catalog list route
// and on the bodies of library and metadata writes, nested keys included; the caller's auth is still checked first.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, scan } from './harness.ts';

let b: Booted;
let lib: string;
let movieId: string;
let heatId: string;

beforeAll(async () => {
  b = await boot({ probe: false });
  const root = await writeTree(tempDir(), {
    'The Matrix (1999)/The Matrix (1999).mkv': '',
    'Heat (1995)/Heat (1995).mkv': '',
  });
  lib = await createLibrary(b, 'movies', [root]);
  await scan(b, lib);
  movieId = (await get(b, '/v1/movies?q=matrix')).items[0].id;
  heatId = (await get(b, '/v1/movies?q=heat')).items[0].id;
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

const call = (method: string, path: string, body?: unknown, token: string | null = b.token) =>
  b.h.request(method, path, { token, body });

describe('unknown query parameters', () => {
  test.each([
    ['/v1/movies?libraryId=LIB', ['query.libraryId']],
    ['/v1/movies?text=matrix', ['query.text']],
    ['/v1/movies?library=LIB&text=matrix&page=2', ['query.text', 'query.page']],
    ['/v1/movies/recently-added?libraryId=LIB', ['query.libraryId']],
    ['/v1/shows?search=x', ['query.search']],
    ['/v1/shows/recently-added?offset=5', ['query.offset']],
    ['/v1/shows/next-up?page=2', ['query.page']],
    ['/v1/shows/recently-added-episodes?libraryId=LIB', ['query.libraryId']],
    ['/v1/genres?type=movie', ['query.type']],
    ['/v1/metadata/search?q=matrix&type=movie', ['query.type']],
    ['/v1/libraries?offset=20', ['query.offset']],
  ])('%s is a 422 naming %p', async (path, names) => {
    const r = await call('GET', path.replace('LIB', lib));
    expect(r.status).toBe(422);
    expect(r.body.error).toBe('Validation error');
    expect(r.body.details.map((d: any) => d.path)).toEqual(names);
  });

  test('the message lists the parameters the route takes', async () => {
    const r = await call('GET', `/v1/movies?libraryId=${lib}`);
    expect(r.body.details[0].message).toStartWith('Unknown parameter; expected cursor, limit, library,');
  });

  test('declared parameters are still accepted', async () => {
    const page = await get(b, `/v1/movies?library=${lib}&q=matrix&sort=year&order=desc&limit=5`);
    expect(page.items.map((m: any) => m.title)).toEqual(['The Matrix']);
  });

  test('an anonymous caller gets 401, not a 422 about its parameters', async () => {
    expect((await call('GET', '/v1/movies?libraryId=x', undefined, null)).status).toBe(401);
  });
});

describe('unknown body fields', () => {
  test('creating a library with an unknown field is a 422 naming it, and creates nothing', async () => {
    const r = await call('POST', '/v1/libraries', {
      name: 'Bogus',
      kind: 'movies',
      paths: [tempDir()],
      bogus: 1,
    });
    expect(r.status).toBe(422);
    expect(r.body.details).toEqual([
      { path: 'body.bogus', message: 'Unknown field; expected name, kind, paths' },
    ]);
    const names = (await get(b, '/v1/libraries')).items.map((l: any) => l.name);
    expect(names).not.toContain('Bogus');
  });

  test('changing a library with an unknown field is a 422', async () => {
    const r = await call('PATCH', `/v1/libraries/${lib}`, { name: 'Renamed', bogus: 1 });
    expect(r.status).toBe(422);
    expect(r.body.details.map((d: any) => d.path)).toEqual(['body.bogus']);
    expect((await get(b, `/v1/libraries/${lib}`)).name).toBe('Movies');
  });

  test('a scan request with an unknown field is a 422', async () => {
    const r = await call('POST', `/v1/libraries/${lib}/scan`, { forced: true });
    expect(r.status).toBe(422);
    expect(r.body.details.map((d: any) => d.path)).toEqual(['body.forced']);
  });

  test.each([
    ['an edit with only an unknown field', 'PATCH', '', { bogus: 1 }],
    ['an edit with a known and an unknown field', 'PATCH', '', { title: 'X', bogus: 1 }],
    ['an identify with an unknown field', 'POST', '/identify', { providerIds: { tmdb: '603' }, bogus: 1 }],
    ['an unlock with an unknown field', 'POST', '/unlock', { bogus: 1 }],
  ])('%s is a 422 and changes nothing', async (_name, method, suffix, body) => {
    const r = await call(method, `/v1/metadata/${movieId}${suffix}`, body);
    expect(r.status).toBe(422);
    expect(r.body.details.map((d: any) => d.path)).toEqual(['body.bogus']);
    const m = await get(b, `/v1/movies/${movieId}`);
    expect([m.title, m.match.method, m.providerIds]).toEqual(['The Matrix', 'filename', {}]);
  });

  test('an anonymous caller gets 401, not a 422 about its fields', async () => {
    expect((await call('PATCH', `/v1/libraries/${lib}`, { bogus: 1 }, null)).status).toBe(401);
  });
});

describe('unknown nested fields', () => {
  const identify = (body: unknown) => call('POST', `/v1/metadata/${heatId}/identify`, body);

  test('a misspelt provider id is a 422 naming its path, and identifies nothing', async () => {
    const r = await identify({ providerIds: { tmdb: '949', imbd: 'tt0113277' } });
    expect(r.status).toBe(422);
    expect(r.body.details).toEqual([
      { path: 'body.providerIds.imbd', message: 'Unknown field; expected tmdb, imdb, tvdb' },
    ]);
    const m = await get(b, `/v1/movies/${heatId}`);
    expect([m.match.method, m.providerIds]).toEqual(['filename', {}]);
  });

  test('a provider ids value that is no object gets the validation 422, not an unknown field', async () => {
    const r = await identify({ providerIds: 'tt0113277' });
    expect(r.status).toBe(422);
    expect(r.body.details.map((d: any) => d.path)).toEqual(['body.providerIds']);
  });

  test('declared provider ids are still accepted', async () => {
    const r = await identify({ providerIds: { tmdb: '949', imdb: 'tt0113277' } });
    expect(r.status).toBe(200);
    expect(r.body.providerIds).toEqual({ tmdb: '949', imdb: 'tt0113277' });
  });
});

describe('messages of a value out of range', () => {
  test('a rating of 11 names the allowed range', async () => {
    const r = await call('PATCH', `/v1/metadata/${movieId}`, { rating: 11 });
    expect(r.status).toBe(422);
    expect(r.body.details).toEqual([
      { path: 'body.rating', message: 'Expected a number from 0 to 10, or null' },
    ]);
  });

  test('a year that is not a number names the allowed range', async () => {
    const r = await call('PATCH', `/v1/metadata/${movieId}`, { year: 'abc' });
    expect([r.status, r.body.details]).toEqual([
      422,
      [{ path: 'body.year', message: 'Expected an integer from 1800 to 3000, or null' }],
    ]);
  });
});
