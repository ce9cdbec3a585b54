// The files of a movie as the API gives them: each main file says which version of the title it is
// (`versionLabel`) and which part of a split title (`part`), in lists, details and file stats alike, and file stats
// list them in the detail's order (the default version first, parts by number).
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { basename } from 'node:path';
import { Value } from '@sinclair/typebox/value';
import { ItemDetail, ItemPage } from '../model.ts';
import { removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, listAll, scan } from './harness.ts';

let b: Booted;
const ids: Record<string, string> = {};

beforeAll(async () => {
  b = await boot({ probe: false });
  const root = await writeTree(tempDir(), {
    'Blade Runner (1982)/Blade Runner (1982).mkv': '',
    "Blade Runner (1982)/Blade Runner (1982) - Director's Cut.mkv": '',
    'Heat (1995)/Heat (1995) cd1.avi': '',
    'Heat (1995)/Heat (1995) cd2.avi': '',
    'Up (2009)/Up (2009).mkv': '',
    'Dune (2021)/Dune (2021) - 1080p.mkv': '',
    'Dune (2021)/Dune (2021) - 2160p.mkv': '',
    'Dune (2021)/Dune (2021) - 720p.mkv': '',
    ...Object.fromEntries([1, 2, 10].map((n) => [`Shoah (1985)/Shoah (1985) cd${n}.mkv`, ''])),
  });
  await scan(b, await createLibrary(b, 'movies', [root]));
  for (const m of await listAll(b, '/v1/movies')) ids[m.title] = m.id;
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

/** `[file name, versionLabel, part]` of each file of an item view. */
const files = (item: { files: { path: string; versionLabel: unknown; part: unknown }[] }) =>
  item.files.map((f) => [basename(f.path), f.versionLabel, f.part]);

test.each([
  [
    'versions in one folder carry their labels, the plain one null',
    'Blade Runner',
    [
      ['Blade Runner (1982).mkv', null, null],
      ["Blade Runner (1982) - Director's Cut.mkv", "Director's Cut", null],
    ],
  ],
  [
    'a cd1/cd2 stack carries its part numbers',
    'Heat',
    [
      ['Heat (1995) cd1.avi', null, 1],
      ['Heat (1995) cd2.avi', null, 2],
    ],
  ],
  ['a single file has neither', 'Up', [['Up (2009).mkv', null, null]]],
])('%s, in the list and in the detail', async (_name, title, expected) => {
  const listed = (await listAll(b, '/v1/movies')).find((m) => m.title === title);
  expect(files(listed)).toEqual(expected);
  expect(files(await get(b, `/v1/movies/${ids[title]}`))).toEqual(expected);
});

test('file stats carry the version label and part too', async () => {
  const stats = await get(b, `/v1/movies/${ids.Heat}/file-stats`);
  expect(files({ files: stats.items })).toEqual([
    ['Heat (1995) cd1.avi', null, 1],
    ['Heat (1995) cd2.avi', null, 2],
  ]);
});

test.each([
  [
    'versions, highest resolution first',
    'Dune',
    ['Dune (2021) - 2160p.mkv', 'Dune (2021) - 1080p.mkv', 'Dune (2021) - 720p.mkv'],
  ],
  [
    'versions, the plain one first',
    'Blade Runner',
    ['Blade Runner (1982).mkv', "Blade Runner (1982) - Director's Cut.mkv"],
  ],
  [
    'parts by number, not by name',
    'Shoah',
    ['Shoah (1985) cd1.mkv', 'Shoah (1985) cd2.mkv', 'Shoah (1985) cd10.mkv'],
  ],
])('file stats list %s, as the detail does', async (_name, title, expected) => {
  const names = (list: { path: string }[]) => list.map((f) => basename(f.path));
  expect(names((await get(b, `/v1/movies/${ids[title]}`)).files)).toEqual(expected);
  expect(names((await get(b, `/v1/movies/${ids[title]}/file-stats`)).items)).toEqual(expected);
});

test('list pages and details match the declared schemas, which name both fields', async () => {
  const page = await get(b, '/v1/movies');
  expect([...Value.Errors(ItemPage, page)].map((e) => e.path)).toEqual([]);
  const detail = await get(b, `/v1/movies/${ids['Blade Runner']}`);
  expect([...Value.Errors(ItemDetail, detail)].map((e) => e.path)).toEqual([]);
  const spec = await get(b, '/v1/openapi.json');
  const schema = JSON.stringify(spec.paths['/v1/movies/{id}'].get.responses['200']);
  expect(schema).toContain('"versionLabel"');
  expect(schema).toContain('"part"');
});
