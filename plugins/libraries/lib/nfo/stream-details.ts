// `<fileinfo><streamdetails>` → video/audio/subtitle stream facts Kodi records after playback.

import type { NfoAudioStream, NfoStreamDetails, NfoSubtitleStream, NfoVideoStream } from './types.ts';
import { parseDecimal, parseInteger, positive } from './values.ts';
import { element, elements, firstText, readEach, type XmlNode } from './xml-tree.ts';

/** A copy without undefined fields (same order); undefined when none is left. */
export function compact<T extends object>(value: T): T | undefined {
  const out: Record<string, unknown> = {};
  let any = false;
  for (const k in value) {
    const field = value[k];
    if (field === undefined) continue;
    out[k] = field;
    any = true;
  }
  return any ? (out as T) : undefined;
}

function lower(text: string | undefined): string | undefined {
  return text?.toLowerCase();
}

// Kodi writes a decimal (`2.350000`); other tools write a ratio (`16:9`).
function parseAspect(text: string | undefined): number | undefined {
  // A ratio needs a `:` or `/`.
  const trimmed = text?.trim() ?? '';
  const ratio =
    trimmed.includes(':') || trimmed.includes('/')
      ? /^(\d+(?:\.\d+)?)\s*[:/]\s*(\d+(?:\.\d+)?)$/.exec(trimmed)
      : null;
  if (!ratio) return positive(parseDecimal(text));
  const value = Number(ratio[1]) / Number(ratio[2]);
  return Number.isFinite(value) && value > 0 ? Math.round(value * 100) / 100 : undefined;
}

function readVideo(video: XmlNode): NfoVideoStream | undefined {
  return compact<NfoVideoStream>({
    codec: lower(firstText(video, 'codec')),
    aspect: parseAspect(firstText(video, 'aspect')),
    width: positive(parseInteger(firstText(video, 'width'))),
    height: positive(parseInteger(firstText(video, 'height'))),
    durationSeconds: positive(parseInteger(firstText(video, 'durationinseconds'))),
    stereoMode: firstText(video, 'stereomode'),
    hdrType: lower(firstText(video, 'hdrtype')),
  });
}

function readAudio(audio: XmlNode): NfoAudioStream | undefined {
  return compact<NfoAudioStream>({
    codec: lower(firstText(audio, 'codec')),
    channels: positive(parseInteger(firstText(audio, 'channels'))),
    language: lower(firstText(audio, 'language')),
  });
}

function readSubtitle(subtitle: XmlNode): NfoSubtitleStream | undefined {
  return compact<NfoSubtitleStream>({ language: lower(firstText(subtitle, 'language')) });
}

/** Streams from the first `<fileinfo><streamdetails>`; undefined when it has no usable stream. */
export function readStreamDetails(node: XmlNode): NfoStreamDetails | undefined {
  const details = element(element(node, 'fileinfo'), 'streamdetails');
  if (!details) return undefined;
  const result: NfoStreamDetails = {
    video: readEach(elements(details, 'video'), readVideo),
    audio: readEach(elements(details, 'audio'), readAudio),
    subtitles: readEach(elements(details, 'subtitle'), readSubtitle),
  };
  const empty = result.video.length + result.audio.length + result.subtitles.length === 0;
  return empty ? undefined : result;
}
