// External subtitle and audio sidecars: `<video basename>[.title…][.lang][.flags].ext` → language, title,
// default/forced/SDH flags and format (Jellyfin's ExternalPathParser rules, CONVENTIONS 3.3).
import { isAudioFile, isSubtitleFile, stripVideoExtension } from './file-types';
import { normaliseLanguage } from './languages';
import { extensionOf } from './path-parts';

/** What a sidecar's name says about the stream it holds. */
export interface SidecarInfo {
  kind: 'subtitle' | 'audio';
  /** Extension without the dot, lower case (`srt`, `ass`, `mka`). */
  format: string;
  /** ISO 639-2/B code (`eng`) or a BCP-47 tag with region/script (`pt-BR`). */
  language?: string;
  /** Unrecognised text between the video name and the language/flags, e.g. `English Commentary`. */
  title?: string;
  forced: boolean;
  default: boolean;
  /** Subtitles for the deaf and hard of hearing (`sdh`, `cc`, or `hi` next to another language). */
  sdh: boolean;
}

type Details = Omit<SidecarInfo, 'kind' | 'format'>;

/**
 * Parses `sidecarFileName` as a sidecar of the video named `videoBaseName` (with or without its extension).
 * Returns null when it is not a subtitle/audio file or its name does not start with the video's name.
 */
export function parseSidecar(videoBaseName: string, sidecarFileName: string): SidecarInfo | null {
  const kind = isSubtitleFile(sidecarFileName) ? 'subtitle' : isAudioFile(sidecarFileName) ? 'audio' : null;
  if (kind === null) return null;
  const ext = extensionOf(sidecarFileName);
  const video = stripVideoExtension(videoBaseName).toLowerCase();
  const base = sidecarFileName.slice(0, -ext.length);
  const lower = base.toLowerCase();
  if (lower !== video && !lower.startsWith(`${video}.`)) return null;
  const tokens = lower === video ? [] : base.slice(video.length + 1).split('.');
  return { kind, format: ext.slice(1), ...readTokens(tokens) };
}

// Flags and one language are read from the end; the first token that is neither ends the scan and
// everything before it is the title. `hi` means Hindi unless another language is present.
function readTokens(tokens: string[]): Details {
  const details: Details = { forced: false, default: false, sdh: false };
  let sawHi = false;
  let end = tokens.length;
  for (; end > 0; end--) {
    const token = tokens[end - 1].trim();
    const lower = token.toLowerCase();
    if (lower === '' || lower === 'default') details.default ||= lower === 'default';
    else if (lower === 'forced' || lower === 'foreign') details.forced = true;
    else if (lower === 'sdh' || lower === 'cc') details.sdh = true;
    else if (lower === 'hi') sawHi = true;
    else if (details.language === undefined && normaliseLanguage(token) !== undefined) {
      details.language = normaliseLanguage(token);
    } else break;
  }
  if (sawHi && details.language !== undefined) details.sdh = true;
  else if (sawHi) details.language = 'hin';
  const title = tokens.slice(0, end).join('.').trim();
  if (title !== '') details.title = title;
  return details;
}
