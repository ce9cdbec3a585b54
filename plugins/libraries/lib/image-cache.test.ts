// Table tests for the image cache's rules: copy names, which copies of an artwork are stale once a copy of a newer
// version is written, and which copies a sweep over the bound removes (least recently used first, never the new one).
import { describe, expect, test } from 'bun:test';
import { type CachedFile, copyName, evictions, isTempName, staleCopies } from './image-cache.ts';

describe('copyName and isTempName', () => {
  test.each([
    [240, 'ab12', false, '240-ab12.jpg'],
    [120, 'ab12', true, '120-ab12.png'],
  ])('width %d of version %s (png %p) is %s', (width, version, png, name) => {
    expect(copyName(width, version, png)).toBe(name);
  });

  test.each([
    ['240-ab12.jpg.4242.tmp.jpg', true],
    ['120-ab12.png.7.tmp.png', true],
    ['240-ab12.jpg', false],
    ['notes.tmp', false],
  ])('%s is a temporary file: %p', (name, temp) => {
    expect(isTempName(name)).toBe(temp);
  });
});

describe('staleCopies', () => {
  test.each([
    ['nothing else there', ['240-aa01.jpg'], '240-aa01.jpg', []],
    [
      'the same width of an older version',
      ['240-bb01.jpg', '240-aa01.jpg'],
      '240-aa01.jpg',
      ['240-bb01.jpg'],
    ],
    [
      'every width of older versions, PNG or JPEG',
      ['120-bb01.png', '240-bb02.jpg', '240-aa01.jpg', '1080-bb01.jpg'],
      '240-aa01.jpg',
      ['120-bb01.png', '240-bb02.jpg', '1080-bb01.jpg'],
    ],
    [
      'other widths of the same version stay',
      ['120-aa01.jpg', '720-aa01.jpg', '240-aa01.jpg'],
      '240-aa01.jpg',
      [],
    ],
    [
      'renders in progress stay, of any version',
      ['240-bb01.jpg.12.tmp.jpg', '360-aa01.jpg.12.tmp.jpg', '240-aa01.jpg'],
      '240-aa01.jpg',
      [],
    ],
    ['a file that is no copy goes', ['poster.jpg', '240-aa01.jpg'], '240-aa01.jpg', ['poster.jpg']],
  ])('%s', (_name, names, written, stale) => {
    expect(staleCopies(names, written)).toEqual(stale);
  });
});

describe('evictions', () => {
  const f = (path: string, size: number, mtimeMs: number): CachedFile => ({ path, size, mtimeMs });
  const files = [f('c', 30, 3), f('a', 30, 1), f('d', 30, 4), f('b', 30, 2)];
  const paths = (out: CachedFile[]) => out.map((x) => x.path);

  test.each([
    ['within the bound: nothing', 120, 120, 90, undefined, []],
    ['over it: the least recently used down to the target', 120, 100, 60, undefined, ['a', 'b']],
    ['one over: down to the target, not just under the bound', 120, 119, 90, undefined, ['a']],
    ['the copy just written is kept even when it is the oldest', 120, 100, 60, 'a', ['b', 'c']],
    ['a bound below one copy keeps only the new one', 120, 10, 8, 'd', ['a', 'b', 'c']],
  ])('%s', (_name, total, max, target, keep, out) => {
    expect(paths(evictions(files, total, max, target, keep))).toEqual(out);
  });

  test('copies used at the same moment go by path, so a sweep is the same each time', () => {
    const tied = [f('y', 10, 5), f('x', 10, 5), f('z', 10, 1)];
    expect(paths(evictions(tied, 30, 20, 10, undefined))).toEqual(['z', 'x']);
  });
});
