// The index follows the catalog without a manual reindex: scans that add, lose and restore files (library
// events), edits made without an event (the sync sweep), and registered sources of other plugins.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { SearchDocument } from '../api.ts';
import { type Booted, boot, searchApi, titles, waitForRun, waitUntil } from './harness.ts';

const root = mkdtempSync(join(tmpdir(), 'bijou-search-sync-'));
const file = (rel: string, text = '') => {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
};
const NFO = `<movie><title>The Matrix</title><year>1999</year><actor><name>Keanu Reeves</name><role>Neo</role></actor></movie>`;

let b: Booted;
let movies: string;
let shows: string;

async function scan(libraryId: string): Promise<void> {
  const r = await b.h.request('POST', `/v1/libraries/${libraryId}/scan`, { token: b.token });
  expect(r.status).toBe(202);
  await waitUntil('scan', async () => {
    const s = (await b.h.request('GET', `/v1/libraries/${libraryId}`, { token: b.token })).body.scan;
    return s.state !== 'scanning' && s.jobId === r.body.jobId && s.finishedAt;
  });
}
/** Waits until the first titles for `q` are `expected` (events are handled asynchronously). */
const expectTitles = (q: string, expected: string[]) =>
  waitUntil(`"${q}" → ${JSON.stringify(expected)}`, async () => {
    const got = await titles(b, q);
    return (
      JSON.stringify(got.slice(0, Math.max(1, expected.length))) === JSON.stringify(expected) || undefined
    );
  });

