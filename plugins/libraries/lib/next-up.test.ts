// Table tests of next-up episode choice (libraries owns show progress; playback and /v1/shows/next-up use it).
import { expect, test } from 'bun:test';
import { type EpisodeState, nextUp } from './next-up.ts';

const ep = (
  id: string,
  season: number,
  episode: number,
  watched = false,
  at: string | null = null,
): EpisodeState => ({
  id,
  season,
  episode,
  watched,
  lastPlayedAt: at,
});

test.each<[string, EpisodeState[], string | null]>([
  ['nothing watched', [ep('a', 1, 1), ep('b', 1, 2)], null],
  ['the first watched', [ep('a', 1, 1, true, '2026-01-01'), ep('b', 1, 2)], 'b'],
  [
    'across seasons',
    [ep('a', 1, 2, true, '2026-01-01'), ep('c', 2, 1), ep('b', 1, 1, true, '2025-01-01')],
    'c',
  ],
  ['finished show', [ep('a', 1, 1, true, '2026-01-01'), ep('b', 1, 2, true, '2026-01-02')], null],
  [
    'a rewatch of an early episode continues after it',
    [ep('a', 1, 1, true, '2026-03-01'), ep('b', 1, 2), ep('c', 1, 3, true, '2026-01-01')],
    'b',
  ],
  [
    'watched ones after the anchor are skipped',
    [ep('a', 1, 1, true, '2026-03-01'), ep('b', 1, 2, true, '2026-01-01'), ep('c', 1, 3)],
    'c',
  ],
  [
    'specials are ignored',
    [ep('s', 0, 1, true, '2026-05-01'), ep('a', 1, 1, true, '2026-01-01'), ep('b', 1, 2)],
    'b',
  ],
])('%s → %p', (_what, episodes, id) => {
  expect(nextUp(episodes)?.id ?? null).toBe(id);
});
