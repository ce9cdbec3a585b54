// Table tests for extension parsing, which every scan runs on every file name.
import { describe, expect, test } from 'bun:test';
import { extensionOf, lastSegmentStart, splitPath, stripExtension } from './path-parts.ts';

describe('extensionOf', () => {
  test.each([
    ['Movie (1999).mkv', '.mkv'],
    ['Movie.1999.1080p.MKV', '.mkv'],
    ['poster.JPEG', '.jpeg'],
    ['.nomedia', ''],
    ['Mr. Robot', ''],
    ['noext', ''],
    ['trailing.', ''],
    ['double..mkv', '.mkv'],
    ["Breaking Bad - S01E02 - Cat's in the Bag....mkv", '.mkv'],
    ['24 - S02E01 - Day 2 8 00 A.M.-9 00 A.M..mkv', '.mkv'],
    ['Title....en.srt', '.srt'],
    ['..', ''],
    ['...', ''],
    ['dir.d/file', ''],
    ['win\\.hidden', ''],
    ['archive.verylongextension', ''],
    ['a.b c', ''],
    ['Movie.mk\u00a0v', ''],
    ['x.\u2003', ''],
    ['a.b/c', ''],
    ['Show - S01E01.m2ts', '.m2ts'],
    ['a.b\\c', ''],
    ['a.mk\tv', ''],
    ['a.mkv\u3000', ''],
    ['a.\u00e9\u00c9', '.\u00e9\u00e9'],
    ['x.\u212aB', '.kb'],
  ])('%p → %p', (name, ext) => expect(extensionOf(name)).toBe(ext));
});

describe('stripExtension', () => {
  test.each([
    ['Movie (1999).mkv', 'Movie (1999)'],
    ['Mr. Robot', 'Mr. Robot'],
    ['.nomedia', '.nomedia'],
    ["Cat's in the Bag....mkv", "Cat's in the Bag..."],
  ])('%p → %p', (name, out) => expect(stripExtension(name)).toBe(out));
});

describe('splitPath', () => {
  test.each([
    ['a/b', ['a', 'b']],
    ['a//b', ['a', 'b']],
    ['/a/b/', ['a', 'b']],
    ['a\\b\\c', ['a', 'b', 'c']],
    ['', []],
  ])('%p → %o', (path, segments) => expect(splitPath(path)).toEqual(segments));
});

describe('lastSegmentStart', () => {
  test.each([
    ['Show/Season 01/Show - S01E01.mkv', 15],
    ['Movie.mkv', 0],
    ['a/b', 2],
    // Anything splitPath has to read: `\\`, empty segments.
    ['Show\\Season 01\\Show - S01E01.mkv', -1],
    ['/Show/x.mkv', -1],
    ['Show//x.mkv', -1],
    ['Show/', -1],
    ['', -1],
  ])('%p → %p', (path, at) => {
    expect(lastSegmentStart(path)).toBe(at);
    if (at >= 0) expect(path.slice(at)).toBe(splitPath(path).pop() as string);
  });
});
