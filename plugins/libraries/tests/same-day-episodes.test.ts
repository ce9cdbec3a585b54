// Date-named episodes that share an air date (a daily show's two guests on one day, in Plex's and Jellyfin's date
// forms) are one episode each — own title, file and watch state — through scans, rescans, renames, a second episode
// arriving on a day that had one, and rows an earlier version wrote as one episode; an episode alone on its day keeps
// the identity earlier versions gave it; files of one title on one day stay versions of one episode.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { removeTemps, setMtime, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, listAll, scan, startScan, waitForScan } from './harness.ts';

const DAILY = 'The Daily Show/Season 2024';
const LATE = 'Late Show';

let b: Booted;
let root: string;
let lib: string;
const showIds: Record<string, string> = {};

beforeAll(async () => {
  b = await boot({ probe: false });
  root = await writeTree(tempDir(), {
    [`${DAILY}/The Daily Show - 2024-01-05 - Guest A.mkv`]: 'a',
    [`${DAILY}/The Daily Show - 2024-01-05 - Guest B.mkv`]: 'b',
    [`${DAILY}/The Daily Show - 2024-01-06 - Guest C.mkv`]: 'c',
    [`${DAILY}/The Daily Show - 2024-01-08 - Guest E.mkv`]: 'e',
    [`${DAILY}/The Daily Show - 2024-01-08 - Guest F.mkv`]: 'f',
    // Jellyfin's dotted and day-first forms; two files of one title on one day are versions of one episode.
    [`${LATE}/Late.Show.2024.02.01.Guest.One.1080p.WEB.h264-GRP.mkv`]: 'one',
    [`${LATE}/Late.Show.2024.02.01.Guest.Two.1080p.WEB.h264-GRP.mkv`]: 'two hd',
    [`${LATE}/Late.Show.2024.02.01.Guest.Two.720p.WEB.h264-GRP.mkv`]: 'two sd',
    [`${LATE}/Late Show - 01.02.2024 - Guest Zero.mkv`]: 'zero',
  });
  lib = await createLibrary(b, 'shows', [root]);
  await scan(b, lib);
  for (const s of await listAll(b, '/v1/shows')) showIds[s.title] = s.id;
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

/** `[airDate, title, file names]` of each episode of a season, in list order, and their ids. */
async function season(show: string, num: number) {
  const items = (await get(b, `/v1/shows/${showIds[show]}/seasons/${num}/episodes`)).items;
  return {
    rows: items.map((e: any) => [e.airDate, e.title, e.files.map((f: any) => basename(f.path)).sort()]),
    ids: Object.fromEntries(items.map((e: any) => [e.title, e.id])) as Record<string, string>,
    watched: Object.fromEntries(items.map((e: any) => [e.title, e.watched])) as Record<string, boolean>,
  };
}

/** The titles a season lists on `day`, in list order. */
const titlesOn = (s: { rows: any[] }, day: string) => s.rows.filter((r) => r[0] === day).map((r) => r[1]);

const watch = async (id: string) =>
  expect((await b.h.request('PUT', `/v1/episodes/${id}/watched`, { token: b.token })).status).toBe(200);

const identityOf = (id: string) =>
  b.h.core.sqlite
    .query<{ identity: string }, [string]>('SELECT identity FROM libraries_items WHERE id = ?')
    .get(id)?.identity;

const daily = (name: string) => join(root, DAILY, `The Daily Show - ${name}.mkv`);

describe('episodes that share an air date', () => {
  test('are one episode each, ordered by title within the day, each with its own file', async () => {
    const s = await season('The Daily Show', 2024);
    expect(s.rows).toEqual([
      ['2024-01-05', 'Guest A', ['The Daily Show - 2024-01-05 - Guest A.mkv']],
      ['2024-01-05', 'Guest B', ['The Daily Show - 2024-01-05 - Guest B.mkv']],
      ['2024-01-06', 'Guest C', ['The Daily Show - 2024-01-06 - Guest C.mkv']],
      ['2024-01-08', 'Guest E', ['The Daily Show - 2024-01-08 - Guest E.mkv']],
      ['2024-01-08', 'Guest F', ['The Daily Show - 2024-01-08 - Guest F.mkv']],
    ]);
    expect(new Set(Object.values(s.ids)).size).toBe(5);
  });

  test("in Jellyfin's dotted and day-first forms too, with one title's two files as versions of one episode", async () => {
    expect((await season('Late Show', 1)).rows).toEqual([
      ['2024-02-01', 'Guest One', ['Late.Show.2024.02.01.Guest.One.1080p.WEB.h264-GRP.mkv']],
      [
        '2024-02-01',
        'Guest Two',
        [
          'Late.Show.2024.02.01.Guest.Two.1080p.WEB.h264-GRP.mkv',
          'Late.Show.2024.02.01.Guest.Two.720p.WEB.h264-GRP.mkv',
        ],
      ],
      ['2024-02-01', 'Guest Zero', ['Late Show - 01.02.2024 - Guest Zero.mkv']],
    ]);
  });

  test('an episode alone on its day keeps the identity earlier versions gave it', async () => {
    const { ids } = await season('The Daily Show', 2024);
    expect(identityOf(ids['Guest C'])).toEndWith('/date:2024-01-06');
    expect(identityOf(ids['Guest A'])).not.toBe(identityOf(ids['Guest B']));
  });

  test('keep their ids and their own watch state through a rescan and a forced rescan', async () => {
    const before = await season('The Daily Show', 2024);
    await watch(before.ids['Guest A']);
    await scan(b, lib);
    await waitForScan(b, lib, await startScan(b, lib, { force: true }));
    const after = await season('The Daily Show', 2024);
    expect(after.ids).toEqual(before.ids);
    expect(after.watched).toMatchObject({ 'Guest A': true, 'Guest B': false });
  });

  test("renaming one's title part leaves the other's id and watch state alone", async () => {
    const before = await season('The Daily Show', 2024);
    renameSync(daily('2024-01-05 - Guest B'), daily('2024-01-05 - Guest Bee'));
    await scan(b, lib);
    const after = await season('The Daily Show', 2024);
    expect(after.rows.slice(0, 2)).toEqual([
      ['2024-01-05', 'Guest A', ['The Daily Show - 2024-01-05 - Guest A.mkv']],
      ['2024-01-05', 'Guest Bee', ['The Daily Show - 2024-01-05 - Guest Bee.mkv']],
    ]);
    expect([after.ids['Guest A'], after.watched['Guest A']]).toEqual([before.ids['Guest A'], true]);
    // The renamed one is the same episode too: the only title new on its day, and the only row whose file is gone.
    expect([after.ids['Guest Bee'], after.watched['Guest Bee']]).toEqual([before.ids['Guest B'], false]);
    renameSync(daily('2024-01-05 - Guest A'), daily('2024-01-05 - Guest Ay'));
    await scan(b, lib);
    const again = await season('The Daily Show', 2024);
    expect([again.ids['Guest Ay'], again.watched['Guest Ay'], again.ids['Guest Bee']]).toEqual([
      before.ids['Guest A'],
      true,
      before.ids['Guest B'],
    ]);
    renameSync(daily('2024-01-05 - Guest Ay'), daily('2024-01-05 - Guest A'));
    await scan(b, lib);
    expect((await season('The Daily Show', 2024)).ids['Guest A']).toBe(before.ids['Guest A']);
  });

  test('a rename and a new title on one day in one scan are not guessed at: the renamed one is a new episode', async () => {
    const before = await season('The Daily Show', 2024);
    renameSync(daily('2024-01-05 - Guest Bee'), daily('2024-01-05 - Guest B'));
    await writeTree(root, { [`${DAILY}/The Daily Show - 2024-01-05 - Guest New.mkv`]: 'new' });
    await scan(b, lib);
    const after = await season('The Daily Show', 2024);
    expect(titlesOn(after, '2024-01-05')).toEqual(['Guest A', 'Guest B', 'Guest New']);
    expect(after.ids['Guest A']).toBe(before.ids['Guest A']);
    expect(after.ids['Guest B']).not.toBe(before.ids['Guest Bee']);
    expect(after.ids['Guest New']).not.toBe(before.ids['Guest Bee']);
    expect(identityOf(before.ids['Guest Bee'])).toEndWith(':title:guest bee');
    rmSync(daily('2024-01-05 - Guest New'));
    await scan(b, lib);
  });

  test('a second episode on a day that had one leaves the first its id and watch state, also once it is re-read', async () => {
    const before = await season('The Daily Show', 2024);
    const c = before.ids['Guest C'];
    await watch(c);
    await writeTree(root, { [`${DAILY}/The Daily Show - 2024-01-06 - Guest D.mkv`]: 'd' });
    await scan(b, lib);
    const added = await season('The Daily Show', 2024);
    expect(titlesOn(added, '2024-01-06')).toEqual(['Guest C', 'Guest D']);
    expect([added.ids['Guest C'], added.watched['Guest C'], added.watched['Guest D']]).toEqual([
      c,
      true,
      false,
    ]);
    // Re-read (touched), then re-read alone on its day again: the same row each time, with the date alone again.
    setMtime(daily('2024-01-06 - Guest C'), 1_700_000_000);
    await scan(b, lib);
    expect((await season('The Daily Show', 2024)).ids['Guest C']).toBe(c);
    rmSync(daily('2024-01-06 - Guest D'));
    setMtime(daily('2024-01-06 - Guest C'), 1_700_000_100);
    await scan(b, lib);
    const alone = await season('The Daily Show', 2024);
    expect([alone.ids['Guest C'], alone.watched['Guest C'], 'Guest D' in alone.ids]).toEqual([
      c,
      true,
      false,
    ]);
    expect(identityOf(c)).toEndWith('/date:2024-01-06');
  });
});

describe('a day an earlier version wrote as one episode', () => {
  test('is split by the next scan after the upgrade: the old row stays, with its watch state, for one of them', async () => {
    const before = await season('The Daily Show', 2024);
    const [e, f] = [before.ids['Guest E'], before.ids['Guest F']];
    const db = b.h.core.sqlite;
    // As the old code left it: one row of the bare date identity holding both files, watched.
    db.query('UPDATE libraries_files SET item_id = ? WHERE item_id = ?').run(e, f);
    db.query('DELETE FROM libraries_items WHERE id = ?').run(f);
    db.query(
      `UPDATE libraries_items SET identity = substr(identity, 1, instr(identity, '/date:') + 15) WHERE id = ?`,
    ).run(e);
    expect(identityOf(e)).toEndWith('/date:2024-01-08');
    await watch(e);
    // Unchanged files are not read again by a rescan: the upgrade's migration marks these to be.
    const migration = readFileSync(join(import.meta.dir, '../migrations/0006_same_day_episodes.sql'), 'utf8');
    for (const statement of migration.split('--> statement-breakpoint')) db.run(statement);
    await scan(b, lib);
    const after = await season('The Daily Show', 2024);
    const day = after.rows.filter((r: any) => r[0] === '2024-01-08');
    expect(day).toEqual([
      ['2024-01-08', 'Guest E', ['The Daily Show - 2024-01-08 - Guest E.mkv']],
      ['2024-01-08', 'Guest F', ['The Daily Show - 2024-01-08 - Guest F.mkv']],
    ]);
    const kept = [after.ids['Guest E'], after.ids['Guest F']].filter((id) => id === e);
    expect(kept).toEqual([e]);
    const keeper = after.ids['Guest E'] === e ? 'Guest E' : 'Guest F';
    const other = keeper === 'Guest E' ? 'Guest F' : 'Guest E';
    expect([after.watched[keeper], after.watched[other]]).toEqual([true, false]);
    // Every other episode kept its id.
    for (const t of ['Guest A', 'Guest B', 'Guest C']) expect(after.ids[t]).toBe(before.ids[t]);
  });
});
