// A movie folder's own artwork (poster.jpg, fanart.jpg) through a scan and the API: it belongs to the folder's one
// title — also when that title is split in editions or has a 3D copy beside it — and to nobody in a folder of several
// titles, where only art named after a file counts. Editions, each its own movie, carry their edition in the list; a 3D
// copy is a version labelled by its 3D tag.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, listAll, scan } from './harness.ts';

let b: Booted;
let movies: any[];

beforeAll(async () => {
  b = await boot({ probe: false });
  const root = tempDir();
  await writeTree(root, {
    "Alien (1979)/Alien (1979) {edition-Director's Cut}.mkv": '',
    'Alien (1979)/Alien (1979) {edition-Theatrical}.mkv': '',
    'Alien (1979)/poster.jpg': 'alien poster',
    'Alien (1979)/fanart.jpg': 'alien fanart',
    'Avatar (2009)/Avatar (2009).mkv': '',
    'Avatar (2009)/Avatar (2009) 3D.HSBS.mkv': '',
    'Avatar (2009)/folder.jpg': 'avatar poster',
    'Films/Heat (1995) cd1.mkv': '',
    'Films/Heat (1995) cd2.mkv': '',
    'Films/Up (2009).mkv': '',
    'Films/Up (2009)-poster.jpg': 'up poster',
    'Films/poster.jpg': 'whose poster?',
  });
  await scan(b, await createLibrary(b, 'movies', [root]));
  movies = await listAll(b, '/v1/movies');
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

const titled = (title: string) => movies.filter((m) => m.title === title);

async function image(url: string): Promise<string> {
  const r = await b.h.request('GET', url, { token: b.token });
  expect(r.status).toBe(200);
  return r.body;
}

test('editions are told apart in the list by their edition', () => {
  expect(
    titled('Alien')
      .map((m) => m.edition)
      .sort(),
  ).toEqual(["Director's Cut", 'Theatrical']);
  expect(titled('Avatar')[0].edition).toBeNull();
});

test("each edition of a title in one folder gets the folder's poster and backdrop", async () => {
  const editions = titled('Alien');
  expect(editions).toHaveLength(2);
  for (const m of editions) {
    expect(Object.keys(m.artwork).sort()).toEqual(['backdrop', 'poster']);
    expect(await image(m.artwork.poster)).toBe('alien poster');
    expect(await image(m.artwork.backdrop)).toBe('alien fanart');
  }
});

test("a title with a 3D copy beside its 2D file gets the folder's poster", async () => {
  const [avatar] = titled('Avatar');
  expect(avatar.files).toHaveLength(2);
  expect(await image(avatar.artwork.poster)).toBe('avatar poster');
});

test('the 3D copy is labelled by its 3D tag, the 2D file (the default, first) is not', () => {
  const [avatar] = titled('Avatar');
  expect(avatar.files.map((f: any) => [f.path.split('/').pop(), f.versionLabel])).toEqual([
    ['Avatar (2009).mkv', null],
    ['Avatar (2009) 3D.HSBS.mkv', '3D HSBS'],
  ]);
});

test("in a folder of several titles the folder's poster is nobody's; a name-prefixed one is its title's", async () => {
  expect(titled('Heat')[0].artwork).toEqual({});
  const [up] = titled('Up');
  expect(Object.keys(up.artwork)).toEqual(['poster']);
  expect(await image(up.artwork.poster)).toBe('up poster');
});
