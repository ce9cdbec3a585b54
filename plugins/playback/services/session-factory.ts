// Turns a play request into a live session: picks the file (or an optimized version that plays directly),
// the audio and subtitle tracks, the mode with its reasons, and for HLS the boundaries and variants.
import { HttpError } from '@bijou/sdk';
import type { Viewer } from '../../libraries/api.ts';
import type { OptimizedVersion, TranscoderApi } from '../../transcoder/api.ts';
import { isTextSubtitle } from '../lib/codecs.ts';
import { type ClientCapabilities, type Decision, decide, type SourceFacts } from '../lib/decision.ts';
import { chooseAudio, chooseSubtitle, type LanguageRules } from '../lib/tracks.ts';
import type { FileFacts, Media, TrackRow } from './media.ts';
import { type HlsPlan, planHls, type StreamSource } from './plan.ts';
import type { Ctx } from './types.ts';

export interface CreateInput {
  itemId: string;
  fileId?: string;
  capabilities: ClientCapabilities;
  audioTrackId?: string;
  subtitleTrackId?: string | null;
  startPosition?: number;
  client?: string;
}

export interface LiveSession {
  id: string;
  userId: string;
  viewer: Viewer;
  itemId: string;
  file: FileFacts;
  /** The file is an extra (trailer, featurette …) of the item: no progress or watched state is recorded. */
  extra: boolean;
  /** A part of a movie with more parts after it: reaching its end does not make the movie watched. */
  morePartsAfter: boolean;
  version: OptimizedVersion | null;
  source: StreamSource & { container: string | null; mtimeMs: number };
  decision: Decision;
  plan: HlsPlan | null;
  audioTracks: TrackRow[];
  subtitles: TrackRow[];
  audio: TrackRow | null;
  subtitle: TrackRow | null;
  startPosition: number;
  position: number;
  paused: boolean;
  /** The quality the player asked for last (the one a seek restarts). */
  quality: string | null;
  markedWatched: boolean;
  startedAt: string;
  lastSeen: number;
  client: string | null;
}

function facts(src: LiveSession['source'], audio: SourceFacts['audio']): SourceFacts {
  const { container, videoCodec, width, height, bitrate } = src;
  return { container, videoCodec, width, height, bitrate, audio };
}

/** A part of a movie split over files, with a present part after it. */
const partsAfter = (files: FileFacts[], f: FileFacts) =>
  f.part !== null && files.some((o) => !o.missing && o.part !== null && o.part > f.part!);

function pickFile(
  media: Media,
  itemId: string,
  fileId?: string,
): { file: FileFacts; extra: boolean; morePartsAfter: boolean } {
  const files = media.filesOf(itemId);
  const main = fileId ? files.find((f) => f.id === fileId) : files[0];
  const extra = !main && fileId ? media.extraOf(itemId, fileId) : null;
  const file = main ?? extra;
  if (!file) throw new HttpError(404, fileId ? 'File not found for this item' : 'No file for this item');
  if (file.missing) throw new HttpError(404, 'The file is missing from disk');
  if (!file.videoCodec || !file.durationSeconds) {
    if (file.probed)
      throw new HttpError(
        422,
        `The file has no playable video${file.probeError ? `: ${file.probeError}` : ''}`,
      );
    throw new HttpError(503, 'The file has not been analysed yet', { 'Retry-After': '5' });
  }
  return { file, extra: extra !== null, morePartsAfter: !!main && partsAfter(files, main) };
}

export interface FactoryDeps {
  ctx: Ctx;
  media: Media;
  tc: TranscoderApi;
}

/** Builds everything about a new session except persistence and slots. */
export async function buildSession(
  deps: FactoryDeps,
  o: {
    id: string;
    userId: string;
    viewer: Viewer;
    input: CreateInput;
    rules: LanguageRules;
    resumeAt: number;
  },
): Promise<LiveSession> {
  const { ctx, media, tc } = deps;
  const { input } = o;
  const { file, extra, morePartsAfter } = pickFile(media, input.itemId, input.fileId);
  const tracks = media.tracksOf(file.id);
  const audioTracks = tracks.filter((t) => t.kind === 'audio' && t.externalPath === null);
  const subtitles = tracks.filter(
    (t) => t.kind === 'subtitle' && isTextSubtitle(t.codec, t.externalPath !== null),
  );
  if (input.audioTrackId && !audioTracks.some((t) => t.id === input.audioTrackId))
    throw new HttpError(422, 'Unknown audio track for this file');
  if (input.subtitleTrackId && !subtitles.some((t) => t.id === input.subtitleTrackId))
    throw new HttpError(422, 'Unknown or image-based subtitle track for this file');
  const audio = chooseAudio(audioTracks, o.rules, input.audioTrackId);
  const subtitle = chooseSubtitle(subtitles, o.rules, audio?.language ?? null, input.subtitleTrackId);

  const isFirst = !audio || audio.id === audioTracks[0]?.id;
  let version: OptimizedVersion | null = null;
  let source: LiveSession['source'] = { ...file, durationSeconds: file.durationSeconds! };
  const audioFacts = audio ? { codec: audio.codec, channels: audio.channels, isFirst } : null;
  let decision = decide(facts(source, audioFacts), input.capabilities);
  // An optimized version the client plays directly beats remuxing or transcoding the original. It holds the
  // first audio track only, re-encoded to AAC.
  const versions = isFirst ? tc.versionsOf([{ key: file.id, size: file.size, mtimeMs: file.mtimeMs }]) : [];
  for (const v of decision.mode === 'direct' ? [] : versions) {
    const vs: LiveSession['source'] = {
      path: v.path,
      size: v.size,
      durationSeconds: source.durationSeconds,
      bitrate: v.bitrate,
      videoCodec: v.videoCodec,
      videoProfile: null,
      width: v.width,
      height: v.height,
      frameRate: file.frameRate,
      container: v.container,
      mtimeMs: file.mtimeMs,
    };
    const vAudio = audio ? { codec: v.audioCodec, channels: 2, isFirst: true } : null;
    const d = decide(facts(vs, vAudio), input.capabilities);
    if (d.mode === 'direct') {
      version = v;
      source = vs;
      decision = { ...d, reasons: decision.reasons };
      break;
    }
  }
  const duration = source.durationSeconds;
  const resumeAt = extra ? 0 : o.resumeAt;
  const start = Math.max(0, Math.min(input.startPosition ?? resumeAt, Math.max(0, duration - 1)));
  const plan =
    decision.mode === 'direct'
      ? null
      : await planHls(tc, {
          source,
          decision,
          audio,
          caps: input.capabilities,
          segmentSeconds: ctx.config.segmentSeconds,
          remuxSegmentSeconds: ctx.config.remuxSegmentSeconds,
          keyframeTimeoutMs: ctx.config.keyframeProbeSeconds * 1000,
        });
  return {
    id: o.id,
    userId: o.userId,
    viewer: o.viewer,
    itemId: input.itemId,
    file,
    extra,
    morePartsAfter,
    version,
    source,
    decision,
    plan,
    audioTracks,
    subtitles,
    audio,
    subtitle,
    startPosition: start,
    position: start,
    paused: false,
    quality: plan?.variants[0]?.name ?? null,
    markedWatched: false,
    startedAt: new Date().toISOString(),
    lastSeen: Date.now(),
    client: input.client ?? null,
  };
}
