// /v1/fs/browse, the admin folder picker: sub-folders only (no files, no hidden folders), clear 4xx on bad paths.
import { afterAll, expect, test } from 'bun:test';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestHost } from '@bijou/sdk/testing';
import { isOffered } from '../../core/src/fs/browse.ts';

const root = mkdtempSync(join(tmpdir(), 'bijou-browse-'));
for (const d of ['Movies', 'shows', 'Movies/Alien (1979)', '.hidden'])
  mkdirSync(join(root, d), { recursive: true });
writeFileSync(join(root, 'notes.txt'), 'secret text');
symlinkSync(join(root, 'shows'), join(root, 'TV link'));
const h = await createTestHost();
const admin = await h.admin();
afterAll(async () => {
  await h.stop();
  rmSync(root, { recursive: true, force: true });
});
const browse = (path: string | null, token: string | null = admin) =>
  h.request('GET', `/v1/fs/browse${path === null ? '' : `?path=${encodeURIComponent(path)}`}`, { token });

test.each([
  ['Movies', true],
  ['.hidden', false],
  ['.', false],
])('folder %p is offered: %p', (name, offered) => {
  expect(isOffered(name)).toBe(offered);
});

test('lists sub-folders (symlinked ones too) sorted by name, without files or hidden folders', async () => {
  const r = await browse(root);
  expect(r.status).toBe(200);
  expect(r.body.path).toBe(root);
  expect(r.body.folders.map((f: { name: string }) => f.name)).toEqual(['Movies', 'shows', 'TV link']);
  expect(r.body.folders[0].path).toBe(join(root, 'Movies'));
  expect(JSON.stringify(r.body)).not.toContain('notes.txt');
});

test('gives the parent folder, and none at the root', async () => {
  expect((await browse(join(root, 'Movies'))).body.parent).toBe(root);
  const top = await browse(null);
  expect(top.status).toBe(200);
  expect(top.body).toMatchObject({ path: '/', parent: null });
});

test('a trailing slash and dot segments are normalised', async () => {
  expect((await browse(`${root}/Movies/../Movies/`)).body.path).toBe(join(root, 'Movies'));
});

test.each([
  ['a relative path', 'media/Movies', 400],
  ['a file', 'FILE', 400],
  ['a missing folder', 'MISSING', 404],
])('%s answers %p', async (_, path, status) => {
  const p = path === 'FILE' ? join(root, 'notes.txt') : path === 'MISSING' ? join(root, 'nope') : path;
  const r = await browse(p);
  expect(r.status).toBe(status);
  expect(typeof r.body.error).toBe('string');
});

test('users get 403 and visitors 401', async () => {
  const u = await h.user();
  expect((await browse(root, u.token)).status).toBe(403);
  expect((await browse(root, null)).status).toBe(401);
});
