// Table tests for file validators and conditional GETs: ETag and Last-Modified shapes, weak comparison, lists, `*`,
// dates, and If-None-Match deciding over If-Modified-Since.
import { describe, expect, test } from 'bun:test';
import { fileValidators, notModified, variantValidators } from '../../core/src/http/file-validators.ts';

const v = fileValidators(1649, Date.UTC(2026, 10, 24, 7, 9, 31, 750));

describe('fileValidators', () => {
  test('a quoted ETag of size and mtime, and Last-Modified in whole seconds', () => {
    expect(v).toEqual({ etag: '"19t-mwuctply"', lastModified: 'Tue, 24 Nov 2026 07:09:31 GMT' });
  });

  test('another size or mtime is another ETag; a variant keeps the date', () => {
    expect(fileValidators(1650, Date.UTC(2026, 10, 24, 7, 9, 31, 750)).etag).not.toBe(v.etag);
    expect(fileValidators(1649, Date.UTC(2026, 10, 24, 7, 9, 31, 751)).etag).not.toBe(v.etag);
    expect(variantValidators(v, 'w120')).toEqual({
      etag: '"19t-mwuctply-w120"',
      lastModified: v.lastModified,
    });
  });
});

describe('notModified', () => {
  test.each([
    ['its ETag', '"19t-mwuctply"', null, true],
    ['its ETag marked weak', 'W/"19t-mwuctply"', null, true],
    ['a list holding it', '"a", W/"b",  "19t-mwuctply"', null, true],
    ['any (*)', '*', null, true],
    ['another ETag', '"19t-mwuctplz"', null, false],
    ['its ETag unquoted', '19t-mwuctply', null, false],
    ['an empty If-None-Match', '', null, false],
    ['its Last-Modified date', null, 'Tue, 24 Nov 2026 07:09:31 GMT', true],
    ['a later date', null, 'Tue, 24 Nov 2026 07:09:32 GMT', true],
    ['an earlier date', null, 'Tue, 24 Nov 2026 07:09:30 GMT', false],
    ['a date that is not one', null, 'yesterday', false],
    ['another ETag with a later date', '"x"', 'Tue, 24 Nov 2026 08:00:00 GMT', false],
    ['its ETag with an earlier date', '"19t-mwuctply"', 'Thu, 01 Jan 1970 00:00:00 GMT', true],
    ['neither', null, null, false],
  ] as const)('%s → %p', (_name, inm, ims, expected) => {
    expect(notModified(inm, ims, v)).toBe(expected);
  });
});
