// The Meilisearch engine, driven through the official `meilisearch` client against a loopback stand-in
// (tests/meili-stand-in.ts): index settings, mirroring, searches with visibility as a filter, incremental sync,
// and the fall back to SQLite FTS5 when Meilisearch becomes unreachable or is configured on a closed port.
// Unreachable already at boot: meili-boot.test.ts.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { sql } from 'drizzle-orm';
import type { SearchDocument } from '../api.ts';
import { insertLibrary, insertTitles } from './catalog.ts';
import { MOVIES, SHOWS } from './fixture.ts';
import {
  type Booted,
  boot,
  librariesApi,
  reindex,
  search,
  searchApi,
  suggestions,
  titles,
  waitUntil,
} from './harness.ts';
import { MeiliStandIn } from './meili-stand-in.ts';

const KEY = 'stand-in-master-key';
const stations: SearchDocument[] = [{ id: 's/1', type: 'station', title: 'Jazz FM' }];
let b: Booted;
let meili: MeiliStandIn;
let user: string;
let ids: Map<string, string>;
let movieLib: string;

const status = async () => (await b.h.request('GET', '/v1/search/status', { token: b.token })).body;
const configure = (meiliUrl: string) =>
  b.h.request('PUT', '/v1/plugins/search/config', {
    token: b.token,
    body: { meiliUrl, meiliKey: KEY, meiliIndex: 'bijou' },
  });
const docs = () => [...(meili.indexes.get('bijou')?.docs.values() ?? [])];

beforeAll(async () => {
  b = await boot();
  const db = b.h.core.sqlite;
  movieLib = insertLibrary(db, 'movies');
  ids = insertTitles(db, movieLib, MOVIES);
  insertTitles(db, insertLibrary(db, 'shows'), SHOWS);
  await reindex(b);
  librariesApi(b).addVisibilityFilter((v) =>
    v.role === 'admin' ? undefined : sql`libraries_items.content_rating NOT IN ('R', 'TV-MA')`,
  );
  user = (await b.h.user()).token;
  meili = new MeiliStandIn(KEY).start();
  expect((await configure(meili.url)).status).toBe(200);
  await waitUntil('Meilisearch ready', async () => (await status()).engine === 'meilisearch');
});
afterAll(async () => {
  await b.h.stop();
  meili.stop();
});

describe('setup', () => {
  test('creates the index with the settings searches rely on', () => {
    const index = meili.indexes.get('bijou')!;
    expect(index.primaryKey).toBe('id');
    const { searchableAttributes, filterableAttributes, typoTolerance } = index.settings;
    expect(searchableAttributes).toEqual(['title', 'altTitles', 'people', 'text']);
    expect([...filterableAttributes].sort()).toEqual(['source', 'type', 'visGroups', 'visKeys', 'year']);
    expect(typoTolerance).toEqual({ enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } });
  });

  test('mirrors every document of the SQLite index', async () => {
    const s = await status();
    expect(s.meilisearch).toMatchObject({ configured: true, state: 'ready', fallback: false, pending: 0 });
    expect(s.meilisearch.documents).toBe(s.fts5.documents);
    expect(docs().find((d) => d.title === 'The Matrix')).toMatchObject({
      type: 'movie',
      source: 'libraries',
      visGroups: [`${movieLib}|R`],
      people: ['Keanu Reeves', 'Carrie-Anne Moss', 'Laurence Fishburne'],
    });
  });
});

describe('searching', () => {
  test('goes to Meilisearch and returns typed hits with highlights', async () => {
    const before = meili.searches().length;
    const [hit] = (await search(b, { q: 'the matrix' })).items;
    expect(meili.searches().length).toBe(before + 1);
    expect(hit).toMatchObject({
      type: 'movie',
      id: ids.get('The Matrix'),
      title: 'The Matrix',
      year: 1999,
      highlight: {
        field: 'title',
        text: 'The Matrix',
        ranges: [
          { start: 0, end: 3 },
          { start: 4, end: 10 },
        ],
      },
    });
  });

  test('types become a filter', async () => {
    await search(b, { q: 'keanu', types: 'person' });
    expect(meili.searches().at(-1).filter).toContain('type IN ["person"]');
  });

  test('suggestions search titles only', async () => {
    expect((await suggestions(b, 'interst')).map((s) => s.text)).toEqual(['Interstellar']);
    expect(meili.searches().at(-1).attributesToSearchOn).toEqual(['title', 'altTitles']);
  });

  test('pages continue through offsets', async () => {
    const first = await search(b, { q: 'the', limit: 2 });
    const second = await search(b, { q: 'the', limit: 2, cursor: first.nextCursor });
    expect(first.items).toHaveLength(2);
    expect(second.items.map((i: any) => i.id)).not.toContain(first.items[0].id);
    expect(meili.searches().at(-1).offset).toBe(2);
  });
});

