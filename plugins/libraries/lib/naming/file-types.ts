// Media file-type predicates by extension: video (and `.disc` stubs), audio, subtitle, NFO and image files.
import { extensionOf } from './path-parts';

const VIDEO_EXTENSIONS = new Set([
  '.3g2',
  '.3gp',
  '.asf',
  '.avi',
  '.divx',
  '.dvr-ms',
  '.f4v',
  '.flv',
  '.iso',
  '.m2t',
  '.m2ts',
  '.m2v',
  '.m4v',
  '.mk3d',
  '.mkv',
  '.mov',
  '.mp4',
  '.mpe',
  '.mpeg',
  '.mpg',
  '.mts',
  '.mxf',
  '.ogm',
  '.ogv',
  '.rm',
  '.rmvb',
  '.ts',
  '.vob',
  '.webm',
  '.wmv',
  '.wtv',
  '.xvid',
]);
const STUB_EXTENSION = '.disc';
const AUDIO_EXTENSIONS = new Set([
  '.aac',
  '.ac3',
  '.aif',
  '.aiff',
  '.alac',
  '.ape',
  '.dts',
  '.eac3',
  '.flac',
  '.m4a',
  '.m4b',
  '.mka',
  '.mp2',
  '.mp3',
  '.oga',
  '.ogg',
  '.opus',
  '.thd',
  '.wav',
  '.wma',
  '.wv',
]);
const SUBTITLE_EXTENSIONS = new Set([
  '.ass',
  '.mks',
  '.sami',
  '.smi',
  '.srt',
  '.ssa',
  '.sub',
  '.sup',
  '.vtt',
]);
const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.webp', '.gif', '.bmp', '.tbn', '.avif']);

/** True for video containers and `.disc` stub files (Jellyfin's offline-disc placeholders). */
export function isVideoFile(name: string): boolean {
  const ext = extensionOf(name);
  return VIDEO_EXTENSIONS.has(ext) || ext === STUB_EXTENSION;
}

/** What a name is by its extension (`.disc` stubs count as video); `other` for anything else. */
export type FileKind = 'video' | 'audio' | 'subtitle' | 'image' | 'nfo' | 'other';

/** The kind of a file from one reading of its extension (the predicates below each read it again). */
export function fileKindOf(name: string): FileKind {
  return kindOfExtension(extensionOf(name));
}

/** The kind of a file by its extension as {@link extensionOf} gives it. */
export function kindOfExtension(ext: string): FileKind {
  if (VIDEO_EXTENSIONS.has(ext) || ext === STUB_EXTENSION) return 'video';
  if (AUDIO_EXTENSIONS.has(ext)) return 'audio';
  if (SUBTITLE_EXTENSIONS.has(ext)) return 'subtitle';
  if (IMAGE_EXTENSIONS.has(ext)) return 'image';
  return ext === '.nfo' ? 'nfo' : 'other';
}

/** True for `.disc` stub files. */
export function isStubFile(name: string): boolean {
  return extensionOf(name) === STUB_EXTENSION;
}

/** True for audio files (theme songs, external audio tracks). */
export function isAudioFile(name: string): boolean {
  return AUDIO_EXTENSIONS.has(extensionOf(name));
}

/** True for the external subtitle formats Jellyfin recognises. */
export function isSubtitleFile(name: string): boolean {
  return SUBTITLE_EXTENSIONS.has(extensionOf(name));
}

/** True for Kodi-style `.nfo` metadata files. */
export function isNfoFile(name: string): boolean {
  return extensionOf(name) === '.nfo';
}

/** True for local artwork images (including Kodi's `.tbn` thumbnails). */
export function isImageFile(name: string): boolean {
  return IMAGE_EXTENSIONS.has(extensionOf(name));
}

/** The name without a video or stub extension; any other name is returned unchanged. */
export function stripVideoExtension(name: string): string {
  const ext = extensionOf(name);
  return VIDEO_EXTENSIONS.has(ext) || ext === STUB_EXTENSION ? name.slice(0, -ext.length) : name;
}
