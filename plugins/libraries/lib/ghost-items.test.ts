// Table tests for which file-less movies and episodes a reconcile removes (lib/ghost-items.ts).
import { expect, test } from 'bun:test';
import { type FilelessTitle, removableTitles } from './ghost-items.ts';

const STARTED = '2025-06-01T12:00:00.000Z';
const BEFORE = '2025-06-01T11:59:59.999Z';
const ROOTS = ['/media/movies', '/mnt/more'];
const row = (folder: string | null, updatedAt = BEFORE): FilelessTitle => ({ id: 'x', folder, updatedAt });

test.each<[string, FilelessTitle, boolean]>([
  ['in a library folder, written by an earlier scan', row('/media/movies/Ronin (1998)'), true],
  ['in the second library folder', row('/mnt/more/Show/Season 01'), true],
  ['at a library folder itself (a file at the root)', row('/media/movies'), true],
  ['written by this scan', row('/media/movies/Ronin (1998)', STARTED), false],
  [
    'written after this scan began (an edit meanwhile)',
    row('/media/movies/Ronin (1998)', '2025-06-01T12:00:05.000Z'),
    false,
  ],
  ['in a folder taken out of the library', row('/media/old/Heat (1995)'), false],
  ['in a folder that only starts like a library folder', row('/media/movies-4k/Heat (1995)'), false],
  ['with no folder recorded', row(null), false],
])('%s → %p', (_, r, out) => expect(removableTitles([r], ROOTS, STARTED)).toEqual(out ? ['x'] : []));

test('keeps the order of the rows it removes', () => {
  const rows = ['a', 'b', 'c'].map((id, i) => ({
    id,
    folder: i === 1 ? '/elsewhere' : '/media/movies/m',
    updatedAt: BEFORE,
  }));
  expect(removableTitles(rows, ROOTS, STARTED)).toEqual(['a', 'c']);
});
