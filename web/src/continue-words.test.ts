// Table test of the continue-watching card's words.
import { describe, expect, test } from 'bun:test';
import type { ContinueItem } from './api.ts';
import { continueSubtitle } from './continue-words.ts';

const movie: ContinueItem = {
  itemId: 'm',
  kind: 'movie',
  title: 'Kill Bill',
  showId: null,
  showTitle: null,
  reason: 'resume',
  seasonNumber: null,
  episodeNumber: null,
  positionSeconds: 600,
  resumeFileId: null,
  resumePart: null,
  resumeVersionLabel: null,
  durationSeconds: 3600,
  progress: 600 / 3600,
};

describe('continueSubtitle', () => {
  const cases: [string, Partial<ContinueItem>, string][] = [
    ['a movie in one file: the time left', {}, '50:00 left'],
    ['no duration known: the time watched', { durationSeconds: null }, '10:00 watched'],
    ['stopped in part 2', { resumePart: 2, resumeFileId: 'f2' }, 'Part 2 · 50:00 left'],
    ['stopped in a version', { resumeVersionLabel: "Director's Cut" }, "Director's Cut · 50:00 left"],
    ['a part wins over a label', { resumePart: 1, resumeVersionLabel: 'x' }, 'Part 1 · 50:00 left'],
    ['past the end: nothing left', { positionSeconds: 4000 }, '0:00 left'],
    [
      'an episode: its code and title',
      { kind: 'episode', title: 'Lies', seasonNumber: 1, episodeNumber: 2, resumePart: 2 },
      'S01E02 · Lies',
    ],
  ];
  for (const [name, over, expected] of cases) {
    test(name, () => expect(continueSubtitle({ ...movie, ...over })).toBe(expected));
  }
});
