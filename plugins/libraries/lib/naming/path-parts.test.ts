// Table tests for extension parsing, which every scan runs on every file name.
import { describe, expect, test } from 'bun:test';
import { extensionOf, splitPath, stripExtension } from './path-parts.ts';

describe('extensionOf', () => {
  test.each([
    ['Movie (1999).mkv', '.mkv'],
    ['Movie.1999.1080p.MKV', '.mkv'],
    ['poster.JPEG', '.jpeg'],
    ['.nomedia', ''],
    ['Mr. Robot', ''],
    ['noext', ''],
    ['trailing.', ''],
    ['double..mkv', ''],
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
