// Pure player vocabulary: the quality choices, playback modes and the server's reasons in words, the status line,
// track labels, and episode codes (S01E02).
import { clock } from '../dom.ts';

/** A quality the viewer can pick: no caps (the original file when the browser can play it) or a lower rung. */
export interface Quality {
  id: string;
  label: string;
  maxHeight?: number;
  /** Bits per second for the whole stream (video and audio). */
  maxBitrate?: number;
}

export const QUALITIES: readonly Quality[] = [
  { id: 'original', label: 'Original' },
  { id: '1080p', label: '1080p · 8 Mbps', maxHeight: 1080, maxBitrate: 8_000_000 },
  { id: '720p', label: '720p · 4 Mbps', maxHeight: 720, maxBitrate: 4_000_000 },
  { id: '480p', label: '480p · 2 Mbps', maxHeight: 480, maxBitrate: 2_000_000 },
  { id: '360p', label: '360p · 1 Mbps', maxHeight: 360, maxBitrate: 1_000_000 },
  { id: '240p', label: '240p · 0.4 Mbps', maxHeight: 240, maxBitrate: 400_000 },
];

export type Mode = 'direct' | 'remux' | 'transcode';

export const MODE_LABELS: Record<Mode, string> = {
  direct: 'Direct play',
  remux: 'Direct stream',
  transcode: 'Transcoding',
};

const REASONS: Record<string, string> = {
  ContainerNotSupported: 'this browser cannot open the file’s container',
  VideoCodecNotSupported: 'this browser cannot decode the video codec',
  AudioCodecNotSupported: 'this browser cannot decode the audio codec',
  VideoResolutionNotSupported: 'the picture is larger than the chosen quality or this screen',
  ContainerBitrateExceedsLimit: 'the file’s bitrate is above the chosen quality',
  AudioTrackSelectionNotSupported: 'the chosen audio track is not the file’s first one',
  VideoCodecNotSupportedInSegments: 'the video codec cannot be streamed in segments',
  AudioCodecNotSupportedInSegments: 'the audio codec cannot be streamed in segments',
};

/** "Direct play" or "Transcoding: the file’s bitrate is above the chosen quality". */
export function describeMode(mode: Mode, reasons: string[]): string {
  const why = reasons.map((r) => REASONS[r] ?? r).join('; ');
  return why ? `${MODE_LABELS[mode]}: ${why}` : MODE_LABELS[mode];
}

/** "Transcoding: … · 240p · from 1:05" under the video. */
export function statusLine(mode: Mode, reasons: string[], height: number | null, start: number): string {
  const rung = mode === 'transcode' && height ? ` · ${height}p` : '';
  const from = start >= 1 ? ` · from ${clock(start)}` : '';
  return `${describeMode(mode, reasons)}${rung}${from}`;
}

// ISO 639-2 codes Intl may not know by their bibliographic (B) form.
const LANGUAGES: Record<string, string> = {
  eng: 'English',
  fre: 'French',
  fra: 'French',
  ger: 'German',
  deu: 'German',
  spa: 'Spanish',
  ita: 'Italian',
  por: 'Portuguese',
  dut: 'Dutch',
  nld: 'Dutch',
  jpn: 'Japanese',
  chi: 'Chinese',
  zho: 'Chinese',
  kor: 'Korean',
  rus: 'Russian',
  swe: 'Swedish',
  und: 'Unknown language',
};

/** A language code in words: `fre` → French, `pt-BR` → Brazilian Portuguese; null when there is none. */
export function languageName(code: string | null): string | null {
  if (!code) return null;
  const known = LANGUAGES[code.toLowerCase()];
  if (known) return known;
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(code);
    if (name && name.toLowerCase() !== code.toLowerCase()) return name;
  } catch {
    // Not a well-formed tag: fall back to the code itself.
  }
  return code;
}

const CHANNELS: Record<number, string> = { 1: 'mono', 2: 'stereo', 6: '5.1', 8: '7.1' };

/** `mono`, `stereo`, `5.1`, `7.1`, else `3 ch`. */
export const channelsName = (n: number): string => CHANNELS[n] ?? `${n} ch`;

export interface TrackFacts {
  language: string | null;
  title: string | null;
  codec: string | null;
  channels?: number | null;
  forced?: boolean;
  sdh?: boolean;
}

/** "French · AAC stereo", "English (SDH)", or "Track 2" when nothing is known. */
export function trackLabel(t: TrackFacts, index: number): string {
  const name = t.title || languageName(t.language) || `Track ${index + 1}`;
  const flags = [t.forced ? 'forced' : '', t.sdh ? 'SDH' : ''].filter(Boolean);
  const main = flags.length ? `${name} (${flags.join(', ')})` : name;
  const tech = [t.codec?.toUpperCase(), t.channels ? channelsName(t.channels) : ''].filter(Boolean).join(' ');
  return t.channels !== undefined && tech ? `${main} · ${tech}` : main;
}

/** S01E02, S01E02–E03 for a double episode, or null when the numbers are unknown. */
export function episodeCode(
  season: number | null,
  episode: number | null,
  ending?: number | null,
): string | null {
  if (season === null || episode === null) return null;
  const two = (n: number) => String(n).padStart(2, '0');
  const end = ending && ending > episode ? `–E${two(ending)}` : '';
  return `S${two(season)}E${two(episode)}${end}`;
}
