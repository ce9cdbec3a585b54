// Table tests of episode hit labels: show and code, a multi-episode range, no show.
import { expect, test } from 'bun:test';
import { episodeLabel } from './episode-label.ts';

test.each([
  ['Breaking Bad', 5, 14, null, 'Breaking Bad · S05E14'],
  ['Show Name', 1, 2, 3, 'Show Name · S01E02–E03'],
  ['Show Name', 1, 2, 2, 'Show Name · S01E02'],
  ['Show Name', 0, 1, null, 'Show Name · S00E01'],
  [null, 1, 1, null, 'S01E01'],
  ['', 2, 10, 12, 'S02E10–E12'],
] as const)('%p S%pE%p–%p → %s', (show, season, episode, ending, label) => {
  expect(episodeLabel(show, season, episode, ending)).toBe(label);
});
