// Table tests for telling an image's type from its first bytes, and which types may be transparent.
import { describe, expect, test } from 'bun:test';
import { IMAGE_HEAD_BYTES, imageTypeOf, mayBeTransparent } from './image-type.ts';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('imageTypeOf', () => {
  test.each([
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'), 'image/jpeg'],
    ['PNG', bytes([0x89], 'PNG\r\n\x1a\n', [0, 0, 0]), 'image/png'],
    ['GIF', bytes('GIF89a', [1, 0]), 'image/gif'],
    ['WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBP'), 'image/webp'],
    ['AVIF', bytes([0, 0, 0, 0x1c], 'ftypavif'), 'image/avif'],
    ['an AVIF sequence', bytes([0, 0, 0, 0x1c], 'ftypavis'), 'image/avif'],
    ['BMP', bytes('BM', [0x36, 0, 0, 0]), 'image/bmp'],
    ['a RIFF that is not WebP (WAV)', bytes('RIFF', [0x24, 0, 0, 0], 'WAVE'), null],
    ['an MP4', bytes([0, 0, 0, 0x20], 'ftypisom'), null],
    ['text', bytes('<html>'), null],
    ['nothing', bytes(), null],
    ['a truncated JPEG', bytes([0xff, 0xd8]), null],
  ])('%s → %p', (_name, head, expected) => {
    expect(head.length).toBeLessThanOrEqual(IMAGE_HEAD_BYTES);
    expect(imageTypeOf(head)).toBe(expected);
  });
});

describe('mayBeTransparent', () => {
  test.each([
    ['image/png', true],
    ['image/gif', true],
    ['image/webp', true],
    ['image/avif', true],
    ['image/jpeg', false],
    ['image/bmp', false],
    [null, false],
  ] as const)('%p → %p', (type, expected) => {
    expect(mayBeTransparent(type)).toBe(expected);
  });
});