beforeAll(async () => {
  file('movies/The Matrix (1999)/The Matrix (1999).mkv');
  file('movies/The Matrix (1999)/movie.nfo', NFO);
  file('movies/Interstellar (2014)/Interstellar (2014).mkv');
  file('shows/Breaking Bad (2008)/Season 01/Breaking Bad - S01E01 - Pilot.mkv');
  b = await boot();
  const config = { rescanCron: '0 */6 * * *', probe: false, probeConcurrency: 1, watch: false };
  expect(
    (await b.h.request('PUT', '/v1/plugins/libraries/config', { token: b.token, body: config })).status,
  ).toBe(200);
  const create = async (kind: string, dir: string) =>
    (
      await b.h.request('POST', '/v1/libraries', {
        token: b.token,
        body: { name: kind, kind, paths: [join(root, dir)] },
      })
    ).body.id as string;
  movies = await create('movies', 'movies');
  shows = await create('shows', 'shows');
  await scan(movies);
  await scan(shows);
});
afterAll(async () => {
  await b.h.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('scans', () => {
  test('scanned titles, episodes and people become searchable', async () => {
    await expectTitles('matrx', ['The Matrix']);
    await expectTitles('interstellar', ['Interstellar']);
    await expectTitles('breaking bad', ['Breaking Bad']);
    await expectTitles('pilot', ['Pilot']);
    await expectTitles('keanu', ['Keanu Reeves', 'The Matrix']);
  });

  test('a file added later is searchable after the next scan', async () => {
    file('movies/Inception (2010)/Inception (2010).mkv');
    await scan(movies);
    await expectTitles('inceptoin', ['Inception']);
  });

  test('an episode in a multi-episode file is labelled with its range', async () => {
    file('shows/Dark (2017)/Season 01/Dark - S01E02-E03 - Lies.mkv');
    await scan(shows);
    await waitUntil('the Lies episode', async () => {
      const r = await b.h.request('GET', '/v1/search?q=lies', { token: b.token });
      return r.body.items.find((i: any) => i.title === 'Lies')?.subtitle === 'Dark · S01E02–E03';
    });
  });

  test('a deleted file takes its title out of search, and its return brings it back', async () => {
    const path = join(root, 'movies/Interstellar (2014)/Interstellar (2014).mkv');
    renameSync(path, `${path}.away`);
    await scan(movies);
    await expectTitles('interstellar', []);
    renameSync(`${path}.away`, path);
    await scan(movies);
    await expectTitles('interstellar', ['Interstellar']);
  });

  test('a show whose only episode is gone leaves search with it, and comes back with it', async () => {
    const path = join(root, 'shows/Breaking Bad (2008)/Season 01/Breaking Bad - S01E01 - Pilot.mkv');
    renameSync(path, `${path}.away`);
    await scan(shows);
    await expectTitles('breaking bad', []);
    renameSync(`${path}.away`, path);
    await scan(shows);
    await expectTitles('breaking bad', ['Breaking Bad']);
  });

  test('a person whose only title is gone is no longer found', async () => {
    const path = join(root, 'movies/The Matrix (1999)/The Matrix (1999).mkv');
    renameSync(path, `${path}.away`);
    await scan(movies);
    await expectTitles('keanu', []);
    renameSync(`${path}.away`, path);
    await scan(movies);
    await expectTitles('keanu', ['Keanu Reeves']);
  });

  test('a movie whose only file now is another movie is removed from search, and so is its only actor', async () => {
    const nfo = (title: string, tmdb: string, actor: string) =>
      `<movie><title>${title}</title><uniqueid type="tmdb">${tmdb}</uniqueid><actor><name>${actor}</name></actor></movie>`;
    file('movies/Heat (1995)/Heat (1995).mkv');
    file('movies/Heat (1995)/movie.nfo', nfo('Heat', '949', 'Al Pacino'));
    file('movies/Ronin (1998)/Ronin (1998).mkv');
    file('movies/Ronin (1998)/movie.nfo', nfo('Ronin', '8195', 'Jean Reno'));
    await scan(movies);
    await expectTitles('ronin', ['Ronin']);
    await expectTitles('jean reno', ['Jean Reno']);
    const docsOf = (title: string) =>
      b.h.core.sqlite.query('SELECT key FROM search_docs WHERE title = ?').all(title).length;
    expect([docsOf('Ronin'), docsOf('Jean Reno')]).toEqual([1, 1]);
    // Ronin's NFO now names Heat's TMDb id: its file becomes Heat's, and the Ronin item is removed.
    file('movies/Ronin (1998)/movie.nfo', nfo('Heat', '949', 'Al Pacino'));
    await scan(movies);
    await expectTitles('ronin', []);
    await expectTitles('jean reno', []);
    await waitUntil(
      'no documents of Ronin',
      async () => docsOf('Ronin') + docsOf('Jean Reno') === 0 || undefined,
    );
  });
});

describe('the sync sweep', () => {
  test('picks up a metadata edit made without a library event', async () => {
    const [hit] = (await b.h.request('GET', '/v1/search?q=inception', { token: b.token })).body.items;
    const edit = await b.h.request('PATCH', `/v1/metadata/${hit.id}`, {
      token: b.token,
      body: { title: 'Inception Redux', originalTitle: 'Origine' },
    });
    expect(edit.status).toBe(200);
    const run = await b.h.request('POST', '/v1/jobs/search/sync/trigger', { token: b.token });
    expect(run.status).toBe(202);
    await waitForRun(b, run.body.runId);
    expect(await titles(b, 'redux')).toEqual(['Inception Redux']);
    expect(await titles(b, 'origine')).toEqual(['Inception Redux']);
  });
});

describe('registered sources', () => {
  const podcasts: SearchDocument[] = [
    {
      id: 'p1',
      type: 'podcast',
      title: 'Hardcore History',
      people: ['Dan Carlin'],
      text: ['Long history episodes'],
    },
    { id: 'p2', type: 'podcast', title: 'Secret History Hour', people: ['Anon Host'] },
  ];

  test('index their documents, apply their visibility hook, and follow upserts and removals', async () => {
    const api = searchApi(b);
    const off = api.registerSource('podcasts', {
      types: ['podcast'],
      all: () => podcasts,
      visibility: (viewer, ref) => (viewer.role === 'admin' ? undefined : sql`${ref} <> 'p2'`),
    });
    const user = (await b.h.user()).token;
    await expectTitles('history', ['Hardcore History', 'Secret History Hour']);
    expect(await titles(b, 'histroy', {}, user)).toEqual(['Hardcore History']);
    expect(await titles(b, 'carlin', { types: 'podcast' })).toEqual(['Hardcore History']);

    await api.upsert('podcasts', [{ id: 'p3', type: 'podcast', title: 'History Extra' }]);
    expect(await titles(b, 'history extra')).toEqual(['History Extra']);
    await api.remove('podcasts', 'podcast', ['p1']);
    expect(await titles(b, 'hardcore')).toEqual([]);
    off();
  });

  test('cannot claim a catalog type or write documents of another source', () => {
    const api = searchApi(b);
    expect(() => api.registerSource('thief', { types: ['movie'], all: () => [] })).toThrow(
      'SEARCH_TYPE_TAKEN',
    );
    expect(() => api.remove('thief', 'movie', ['x'])).toThrow('SEARCH_TYPE_FOREIGN');
  });
});

describe('library events beyond scans', () => {
  test('a metadata edit is searchable at once, without waiting for the sweep', async () => {
    const [movie] = (await b.h.request('GET', '/v1/metadata/search?q=interstellar', { token: b.token })).body
      .items;
    const r = await b.h.request('PATCH', `/v1/metadata/${movie.id}`, {
      token: b.token,
      body: { title: 'Interstellar Odyssey' },
    });
    expect(r.status).toBe(200);
    await expectTitles('odyssey', ['Interstellar Odyssey']);
  });

  test('deleting a library takes its titles out of search', async () => {
    expect((await b.h.request('DELETE', `/v1/libraries/${shows}`, { token: b.token })).status).toBe(200);
    await waitUntil(
      'breaking bad gone',
      async () => (await titles(b, 'breaking bad')).length === 0 || undefined,
    );
    expect(await titles(b, 'pilot')).toEqual([]);
  });
});
