// Tests for sidecar signatures: a folder's signature, a video's (its folder's with its top folder's) and a folder
// listing's.
import { describe, expect, test } from 'bun:test';
import { folderSignature, listingSignature, type SidecarEntry, videoSignature } from './sidecar-signature.ts';

const poster = { name: 'poster.jpg' };
const nfo = { name: 'movie.nfo', size: 120, mtimeMs: 1_700_000_000_000 };

describe('folderSignature', () => {
  test('a folder without other files has signature 0', () => {
    expect(folderSignature([])).toBe(0);
  });

  test('listing order does not matter', () => {
    expect(folderSignature([poster, nfo])).toBe(folderSignature([nfo, poster]));
  });

  const changed: [string, SidecarEntry[]][] = [
    ['a file appears', [poster, nfo, { name: 'fanart.jpg' }]],
    ['a file disappears', [nfo]],
    ['a file is renamed', [{ name: 'folder.jpg' }, nfo]],
    ['an NFO is edited (new mtime)', [poster, { ...nfo, mtimeMs: nfo.mtimeMs + 1 }]],
    ['an NFO changes size', [poster, { ...nfo, size: 121 }]],
    ['the same file twice is not the same as once', [poster, poster, nfo]],
  ];
  test.each(changed)('changes when %s', (_what, entries) => {
    const before = folderSignature([poster, nfo]);
    expect(folderSignature(entries)).not.toBe(before);
    expect(folderSignature(entries)).not.toBe(0);
  });
});

describe('videoSignature', () => {
  test('a video directly in its top folder takes the folder signature', () => {
    expect(videoSignature(1234, undefined)).toBe(1234);
  });

  test('a nested video changes with its own folder and with the top folder', () => {
    const base = videoSignature(1, 2);
    expect(videoSignature(3, 2)).not.toBe(base);
    expect(videoSignature(1, 3)).not.toBe(base);
    expect(videoSignature(1, 2)).toBe(base);
  });

  test('swapping the two folders changes it', () => {
    expect(videoSignature(1, 2)).not.toBe(videoSignature(2, 1));
  });
});

describe('listingSignature', () => {
  const listing = ['Ronin (1998).mkv', 'trailer.mkv', 'poster.jpg'];

  test('an empty folder has signature 0', () => {
    expect(listingSignature([])).toBe(0);
  });

  test('listing order does not matter', () => {
    expect(listingSignature([...listing].reverse())).toBe(listingSignature(listing));
  });

  const changed: [string, string[]][] = [
    ['a video appears', [...listing, 'Sneakers (1992).mkv']],
    ['a video disappears', ['trailer.mkv', 'poster.jpg']],
    ['a video is renamed', ['Ronin.1998.mkv', 'trailer.mkv', 'poster.jpg']],
    ['another file appears', [...listing, 'movie.nfo']],
  ];
  test.each(changed)('changes when %s', (_what, names) => {
    expect(listingSignature(names)).not.toBe(listingSignature(listing));
    expect(listingSignature(names)).not.toBe(0);
  });
});
