// Table tests for foldersBefore: what the folders of a plain path say, read in place, as foldersOf reads the split
// folders.
import { describe, expect, test } from 'bun:test';
import { foldersBefore, foldersOf } from './episode';
import { lastSegmentStart, splitPath } from './path-parts';

const paths = [
  'Doctor Who (2005)/Season 01/Doctor Who - S01E01.mkv',
  'Doctor Who (2005)/Season 01/Doctor Who - S01E02.mkv',
  'Doctor Who (2005)/Season 02/Doctor Who - S02E01.mkv',
  'Doctor Who (2005)/Specials/Doctor Who - S00E01.mkv',
  'Doctor Who (2005) [tvdbid-78804]/Doctor Who - S01E01.mkv',
  'TV/Show/Season 3/Show - 3x04.mkv',
  'Show - S01E01.mkv',
  'Season 2/Show - S02E01.mkv',
];

describe('foldersBefore', () => {
  // Twice over, so the second pass also reads the answers kept for the last folder and in the memo.
  test.each([...paths, ...paths])('%p', (path) => {
    const folders = splitPath(path).slice(0, -1);
    expect(foldersBefore(path, lastSegmentStart(path))).toEqual(foldersOf(folders));
  });

  test('says what the folders say', () => {
    const path = 'Doctor Who (2005)/Season 01/Doctor Who - S01E01.mkv';
    expect(foldersBefore(path, lastSegmentStart(path))).toEqual({
      layout: { showFolder: 'Doctor Who (2005)', folderSeason: 1 },
      fromFolder: { title: 'Doctor Who', year: 2005, ids: {} },
    });
    expect(foldersBefore('Show - S01E01.mkv', 0)).toEqual({
      layout: { showFolder: undefined },
      fromFolder: undefined,
    });
  });
});
