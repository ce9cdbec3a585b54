// Table tests of episode labels and counts: codes with ranges, season names, and a season's episode total in which
// a multi-episode file counts as each of its episodes.
import { describe, expect, test } from 'bun:test';
import { episodeCode, episodeTotal, playHref, seasonName } from './links.ts';

const ep = (episodeNumber: number | null, endingEpisodeNumber: number | null = null) => ({
  episodeNumber,
  endingEpisodeNumber,
});

describe('episodeTotal', () => {
  test.each([
    ['no episodes', [], 0],
    ['three single episodes', [ep(1), ep(2), ep(3)], 3],
    ['E01, E02–E03, E04', [ep(1), ep(2, 3), ep(4)], 4],
    ['a triple episode', [ep(5, 7)], 3],
    ['an unnumbered file', [ep(null)], 1],
    ['an ending before the start counts once', [ep(4, 2)], 1],
  ])('%s → %p', (_, items, total) => {
    expect(episodeTotal(items)).toBe(total);
  });
});

describe('episodeCode and seasonName', () => {
  test.each([
    [1, 2, null, 'S01E02'],
    [1, 2, 3, 'S01E02–E03'],
    [null, 5, null, 'E05'],
    [1, null, null, ''],
  ])('S%p E%p–%p → %s', (season, episode, ending, code) => {
    expect(episodeCode(season, episode, ending)).toBe(code);
  });

  test.each([
    [0, 'Specials'],
    [2, 'Season 2'],
    [null, 'Season ?'],
  ])('%p → %s', (season, name) => {
    expect(seasonName(season)).toBe(name);
  });
});

describe('playHref', () => {
  test.each([
    ['resume whatever the server picks', 'm1', {}, '/play/m1'],
    ['resume a part', 'm1', { file: 'p2' }, '/play/m1?file=p2'],
    ['resume without a known file', 'm1', { file: null }, '/play/m1'],
    ['from the start', 'm1', { from: 0 }, '/play/m1?from=0'],
    ['a part from its start', 'm 1', { file: 'p/2', from: 0 }, '/play/m%201?file=p%2F2&from=0'],
  ])('%s → %s', (_, id, o, href) => {
    expect(playHref(id, o)).toBe(href);
  });
});
