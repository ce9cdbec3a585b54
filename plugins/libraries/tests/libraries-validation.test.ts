// /v1/libraries input the schema alone let through (blank or control-character names, a name another library has,
// relative folders, a change of kind, a change of nothing, a scan body that is malformed or not an object) and the
// library list's cursor pages.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { encodeCursor } from '@bijou/sdk';
import { removeTemps, tempDir } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, listAll, waitForScan } from './harness.ts';

let b: Booted;
let lib: string;

beforeAll(async () => {
  b = await boot({ probe: false });
  lib = await createLibrary(b, 'movies', [tempDir()], 'Films');
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

const post = (body: unknown) => b.h.request('POST', '/v1/libraries', { token: b.token, body });
const patch = (body: unknown) => b.h.request('PATCH', `/v1/libraries/${lib}`, { token: b.token, body });
const names = async () => (await listAll(b, '/v1/libraries')).map((l) => l.name);

describe('names', () => {
  test.each([
    ['of spaces only', '   ', 'Must not be blank'],
    ['with a NUL', 'Fi\u0000lms', 'Must not contain control characters (such as newlines)'],
    ['with a newline', 'Films\nTV', 'Must not contain control characters (such as newlines)'],
  ])('a name %s is a 422 on create and on rename, and nothing changes', async (_what, name, message) => {
    const before = await names();
    const created = await post({ name, kind: 'movies', paths: [tempDir()] });
    expect([created.status, created.body.details]).toEqual([422, [{ path: 'body.name', message }]]);
    const renamed = await patch({ name });
    expect([renamed.status, renamed.body.details]).toEqual([422, [{ path: 'body.name', message }]]);
    expect(await names()).toEqual(before);
  });
});

describe('a name another library has', () => {
  const taken = { error: 'a library named "Films" already exists' };

  test.each([
    ['the same', 'Films'],
    ['in another case, with spaces around it', '  fILMS '],
  ])('%s name is a 409 on create, and nothing is created', async (_what, name) => {
    const before = await names();
    const r = await post({ name, kind: 'shows', paths: [tempDir()] });
    expect([r.status, r.body]).toEqual([409, taken]);
    expect(await names()).toEqual(before);
  });

  test('a name in another Unicode form (decomposed accents) is the same name', async () => {
    const id = await createLibrary(b, 'movies', [tempDir()], 'Cinéma');
    const r = await post({ name: 'Cine\u0301ma', kind: 'movies', paths: [tempDir()] });
    expect([r.status, r.body]).toEqual([409, { error: 'a library named "Cinéma" already exists' }]);
    expect((await b.h.request('DELETE', `/v1/libraries/${id}`, { token: b.token })).status).toBe(200);
  });

  test('renaming a library to the name of another is a 409, and neither changes', async () => {
    const other = await createLibrary(b, 'shows', [tempDir()], 'Series');
    const r = await b.h.request('PATCH', `/v1/libraries/${other}`, {
      token: b.token,
      body: { name: 'films ' },
    });
    expect([r.status, r.body]).toEqual([409, taken]);
    expect((await get(b, `/v1/libraries/${other}`)).name).toBe('Series');
    expect((await get(b, `/v1/libraries/${lib}`)).name).toBe('Films');
    expect((await b.h.request('DELETE', `/v1/libraries/${other}`, { token: b.token })).status).toBe(200);
  });

  test('libraries named alike in an older database keep working: listed, changed, renamed apart', async () => {
    const now = new Date().toISOString();
    b.h.core.sqlite.run(
      `INSERT INTO libraries_libraries (id, name, kind, paths, created_at, updated_at) VALUES ('old-twin', 'films', 'movies', ?, ?, ?)`,
      [JSON.stringify([tempDir()]), now, now],
    );
    expect((await listAll(b, '/v1/libraries')).filter((l) => l.name.toLowerCase() === 'films')).toHaveLength(
      2,
    );
    const twin = (body: unknown) => b.h.request('PATCH', '/v1/libraries/old-twin', { token: b.token, body });
    // A client sending the whole form back (name unchanged) to change the folders.
    expect((await twin({ name: 'films', paths: [tempDir()] })).status).toBe(200);
    expect((await twin({ name: 'Films ' })).status).toBe(200);
    expect((await twin({ name: 'Old films' })).body.name).toBe('Old films');
    expect((await twin({ name: 'Films' })).status).toBe(409);
    expect((await b.h.request('DELETE', '/v1/libraries/old-twin', { token: b.token })).status).toBe(200);
  });

  test('a library may be renamed to its own name in another case, and keep its name while its folders change', async () => {
    expect((await patch({ name: 'FILMS' })).body.name).toBe('FILMS');
    expect((await patch({ name: 'Films', paths: [tempDir()] })).status).toBe(200);
    expect((await get(b, `/v1/libraries/${lib}`)).name).toBe('Films');
  });
});

describe('paths', () => {
  test('a relative path is a 422 saying it must be absolute, however the server was started', async () => {
    const r = await post({ name: 'Relative', kind: 'movies', paths: ['plugins'] });
    expect(r.status).toBe(422);
    expect(r.body.details).toEqual([{ path: 'body.paths.0', message: 'plugins is not an absolute path' }]);
    const p = await patch({ paths: ['./plugins'] });
    expect(p.body.details).toEqual([{ path: 'body.paths.0', message: './plugins is not an absolute path' }]);
    expect(await names()).not.toContain('Relative');
  });
});

describe('changes', () => {
  test('changing the kind is a 422 saying the kind cannot be changed', async () => {
    const r = await patch({ kind: 'shows' });
    expect(r.status).toBe(422);
    expect(r.body.details).toEqual([
      { path: 'body.kind', message: 'The kind of a library cannot be changed; create a new library instead' },
    ]);
    expect((await get(b, `/v1/libraries/${lib}`)).kind).toBe('movies');
  });

  test('an empty change is a 422 saying what can be changed', async () => {
    const r = await patch({});
    expect(r.status).toBe(422);
    expect(r.body.details).toEqual([{ path: 'body', message: 'Nothing to change; expected name or paths' }]);
  });
});

describe('the scan body', () => {
  const scanRuns = async () => (await get(b, '/v1/jobs/runs?pluginId=libraries&jobId=scan')).items.length;
  const scanWith = (body: string) =>
    b.h.request('POST', `/v1/libraries/${lib}/scan`, {
      token: b.token,
      body,
      headers: { 'content-type': 'application/json' },
    });

  test.each([
    ['malformed JSON', 400, '{"force":', undefined],
    ['a string', 422, '"str"', ['body']],
    ['an array', 422, '[]', ['body']],
    ['null', 422, 'null', ['body']],
    ['a wrongly typed force', 422, '{"force":"yes"}', ['body.force']],
  ])('%s is a %d and starts no scan', async (_what, status, body, paths) => {
    const r = await scanWith(body);
    expect([r.status, r.body.details?.map((d: { path: string }) => d.path)]).toEqual([status, paths]);
    expect(await scanRuns()).toBe(0);
  });

  test('no bytes at all is no body: a scan starts', async () => {
    const r = await scanWith('');
    expect(r.status).toBe(202);
    await waitForScan(b, lib, r.body.jobId);
    expect(await scanRuns()).toBe(1);
  });
});

describe('listing in pages', () => {
  beforeAll(async () => {
    for (let i = 1; i <= 20; i++)
      await createLibrary(b, 'movies', [tempDir()], `Lib ${String(i).padStart(2, '0')}`);
  });

  test('limit=2 gives two libraries by name and a cursor', async () => {
    const page = await get(b, '/v1/libraries?limit=2');
    expect(page.items.map((l: any) => l.name)).toEqual(['Films', 'Lib 01']);
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  test('without a limit a page holds 20 of the 21, and following the cursors lists every library once', async () => {
    expect((await get(b, '/v1/libraries')).items).toHaveLength(20);
    const all = await listAll(b, '/v1/libraries', 3);
    expect(all.map((l) => l.name)).toEqual([
      'Films',
      ...Array.from({ length: 20 }, (_, i) => `Lib ${String(i + 1).padStart(2, '0')}`),
    ]);
  });

  test.each([['0'], ['101'], ['abc'], ['-1']])('limit=%s is a 422 naming query.limit', async (limit) => {
    const r = await b.h.request('GET', `/v1/libraries?limit=${limit}`, { token: b.token });
    expect(r.status).toBe(422);
    expect(r.body.details).toEqual([{ path: 'query.limit', message: 'Expected an integer from 1 to 100' }]);
  });

  test.each([['zzz'], [encodeCursor(['only one value'])]])('cursor=%s is a 400', async (cursor) => {
    const r = await b.h.request('GET', `/v1/libraries?cursor=${cursor}`, { token: b.token });
    expect([r.status, r.body]).toEqual([400, { error: 'Invalid cursor' }]);
  });
});
