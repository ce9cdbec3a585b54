// What an image file holds, by its first bytes rather than its name (Kodi's `.tbn` thumbnails are JPEG or PNG, and
// downloaded artwork is often a PNG named `.jpg`), and whether resizing it must keep an alpha channel.

/** Bytes enough to tell every type below. */
export const IMAGE_HEAD_BYTES = 12;

const ascii = (bytes: Uint8Array, at: number, text: string) =>
  [...text].every((c, i) => bytes[at + i] === c.charCodeAt(0));

/** The media type of an image from its first {@link IMAGE_HEAD_BYTES} bytes, or null when it is none of these. */
export function imageTypeOf(head: Uint8Array): string | null {
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head[0] === 0x89 && ascii(head, 1, 'PNG\r\n\x1a\n')) return 'image/png';
  if (ascii(head, 0, 'GIF8')) return 'image/gif';
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP')) return 'image/webp';
  if (ascii(head, 4, 'ftypavi')) return 'image/avif';
  if (ascii(head, 0, 'BM')) return 'image/bmp';
  return null;
}

/** Whether a type may carry transparency, so a resized copy must be a PNG rather than a JPEG. */
export function mayBeTransparent(type: string | null): boolean {
  return type === 'image/png' || type === 'image/gif' || type === 'image/webp' || type === 'image/avif';
}
