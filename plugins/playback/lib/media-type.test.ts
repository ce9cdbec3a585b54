// Table tests of the direct-play file's content type by container.
import { expect, test } from 'bun:test';
import { contentTypeOf } from './media-type.ts';

test.each([
  ['mp4', 'video/mp4'],
  ['mkv', 'video/x-matroska'],
  ['webm', 'video/webm'],
  ['ts', 'video/mp2t'],
  [null, 'application/octet-stream'],
])('%p is served as %p', (c, type) => {
  expect(contentTypeOf(c)).toBe(type);
});
