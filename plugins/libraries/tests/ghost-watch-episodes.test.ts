// An episode removed because its NFO numbers its file as another existing episode leaves its watch state to that
// episode, per profile: moved over when that episode had none, merged with what it had otherwise.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { LibrariesApi, Viewer } from '../api.ts';
import { removeTemps, tempDir, writeTree } from './fixtures.ts';
import { announcedScans, type Booted, boot, createLibrary, get, listAll, scan } from './harness.ts';

let b: Booted;
let root: string;
let lib: string;

beforeAll(async () => {
  b = await boot({ probe: false });
  root = await writeTree(tempDir(), {
    'Lost/Season 01/Lost S01E01.mkv': 'e1',
    'Lost/Season 01/Lost S01E02.mkv': 'e2',
    'Lost/Season 01/Bonus.mkv': 'bonus',
  });
  lib = await createLibrary(b, 'shows', [root]);
  await scan(b, lib);
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

test('an episode renumbered onto an existing episode leaves its watch state to it', async () => {
  const api = b.h.host.api('libraries') as LibrariesApi;
  const [lost] = await listAll(b, '/v1/shows');
  const episodes = async (token = b.token) =>
    (await get(b, `/v1/shows/${lost.id}/seasons/1/episodes`, token)).items;
  const bonus = (await episodes()).find((e: any) => e.title === 'Bonus');
  const e2 = (await episodes()).find((e: any) => e.episodeNumber === 2);
  const adminId = (await get(b, '/v1/users/me')).id as string;
  const u = await b.h.user();
  const other: Viewer = { userId: u.id, role: 'user', profileId: u.id };
  // The admin watched Bonus; the other profile is in the middle of both, further in Bonus.
  api.setWatched({ userId: adminId, role: 'admin', profileId: adminId }, bonus.id, true);
  api.setProgress(other, e2.id, 30, 2400, e2.files[0].id);
  api.setProgress(other, bonus.id, 120, 2400, bonus.files[0].id);

  writeFileSync(
    join(root, 'Lost/Season 01/Bonus.nfo'),
    '<episodedetails><season>1</season><episode>2</episode></episodedetails>',
  );
  const r = await announcedScans(b)(lib);
  expect(r.removed).toEqual([bonus.id]);
  expect(r.updated).toContain(e2.id);

  const after = await get(b, `/v1/episodes/${e2.id}`);
  expect(after.files.map((f: any) => basename(f.path))).toEqual(['Bonus.mkv', 'Lost S01E02.mkv']);
  expect(after).toMatchObject({ watched: true, position: 0 });
  expect(await get(b, `/v1/episodes/${e2.id}`, u.token)).toMatchObject({
    watched: false,
    position: 120,
    resumeFileId: bonus.files[0].id,
  });
  // Episode 1, never played, is left as it was.
  expect((await episodes()).map((e: any) => [e.episodeNumber, e.watched])).toEqual([
    [1, false],
    [2, true],
  ]);
});
