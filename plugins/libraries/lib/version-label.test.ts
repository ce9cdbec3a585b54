// fileVersionLabel: a file's Jellyfin version label, else its 3D tag in words, from the path as parseMovie reads it.
import { expect, test } from 'bun:test';
import { parseMovie } from './naming/index.ts';
import { fileVersionLabel } from './version-label.ts';

test.each<[string, string | undefined]>([
  ['Dune (2021)/Dune (2021) - 2160p.mkv', '2160p'],
  ['Avatar (2009)/Avatar (2009) - 1080p 3D.mkv', '1080p 3D'],
  ['Avatar (2009)/Avatar (2009) 3D.HSBS.mkv', '3D HSBS'],
  ['Avatar (2009)/Avatar (2009).3D.FTAB.mkv', '3D FTAB'],
  ['Avatar (2009)/Avatar (2009).3D.mkv', '3D'],
  ['Avatar (2009) [3D] [MVC].mkv', '3D MVC'],
  ['Avatar (2009)/Avatar (2009).mkv', undefined],
  ['Heat (1995)/Heat (1995) cd1.mkv', undefined],
])('%s → %p', (path, label) => {
  expect(fileVersionLabel(parseMovie(path))).toBe(label);
});
