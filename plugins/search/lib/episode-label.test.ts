// Table tests of episode hit labels: show and code, a multi-episode range, no show, no episode number.
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

// Date-based episodes and ones named only by their season folder have no number: never "S01E00".
test.each([
  ['The Daily Show', 1, null, '2024-03-01', 'The Daily Show · 2024-03-01'],
  ['The Daily Show', 2024, null, '2024-03-05', 'The Daily Show · 2024-03-05'],
  ['Lost', 0, null, null, 'Lost · Specials'],
  ['Lost', 2, null, null, 'Lost · Season 2'],
  [null, null, null, null, 'Season 1'],
  ['Lost', 1, 4, '2004-10-13', 'Lost · S01E04'],
] as const)('%p season %p episode %p aired %p → %s', (show, season, episode, airDate, label) => {
  expect(episodeLabel(show, season, episode, null, airDate)).toBe(label);
});
