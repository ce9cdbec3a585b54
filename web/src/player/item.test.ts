// Table tests of what plays after a part of a movie split over files: the next present part, from the first part
// when no file is named, and nothing after the last part or for a movie in one file.
import { describe, expect, test } from 'bun:test';
import { type Item, nextPart } from './item.ts';

const file = (id: string, part: number | null, missing = false) => ({
  id,
  path: `/m/${id}.mp4`,
  size: 1,
  container: 'mp4',
  missing,
  part,
});
const movie = (files: ReturnType<typeof file>[]): Item => ({
  id: 'm',
  kind: 'movie',
  title: 'Split',
  seasonNumber: null,
  episodeNumber: null,
  endingEpisodeNumber: null,
  showId: null,
  parentId: null,
  files,
});

describe('nextPart', () => {
  test.each([
    [
      'the first part, by default',
      [file('a', 1), file('b', 2)],
      null,
      { id: 'm', label: 'Part 2', file: 'b' },
    ],
    ['part 2 of 3', [file('c', 3), file('a', 1), file('b', 2)], 'b', { id: 'm', label: 'Part 3', file: 'c' }],
    ['the last part', [file('a', 1), file('b', 2)], 'b', null],
    [
      'a missing next part is skipped',
      [file('a', 1), file('b', 2, true), file('c', 3)],
      'a',
      { id: 'm', label: 'Part 3', file: 'c' },
    ],
    ['a movie in one file', [file('a', null)], null, null],
    ['two versions, not parts', [file('a', null), file('b', null)], 'a', null],
  ] as const)('%s', (_, files, playing, next) => {
    expect(nextPart(movie([...files]), playing)).toEqual(next);
  });
});
