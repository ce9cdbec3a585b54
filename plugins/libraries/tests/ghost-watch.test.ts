// A movie removed because its file now belongs to another movie (its NFO corrected to that movie's id) leaves its
// watch state to that movie, per profile: moved over when the other movie had none, merged with what it had
// otherwise (watched when either was, plays summed, the later play, the resume point of the later play).
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LibrariesApi, Viewer } from '../api.ts';
import { WorkCollector } from '../services/scan-collect.ts';
import { reconcileScan } from '../services/scan-reconcile.ts';
import { emptyCounts } from '../services/scanner.ts';
import { movieNfo, removeTemps, tempDir, writeTree } from './fixtures.ts';
import {
  type Announced,
  announcedScans,
  type Booted,
  boot,
  createLibrary,
  get,
  listAll,
  scan,
} from './harness.ts';

let b: Booted;
let api: LibrariesApi;
let root: string;
let lib: string;
let scanned: (libraryId: string) => Promise<Announced>;
let admin: Viewer;
let other: Viewer & { token: string };

const T1 = '2025-01-01T00:00:00.000Z';
const T2 = '2025-02-01T00:00:00.000Z';

/** Movie folders by title: [year, tmdb id]. */
const MOVIES: Record<string, [number, string]> = {
  Ronin: [1998, '8195'],
  Alien: [1979, '348'],
  Up: [2009, '14160'],
  Heat: [1995, '949'],
  Casino: [1995, '524'],
  Brazil: [1985, '68'],
};
const folder = (title: string) => `${title} (${MOVIES[title][0]})`;
const nfo = (title: string) => movieNfo({ title, year: MOVIES[title][0], tmdb: MOVIES[title][1] });

