// Table tests for the helpers parseMovie reads a path's folders with: disc folders, the movie's folder of a plain
// path, and the case-blind prefix test of a version file's name.
import { describe, expect, test } from 'bun:test';
import { isDiscFolder, movieFolderBefore, startsWithIgnoringCase } from './movie';
import { lastSegmentStart } from './path-parts';

describe('isDiscFolder', () => {
  test.each([
    ['BDMV', true],
    ['VIDEO_TS', true],
    ['Video_TS', true],
    ['stream', true],
    ['PLAYLIST', true],
    ['ClipInf', true],
    ['backup', true],
    // Lower-casing the Kelvin sign gives `k`.
    ['bac\u212aup', true],
    ['BDM', false],
    ['VIDEO_TS1', false],
    ['Heat (1995)', false],
    ['', false],
  ])('%p → %p', (name, disc) => expect(isDiscFolder(name)).toBe(disc));
});

describe('movieFolderBefore', () => {
  test.each([
    ['Heat (1995)/Heat.mkv', 'Heat (1995)'],
    ['Movies/Heat (1995)/Heat.mkv', 'Heat (1995)'],
    ['Heat (1995)/BDMV/STREAM/00001.m2ts', 'Heat (1995)'],
    ['Heat (1995)/VIDEO_TS/VTS_01_1.VOB', 'Heat (1995)'],
    ['BDMV/STREAM/00001.m2ts', undefined],
    ['Heat.mkv', undefined],
  ])('%p → %p', (path, folder) => expect(movieFolderBefore(path, lastSegmentStart(path))).toBe(folder));
});

describe('startsWithIgnoringCase', () => {
  test.each([
    ['Heat (1995) - 2160p', 'heat (1995)', true],
    ['HEAT', 'heat', true],
    ['Heat', 'Heat (1995)', false],
    ['Heat.1995', 'Heat 1995', false],
    ['anything', '', true],
    ['', '', true],
    ['Amélie - 4K', 'AMÉLIE', true],
    ['Straße - 4K', 'STRASSE', false],
    // `İ` lower-cases to two code units, `i` and a dot above.
    ['İstanbul', 'i\u0307s', true],
  ])('%p starts with %p → %p', (text, prefix, starts) => {
    expect(startsWithIgnoringCase(text, prefix)).toBe(starts);
    expect(startsWithIgnoringCase(text, prefix)).toBe(text.toLowerCase().startsWith(prefix.toLowerCase()));
  });
});
