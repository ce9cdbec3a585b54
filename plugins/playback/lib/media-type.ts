// Content-Type of a media file by its container, for the direct-play file.

/** Content-Type of a media container by its canonical name. */
export function contentTypeOf(container: string | null): string {
  switch (container) {
    case 'mp4':
      return 'video/mp4';
    case 'mkv':
      return 'video/x-matroska';
    case 'webm':
      return 'video/webm';
    case 'mov':
      return 'video/quicktime';
    case 'avi':
      return 'video/x-msvideo';
    case 'ts':
      return 'video/mp2t';
    default:
      return 'application/octet-stream';
  }
}