beforeAll(async () => {
  b = await boot({ probe: false });
  api = b.h.host.api('libraries') as LibrariesApi;
  scanned = announcedScans(b);
  const tree: Record<string, string> = {};
  for (const title of Object.keys(MOVIES)) {
    tree[`${folder(title)}/${folder(title)}.mkv`] = title;
    tree[`${folder(title)}/movie.nfo`] = nfo(title);
  }
  root = await writeTree(tempDir(), tree);
  lib = await createLibrary(b, 'movies', [root]);
  await scan(b, lib);
  admin = { userId: (await get(b, '/v1/users/me')).id, role: 'admin', profileId: '' };
  admin.profileId = admin.userId;
  const u = await b.h.user();
  other = { userId: u.id, role: 'user', profileId: u.id, token: u.token };
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

const movies = async () =>
  Object.fromEntries((await listAll(b, `/v1/movies?library=${lib}`)).map((m) => [m.title, m]));
const movie = (id: string, token = b.token) => get(b, `/v1/movies/${id}`, token);

/** Stores a profile's watch state of an item as given (fields not given: never played). */
function store(
  profile: string,
  item: string,
  o: { watched?: boolean; position?: number; file?: string | null; plays?: number; at?: string | null },
) {
  b.h.core.sqlite
    .query(
      `INSERT OR REPLACE INTO libraries_watch_state (profile_id, item_id, watched, position_seconds, file_id, play_count,
         last_played_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      profile,
      item,
      o.watched ? 1 : 0,
      o.position ?? 0,
      o.file ?? null,
      o.plays ?? 0,
      o.at ?? null,
      o.at ?? T1,
    );
}

/** A profile's stored watch state of an item. */
const stored = (profile: string, item: string) =>
  b.h.core.sqlite
    .query<Record<string, unknown>, [string, string]>(
      `SELECT watched, position_seconds AS position, file_id AS file, play_count AS plays, last_played_at AS at
         FROM libraries_watch_state WHERE profile_id = ? AND item_id = ?`,
    )
    .get(profile, item);

describe('a movie whose NFO now names another movie of the library', () => {
  let before: Record<string, any>;
  let r: Announced;

  beforeAll(async () => {
    before = await movies();
    const { Ronin, Alien, Up, Casino, Brazil } = before;
    // Ronin → Alien: the admin watched Ronin; the other profile watched Alien only.
    expect((await b.h.request('PUT', `/v1/movies/${Ronin.id}/watched`, { token: b.token })).status).toBe(200);
    expect((await b.h.request('PUT', `/v1/movies/${Alien.id}/watched`, { token: other.token })).status).toBe(
      200,
    );
    // Up → Heat: half-watched by both profiles, in Up's file; the other profile's point recorded without a file.
    api.setProgress(admin, Up.id, 600, 5400, Up.files[0].id);
    api.setProgress(other, Up.id, 300, 5400, null);
    // Casino → Brazil: both half-watched, Casino later (admin); Casino watched, Brazil half-watched later (other).
    store(admin.profileId, Casino.id, { position: 900, file: Casino.files[0].id, plays: 2, at: T2 });
    store(admin.profileId, Brazil.id, { position: 100, plays: 1, at: T1 });
    store(other.profileId, Casino.id, { watched: true, plays: 1, at: T1 });
    store(other.profileId, Brazil.id, { position: 50, at: T2 });
    for (const [from, to] of [
      ['Ronin', 'Alien'],
      ['Up', 'Heat'],
      ['Casino', 'Brazil'],
    ])
      writeFileSync(join(root, folder(from), 'movie.nfo'), nfo(to));
    r = await scanned(lib);
  });

  test('is removed, and the movie that took its file is announced as updated', async () => {
    const { Ronin, Alien, Up, Heat, Casino, Brazil } = before;
    expect(r.counts).toMatchObject({ removed: 3, errors: 0 });
    expect(r.removed.sort()).toEqual([Ronin.id, Up.id, Casino.id].sort());
    expect(r.updated).toEqual(expect.arrayContaining([Alien.id, Heat.id, Brazil.id]));
    expect(Object.keys(await movies()).sort()).toEqual(['Alien', 'Brazil', 'Heat']);
  });

  test('watched: the movie that took its file is watched, for that profile only', async () => {
    const { Alien } = before;
    expect(await movie(Alien.id)).toMatchObject({ watched: true, position: 0 });
    expect(await movie(Alien.id, other.token)).toMatchObject({ watched: true });
    expect(stored(admin.profileId, Alien.id)).toMatchObject({ watched: 1, plays: 1 });
    expect(stored(other.profileId, Alien.id)).toMatchObject({ watched: 1, plays: 1 });
  });

  test('half-watched: the resume point follows, in the file it was in', async () => {
    const { Up, Heat } = before;
    const heat = await movie(Heat.id);
    // The moved file is not the first of Heat's: a point recorded without a file now names it.
    expect(heat.files.map((f: any) => f.id)).toEqual([Heat.files[0].id, Up.files[0].id]);
    expect(heat).toMatchObject({ watched: false, position: 600, resumeFileId: Up.files[0].id });
    expect(await movie(Heat.id, other.token)).toMatchObject({
      watched: false,
      position: 300,
      resumeFileId: Up.files[0].id,
    });
  });

  test('both played: merged — watched if either was, plays summed, the later play and its resume point', async () => {
    const { Casino, Brazil } = before;
    expect(await movie(Brazil.id)).toMatchObject({
      watched: false,
      position: 900,
      resumeFileId: Casino.files[0].id,
    });
    expect(stored(admin.profileId, Brazil.id)).toEqual({
      watched: 0,
      position: 900,
      file: Casino.files[0].id,
      plays: 3,
      at: T2,
    });
    expect(await movie(Brazil.id, other.token)).toMatchObject({
      watched: true,
      position: 0,
      resumeFileId: null,
    });
    expect(stored(other.profileId, Brazil.id)).toEqual({
      watched: 1,
      position: 0,
      file: null,
      plays: 1,
      at: T2,
    });
  });
});

describe("a scan's reconcile", () => {
  test('counts the heir of watch state as updated when the scan wrote nothing of it', async () => {
    const dir = await writeTree(tempDir(), {
      'Fargo (1996)/Fargo (1996).mkv': 'fargo',
      'Gattaca (1997)/Gattaca (1997).mkv': 'gattaca',
    });
    const id = await createLibrary(b, 'movies', [dir], 'More');
    await scan(b, id);
    const { Fargo, Gattaca } = Object.fromEntries(
      (await listAll(b, `/v1/movies?library=${id}`)).map((m) => [m.title, m]),
    );
    api.setWatched(admin, Gattaca.id, true);
    const db = b.h.core.sqlite;
    const counts = emptyCounts();
    const collector = new WorkCollector(
      db,
      { id, kind: 'movies' },
      { force: false, batch: 200, counts },
      () => {},
    );
    // Gattaca's file moved to Fargo after the scan began, written by none of this scan's units.
    db.query('UPDATE libraries_files SET item_id = ? WHERE item_id = ?').run(Fargo.id, Gattaca.id);
    const result = {
      counts,
      changedFileIds: [Fargo.files[0].id, Gattaca.files[0].id],
      added: [],
      updated: [],
    };
    const r = reconcileScan(db, { id, paths: [dir] }, collector, result, new Date().toISOString(), true);
    expect(r).toMatchObject({ removed: [Gattaca.id], heirs: [Fargo.id] });
    expect(result).toMatchObject({ updated: [Fargo.id], counts: { updated: 1 } });
    expect(await movie(Fargo.id)).toMatchObject({ watched: true });
  });
});
