// What the web client browses shows with: next up (per profile, paginated, visibility), episodes by id with
// their show and season, show and episode credits, people (with episode roles), episode file stats, and marking a
// season watched.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { sql } from 'drizzle-orm';
import type { LibrariesApi } from '../api.ts';
import { removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, listAll, scan } from './harness.ts';

const SHOW_NFO = `<tvshow><title>Alpha Show</title><year>2021</year>
  <actor><name>Ada Actor</name><role>Captain</role><order>0</order></actor></tvshow>`;
const EPISODE_NFO = `<episodedetails><title>Beginnings</title><season>1</season><episode>1</episode>
  <aired>2021-03-04</aired><actor><name>Guest Star</name><role>Visitor</role></actor></episodedetails>`;

let b: Booted;
let user: { token: string; id: string };
const ids: Record<string, string> = {};

beforeAll(async () => {
  b = await boot({ probe: false });
  const root = tempDir();
  await writeTree(root, {
    'Alpha Show (2021)/tvshow.nfo': SHOW_NFO,
    'Alpha Show (2021)/Season 01/Alpha Show - S01E01 - Beginnings.mkv': '',
    'Alpha Show (2021)/Season 01/Alpha Show - S01E01 - Beginnings.nfo': EPISODE_NFO,
    'Alpha Show (2021)/Season 01/Alpha Show - S01E02-E03 - Double.mkv': '',
    'Alpha Show (2021)/Season 02/Alpha Show - S02E01 - Return.mkv': '',
    'Beta Show/Season 01/Beta Show - S01E01 - One.mkv': '',
    'Beta Show/Season 01/Beta Show - S01E02 - Two.mkv': '',
    'Gamma Show/Season 01/Gamma Show - S01E01 - Only.mkv': '',
  });
  await scan(b, await createLibrary(b, 'shows', [root]));
  for (const s of await listAll(b, '/v1/shows')) {
    ids[s.title] = s.id;
    for (const season of (await get(b, `/v1/shows/${s.id}/seasons`)).items)
      for (const e of (await get(b, `/v1/shows/${s.id}/seasons/${season.seasonNumber}/episodes`)).items)
        ids[`${s.title} ${season.seasonNumber}x${e.episodeNumber}`] = e.id;
  }
  user = await b.h.user();
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

const watch = (id: string, on = true, token = b.token) =>
  b.h.request(on ? 'PUT' : 'DELETE', `/v1/episodes/${id}/watched`, { token });
const nextUp = async (token = b.token, query = '') => {
  const r = await b.h.request('GET', `/v1/shows/next-up${query}`, { token });
  expect(r.status).toBe(200);
  return r.body;
};
const nextUpIds = async (token = b.token) => (await nextUp(token, '?limit=100')).items.map((i: any) => i.id);

describe('episodes by id', () => {
  test('GET /v1/episodes/:id is the episode with its show and season ids and how it was identified', async () => {
    const e = await get(b, `/v1/episodes/${ids['Alpha Show 1x1']}`);
    const season = (await get(b, `/v1/shows/${ids['Alpha Show']}/seasons/1`)).id;
    expect(e).toMatchObject({
      kind: 'episode',
      title: 'Beginnings',
      seasonNumber: 1,
      episodeNumber: 1,
      airDate: '2021-03-04',
      showId: ids['Alpha Show'],
      parentId: season,
      match: { method: 'nfo', confidence: 1 },
    });
    expect(e.files[0].path).toEndWith('Alpha Show - S01E01 - Beginnings.mkv');
  });

  test('a multi-episode file is one episode with its ending number', async () => {
    const e = await get(b, `/v1/episodes/${ids['Alpha Show 1x2']}`);
    expect(e).toMatchObject({ episodeNumber: 2, endingEpisodeNumber: 3 });
  });

  test('a show, a season or an unknown id is not an episode (404)', async () => {
    for (const id of [ids['Alpha Show'], 'no-such-id']) {
      const r = await b.h.request('GET', `/v1/episodes/${id}`, { token: b.token });
      expect(r.status).toBe(404);
    }
  });

  test('credits of a show and of an episode come from their NFO files', async () => {
    const show = await get(b, `/v1/shows/${ids['Alpha Show']}/credits`);
    expect(show.items.map((c: any) => [c.name, c.character])).toEqual([['Ada Actor', 'Captain']]);
    const ep = await get(b, `/v1/episodes/${ids['Alpha Show 1x1']}/credits`);
    expect(ep.items.map((c: any) => [c.name, c.character])).toEqual([['Guest Star', 'Visitor']]);
  });

  test('file stats of an episode list its file (unprobed here)', async () => {
    const r = await get(b, `/v1/episodes/${ids['Beta Show 1x1']}/file-stats`);
    expect(r.items).toHaveLength(1);
    expect(r.items[0]).toMatchObject({ probed: false, tracks: [] });
    expect(r.items[0].path).toEndWith('Beta Show - S01E01 - One.mkv');
  });
});

describe('people', () => {
  const personId = async (name: string) => {
    const credits = await get(b, `/v1/episodes/${ids['Alpha Show 1x1']}/credits`);
    const show = await get(b, `/v1/shows/${ids['Alpha Show']}/credits`);
    return [...credits.items, ...show.items].find((c: any) => c.name === name).personId;
  };

  test('a guest star credited on one episode has a page with that episode and its show', async () => {
    const p = await get(b, `/v1/people/${await personId('Guest Star')}`);
    expect(p.roles).toEqual([
      expect.objectContaining({
        itemId: ids['Alpha Show 1x1'],
        kind: 'episode',
        title: 'Beginnings',
        character: 'Visitor',
        showId: ids['Alpha Show'],
        showTitle: 'Alpha Show',
        seasonNumber: 1,
        episodeNumber: 1,
      }),
    ]);
    const ada = await get(b, `/v1/people/${await personId('Ada Actor')}`);
    expect(ada.roles).toEqual([
      expect.objectContaining({ itemId: ids['Alpha Show'], kind: 'show', showId: null, showTitle: null }),
    ]);
  });

  test('an episode of a show a visibility filter hides does not show (404 when nothing is left)', async () => {
    const libs = b.h.host.api('libraries') as LibrariesApi;
    const remove = libs.addVisibilityFilter((v) =>
      v.role === 'admin' ? undefined : sql`libraries_items.title != 'Alpha Show'`,
    );
    try {
      const id = await personId('Guest Star');
      expect((await b.h.request('GET', `/v1/people/${id}`, { token: user.token })).status).toBe(404);
    } finally {
      remove();
    }
  });
});

describe('season watched', () => {
  test('PUT and DELETE /v1/shows/:id/seasons/:num/watched mark every episode of that season only', async () => {
    const on = await b.h.request('PUT', `/v1/shows/${ids['Gamma Show']}/seasons/1/watched`, {
      token: b.token,
    });
    expect(on.body).toEqual({ id: expect.any(String), watched: true, episodes: 1 });
    expect((await get(b, `/v1/episodes/${ids['Gamma Show 1x1']}`)).watched).toBe(true);
    const off = await b.h.request('DELETE', `/v1/shows/${ids['Gamma Show']}/seasons/1/watched`, {
      token: b.token,
    });
    expect(off.body).toMatchObject({ watched: false, episodes: 1 });
    expect((await get(b, `/v1/episodes/${ids['Gamma Show 1x1']}`)).watched).toBe(false);
  });

  test('an unknown season is a 404', async () => {
    const r = await b.h.request('PUT', `/v1/shows/${ids['Gamma Show']}/seasons/9/watched`, {
      token: b.token,
    });
    expect(r.status).toBe(404);
  });
});

describe('next up', () => {
  test('is empty before any episode is watched', async () => {
    expect(await nextUp()).toEqual({ items: [], nextCursor: null });
  });

  test('offers the episode after the last watched one, with its show', async () => {
    expect((await watch(ids['Alpha Show 1x1'])).status).toBe(200);
    const { items } = await nextUp();
    expect(items.map((i: any) => i.id)).toEqual([ids['Alpha Show 1x2']]);
    expect(items[0]).toMatchObject({
      kind: 'episode',
      seasonNumber: 1,
      episodeNumber: 2,
      endingEpisodeNumber: 3,
      watched: false,
      show: { id: ids['Alpha Show'], title: 'Alpha Show', year: 2021 },
    });
    expect(items[0].lastPlayedAt).toEqual(expect.any(String));
  });

  test('moves across seasons and drops a finished show', async () => {
    await watch(ids['Alpha Show 1x2']);
    expect(await nextUpIds()).toEqual([ids['Alpha Show 2x1']]);
    await watch(ids['Alpha Show 2x1']);
    expect(await nextUpIds()).toEqual([]);
    await watch(ids['Alpha Show 2x1'], false);
    expect(await nextUpIds()).toEqual([ids['Alpha Show 2x1']]);
  });

  test('pages with a cursor through every started show, newest activity first', async () => {
    await watch(ids['Beta Show 1x1']);
    await watch(ids['Gamma Show 1x1'], false);
    const all = await nextUpIds();
    expect(all.toSorted()).toEqual([ids['Alpha Show 2x1'], ids['Beta Show 1x2']].toSorted());
    const first = await nextUp(b.token, '?limit=1');
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await nextUp(b.token, `?limit=1&cursor=${encodeURIComponent(first.nextCursor)}`);
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((i: any) => i.id)).toEqual(all);
  });

  test('a malformed cursor is a 400', async () => {
    const r = await b.h.request('GET', '/v1/shows/next-up?cursor=nope', { token: b.token });
    expect(r.status).toBe(400);
  });

  test('is per profile: another user has their own', async () => {
    expect(await nextUpIds(user.token)).toEqual([]);
    await watch(ids['Beta Show 1x1'], true, user.token);
    expect(await nextUpIds(user.token)).toEqual([ids['Beta Show 1x2']]);
  });

  test('leaves out shows a visibility filter hides', async () => {
    const libs = b.h.host.api('libraries') as LibrariesApi;
    const remove = libs.addVisibilityFilter((v) =>
      v.role === 'admin' ? undefined : sql`libraries_items.title != 'Beta Show'`,
    );
    try {
      expect(await nextUpIds(user.token)).toEqual([]);
      expect(await nextUpIds()).toContain(ids['Beta Show 1x2']);
    } finally {
      remove();
    }
  });

  test('needs a signed-in user', async () => {
    expect((await b.h.request('GET', '/v1/shows/next-up', { token: null })).status).toBe(401);
  });
});

describe('watched roll-up', () => {
  test('a season and a show read as watched once every episode of them is', async () => {
    const gamma = ids['Gamma Show'];
    const state = async () => [
      (await get(b, `/v1/shows/${gamma}`)).watched,
      (await get(b, `/v1/shows/${gamma}/seasons`)).items[0].watched,
    ];
    await watch(ids['Gamma Show 1x1'], false);
    expect(await state()).toEqual([false, false]);
    await watch(ids['Gamma Show 1x1']);
    expect(await state()).toEqual([true, true]);
    const alpha = await get(b, `/v1/shows/${ids['Alpha Show']}/seasons`);
    expect(alpha.items.map((s: any) => s.watched)).toEqual([true, false]);
  });
});
