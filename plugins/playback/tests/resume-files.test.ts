// The resume point remembers its file: a movie in parts (cd1, cd2) resumes the part it was stopped in, a movie with
// two versions resumes the version it was stopped in, and a file other than the resume point's starts from 0.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { BROWSER, boot, createSession, type World } from './harness.ts';
import { h264Mp4, place } from './media.ts';

let w: World;
const files: Record<string, { id: string; part: number | null; versionLabel: string | null }[]> = {};
const movie = async (title: string) =>
  (await w.h.request('GET', `/v1/movies/${w.ids[title]}`, { token: w.token })).body;
const play = async (title: string, extra: Record<string, unknown> = {}) => {
  const r = await createSession(w, { itemId: w.ids[title], capabilities: BROWSER, ...extra });
  expect(r.status).toBe(201);
  return r.body;
};
/** Plays `fileId` of `title`, reports `position`, and stops. */
const stopAt = async (title: string, fileId: string, position: number) => {
  const s = await play(title, { fileId, startPosition: 0 });
  const beat = { token: w.token, body: { position } };
  expect((await w.h.request('POST', `/v1/playback/sessions/${s.sessionId}/heartbeat`, beat)).status).toBe(
    200,
  );
  expect(
    (await w.h.request('DELETE', `/v1/playback/sessions/${s.sessionId}`, { token: w.token })).status,
  ).toBe(204);
};
const continueItem = async (title: string) =>
  (await w.h.request('GET', '/v1/playback/continue-watching', { token: w.token })).body.items.find(
    (c: any) => c.itemId === w.ids[title],
  );
const part = (n: number) => files['Split Movie'].find((f) => f.part === n)!.id;
const version = (label: string) => files['Cut Movie'].find((f) => f.versionLabel === label)!.id;

beforeAll(async () => {
  w = await boot('movies', async (root) => {
    await place(root, 'Split Movie (2003)/Split Movie (2003) - cd1.mp4', h264Mp4);
    await place(root, 'Split Movie (2003)/Split Movie (2003) - cd2.mp4', h264Mp4);
    await place(root, 'Cut Movie (2004)/Cut Movie (2004) - Final Cut.mp4', h264Mp4);
    await place(root, 'Cut Movie (2004)/Cut Movie (2004) - Theatrical Cut.mp4', h264Mp4);
    await place(root, 'Sharp Movie (2005)/Sharp Movie (2005) - 1080p.mp4', h264Mp4);
    await place(root, 'Sharp Movie (2005)/Sharp Movie (2005) - 2160p.mp4', h264Mp4);
  });
  for (const title of ['Split Movie', 'Cut Movie']) files[title] = (await movie(title)).files;
  expect(files['Split Movie'].map((f) => f.part)).toEqual([1, 2]);
});
afterAll(() => w.stop());

test('stopped in part 2, playing the movie with no file chosen resumes part 2 at its position', async () => {
  await stopAt('Split Movie', part(2), 5);
  const s = await play('Split Movie');
  expect(s.fileId).toBe(part(2));
  expect(s.startPosition).toBe(5);
});

test('the movie and continue watching name the part the resume point belongs to', async () => {
  expect(await movie('Split Movie')).toMatchObject({ position: 5, resumeFileId: part(2) });
  expect(await continueItem('Split Movie')).toMatchObject({
    reason: 'resume',
    positionSeconds: 5,
    resumeFileId: part(2),
    resumePart: 2,
    resumeVersionLabel: null,
  });
});

test('playing part 1 starts it from the beginning, playing part 2 resumes it', async () => {
  expect((await play('Split Movie', { fileId: part(1) })).startPosition).toBe(0);
  expect((await play('Split Movie', { fileId: part(2) })).startPosition).toBe(5);
});

test('a start position without a file plays the first part there', async () => {
  const s = await play('Split Movie', { startPosition: 2 });
  expect(s).toMatchObject({ fileId: part(1), startPosition: 2 });
});

test('stopping in part 1 later moves the resume point back to part 1', async () => {
  await stopAt('Split Movie', part(1), 3);
  expect(await play('Split Movie')).toMatchObject({ fileId: part(1), startPosition: 3 });
  expect((await play('Split Movie', { fileId: part(2) })).startPosition).toBe(0);
});

test('a resume point recorded before files were told apart resumes the first file', async () => {
  w.h.core.sqlite.run('UPDATE libraries_watch_state SET file_id = NULL WHERE item_id = ?', [
    w.ids['Split Movie'],
  ]);
  expect(await movie('Split Movie')).toMatchObject({ position: 3, resumeFileId: null });
  expect(await play('Split Movie')).toMatchObject({ fileId: part(1), startPosition: 3 });
  expect((await play('Split Movie', { fileId: part(2) })).startPosition).toBe(0);
});

test('stopped in one version, the other version starts from 0 and the item resumes the stopped one', async () => {
  await stopAt('Cut Movie', version('Theatrical Cut'), 4);
  expect((await play('Cut Movie', { fileId: version('Final Cut') })).startPosition).toBe(0);
  expect(await play('Cut Movie')).toMatchObject({ fileId: version('Theatrical Cut'), startPosition: 4 });
  expect(await movie('Cut Movie')).toMatchObject({ position: 4, resumeFileId: version('Theatrical Cut') });
  expect(await continueItem('Cut Movie')).toMatchObject({
    resumePart: null,
    resumeVersionLabel: 'Theatrical Cut',
  });
});

test('marking the movie watched clears the resume point and its file', async () => {
  const path = `/v1/movies/${w.ids['Cut Movie']}/watched`;
  expect((await w.h.request('PUT', path, { token: w.token })).status).toBe(200);
  expect((await w.h.request('DELETE', path, { token: w.token })).status).toBe(200);
  expect(await movie('Cut Movie')).toMatchObject({ position: 0, resumeFileId: null });
  expect((await play('Cut Movie')).startPosition).toBe(0);
});

test('with no file chosen, the version the movie lists first plays (the highest resolution), not the first by path', async () => {
  const listed = (await movie('Sharp Movie')).files;
  expect(listed.map((f: { versionLabel: string }) => f.versionLabel)).toEqual(['2160p', '1080p']);
  expect(await play('Sharp Movie')).toMatchObject({ fileId: listed[0].id, startPosition: 0 });
});