describe('visibility', () => {
  test('the filter of a restricted viewer names only groups they may see', async () => {
    expect(await titles(b, 'matrix reloaded', {}, user)).toEqual([]);
    expect(await titles(b, 'matrix reloaded')).toEqual(['The Matrix Reloaded']);
    expect(await titles(b, 'matrix reloaded', {}, user)).toEqual([]);
    const filter: string = meili.searches().at(-1).filter;
    expect(filter).toContain(`"${movieLib}|PG-13"`);
    expect(filter).not.toContain(`"${movieLib}|R"`);
    expect(await titles(b, 'interstellar', {}, user)).toEqual(['Interstellar']);
  });

  test('a filter that hides single titles becomes item ids, and pages stay full', async () => {
    const hidden = ids.get('Inception')!;
    const off = librariesApi(b).addVisibilityFilter((v) =>
      v.role === 'admin' ? undefined : sql`libraries_items.id <> ${hidden}`,
    );
    try {
      const items = (await search(b, { q: 'a', limit: 2 }, user)).items;
      expect(items.map((i: any) => i.id)).not.toContain(hidden);
      expect(meili.searches().at(-1).filter).toContain('visKeys IN [');
      expect(items).toHaveLength(2);
    } finally {
      off();
    }
  });
});

describe('sync', () => {
  test('catalog changes reach Meilisearch from the library event', async () => {
    const db = b.h.core.sqlite;
    const added = insertTitles(db, movieLib, [{ title: 'Zardoz', year: 1974, rating: 'R' }]).get('Zardoz')!;
    b.h.core.bus.emit('libraries.items.changed', {
      libraryId: movieLib,
      added: [added],
      updated: [],
      missing: [],
      restored: [],
      removed: [],
    });
    await waitUntil('Zardoz in Meilisearch', () => docs().some((d) => d.title === 'Zardoz'));
    expect(await titles(b, 'zardoz')).toEqual(['Zardoz']);
    db.query('UPDATE libraries_items SET missing = 1 WHERE id = ?').run(added);
    b.h.core.bus.emit('libraries.items.changed', {
      libraryId: movieLib,
      added: [],
      updated: [],
      missing: [added],
      restored: [],
      removed: [],
    });
    await waitUntil('Zardoz gone from Meilisearch', () => !docs().some((d) => d.title === 'Zardoz'));
  });

  test('documents of registered sources are mirrored', async () => {
    searchApi(b).registerSource('radio', { types: ['station'], all: () => stations });
    await waitUntil('station mirrored', () => docs().some((d) => d.title === 'Jazz FM'));
    expect(await titles(b, 'jazz')).toEqual(['Jazz FM']);
  });
});

describe('when Meilisearch is unreachable', () => {
  test('search falls back to FTS5, status and logs say so, and reconnecting sends the missed changes', async () => {
    meili.stop();
    expect(await titles(b, 'intersteller')).toEqual(['Interstellar']);
    const down = await status();
    expect(down.engine).toBe('fts5');
    expect(down.meilisearch).toMatchObject({ configured: true, state: 'unreachable', fallback: true });
    expect(down.meilisearch.lastError).toBeString();
    expect(b.h.logs.some((l) => l.includes('Meilisearch unreachable'))).toBe(true);

    stations.push({ id: 's2', type: 'station', title: 'Blues Radio' });
    await searchApi(b).upsert('radio', [stations[1]]);
    expect((await status()).meilisearch.pending).toBe(1);
    expect(await titles(b, 'blues radio')).toEqual(['Blues Radio']);

    meili.start();
    expect((await configure(meili.url)).status).toBe(200);
    await waitUntil('Meilisearch back', async () => (await status()).engine === 'meilisearch');
    const up = await status();
    expect(up).toMatchObject({
      engine: 'meilisearch',
      meilisearch: { state: 'ready', pending: 0, fallback: false },
    });
    expect(docs().some((d) => d.title === 'Blues Radio')).toBe(true);
  });

  test('configured to a closed port, FTS5 answers', async () => {
    const closed = Bun.serve({ hostname: '127.0.0.1', port: 0, fetch: () => new Response('') });
    const port = closed.port;
    closed.stop(true);
    expect((await configure(`http://127.0.0.1:${port}`)).status).toBe(200);
    await waitUntil('unreachable', async () => (await status()).meilisearch.state === 'unreachable');
    expect(await titles(b, 'matrx')).toEqual(['The Matrix', 'The Matrix Reloaded', 'The Matrix Revolutions']);
    expect((await status()).engine).toBe('fts5');
    const ready = await b.h.request('GET', '/v1/health?probe=ready');
    const engine = ready.body.checks.components.find((c: { name: string }) => c.name === 'search.engine');
    expect(engine.detail).toContain('fts5 — Meilisearch unreachable');
  });
});
