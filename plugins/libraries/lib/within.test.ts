// Table tests for whether a path lies in a folder (lib/within.ts).
import { expect, test } from 'bun:test';
import { isWithin } from './within.ts';

test.each<[string, string, boolean]>([
  ['/media/movies', '/media/movies', true],
  ['/media/movies/Heat (1995)', '/media/movies', true],
  ['/media/movies/a/b', '/media/movies/', true],
  ['/media/movies-4k/Heat (1995)', '/media/movies', false],
  ['/media', '/media/movies', false],
  ['/other/movies', '/media/movies', false],
  ['/anything', '/', true],
])('%p within %p → %p', (inner, outer, out) => expect(isWithin(inner, outer)).toBe(out));
