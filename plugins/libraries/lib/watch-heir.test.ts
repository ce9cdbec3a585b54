// Table tests for where a removed item's watch state goes and how it joins its heir's (lib/watch-heir.ts).
import { expect, test } from 'bun:test';
import {
  type FormerFile,
  heirOf,
  inheritedWatchState,
  mergeWatchStates,
  type WatchRow,
  withMovedFiles,
} from './watch-heir.ts';

const T1 = '2025-01-01T00:00:00.000Z';
const T2 = '2025-02-01T00:00:00.000Z';
const T3 = '2025-03-01T00:00:00.000Z';

const f = (path: string, nowOf: string | null): FormerFile => ({ path, nowOf });

test.each<[string, FormerFile[], string | null]>([
  ['one file, now another item’s', [f('/m/a.mkv', 'alien')], 'alien'],
  ['no file', [], null],
  ['no file is an item’s main file now', [f('/m/a.mkv', null)], null],
  [
    'the item that took most of the files',
    [f('/m/cd1.mkv', 'x'), f('/m/cd2.mkv', 'y'), f('/m/cd3.mkv', 'y')],
    'y',
  ],
  ['a tie: the item of the first file in path order', [f('/m/b.mkv', 'y'), f('/m/a.mkv', 'x')], 'x'],
  [
    'a tie whatever order the files come in',
    [f('/m/d.mkv', 'y'), f('/m/c.mkv', 'x'), f('/m/b.mkv', 'y'), f('/m/a.mkv', 'x')],
    'x',
  ],
  ['files no item has do not count', [f('/m/a.mkv', null), f('/m/b.mkv', null), f('/m/c.mkv', 'z')], 'z'],
])('heirOf: %s', (_, files, heir) => expect(heirOf(files)).toBe(heir));

type Files = Record<string, string[]>;
const byItem = (o: Files) => new Map(Object.entries(o).map(([k, ids]) => [k, ids.map((id) => ({ id }))]));
test.each<[string, Files, Files, Files]>([
  ['nothing moved', { a: ['f1'] }, {}, { a: ['f1'] }],
  ['moved in this scan: counted once', { a: ['f1', 'f2'] }, { a: ['f2'] }, { a: ['f1', 'f2'] }],
  ['moved by a scan that died: the item had none when this one began', {}, { a: ['f1'] }, { a: ['f1'] }],
  ['some of each', { a: ['f1'] }, { a: ['f2'], b: ['f3'] }, { a: ['f1', 'f2'], b: ['f3'] }],
])('withMovedFiles: %s', (_, former, moved, want) =>
  expect(withMovedFiles(byItem(former), byItem(moved))).toEqual(byItem(want)),
);

const row = (o: Partial<WatchRow>): WatchRow => ({
  watched: false,
  positionSeconds: 0,
  fileId: null,
  playCount: 0,
  lastPlayedAt: null,
  updatedAt: T1,
  ...o,
});
const watched = (at: string, plays = 1) =>
  row({ watched: true, playCount: plays, lastPlayedAt: at, updatedAt: at });
const resumed = (at: string, position: number, fileId: string | null = 'f') =>
  row({ positionSeconds: position, fileId, lastPlayedAt: at, updatedAt: at });

test.each<[string, WatchRow, WatchRow, Partial<WatchRow>]>([
  [
    'both watched: plays summed, the later play',
    watched(T1, 2),
    watched(T3, 1),
    { watched: true, playCount: 3, lastPlayedAt: T3, updatedAt: T3, positionSeconds: 0, fileId: null },
  ],
  [
    'the ghost watched, the heir half-watched later: watched, no resume point',
    watched(T1),
    resumed(T2, 600),
    { watched: true, playCount: 1, lastPlayedAt: T2, positionSeconds: 0, fileId: null },
  ],
  [
    'the heir watched, the ghost half-watched: watched, no resume point',
    resumed(T3, 600),
    watched(T1),
    { watched: true, playCount: 1, lastPlayedAt: T3, positionSeconds: 0, fileId: null },
  ],
  [
    'both half-watched: the point of the later play (the ghost’s)',
    resumed(T3, 100, 'g'),
    resumed(T2, 900, 'h'),
    { watched: false, positionSeconds: 100, fileId: 'g', lastPlayedAt: T3, playCount: 0 },
  ],
  [
    'both half-watched: the point of the later play (the heir’s)',
    resumed(T1, 900, 'g'),
    resumed(T2, 100, 'h'),
    { watched: false, positionSeconds: 100, fileId: 'h', lastPlayedAt: T2 },
  ],
  [
    'played at the same time: the further point',
    resumed(T2, 900, 'g'),
    resumed(T2, 100, 'h'),
    { positionSeconds: 900, fileId: 'g' },
  ],
  [
    'the heir watched then unwatched after the ghost’s play: its cleared point, its plays kept',
    resumed(T1, 300, 'g'),
    row({ playCount: 1, lastPlayedAt: T2, updatedAt: T3 }),
    { watched: false, positionSeconds: 0, fileId: null, playCount: 1, lastPlayedAt: T2, updatedAt: T3 },
  ],
  [
    'the heir never played (an unwatch of nothing): the ghost’s point',
    resumed(T1, 300, 'g'),
    row({ updatedAt: T2 }),
    { positionSeconds: 300, fileId: 'g', lastPlayedAt: T1, updatedAt: T2 },
  ],
])('mergeWatchStates: %s', (_, ghost, heir, out) => expect(mergeWatchStates(ghost, heir)).toMatchObject(out));

test.each<[string, WatchRow, WatchRow | undefined, Partial<WatchRow>]>([
  ['the heir has none: the ghost’s row as it is', resumed(T1, 300, 'g'), undefined, resumed(T1, 300, 'g')],
  ['watched, the heir has none', watched(T2, 4), undefined, watched(T2, 4)],
  [
    'a point recorded without a file names the ghost’s first file',
    resumed(T1, 300, null),
    undefined,
    { positionSeconds: 300, fileId: 'first' },
  ],
  [
    'and keeps naming it when merged',
    resumed(T2, 300, null),
    resumed(T1, 50, null),
    { positionSeconds: 300, fileId: 'first' },
  ],
  ['a watched row gets no file', watched(T1), undefined, { watched: true, fileId: null }],
  [
    'merged with the heir’s row',
    watched(T1),
    resumed(T2, 50),
    { watched: true, positionSeconds: 0, playCount: 1, lastPlayedAt: T2 },
  ],
])('inheritedWatchState: %s', (_, ghost, heir, out) =>
  expect(inheritedWatchState(ghost, 'first', heir)).toMatchObject(out),
);
