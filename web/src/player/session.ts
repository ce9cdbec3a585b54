// Playback sessions from the browser's side: what this browser can decode (capped by the chosen quality), opening
// a session, heartbeats, telling the server about far seeks, and ending it (also while the page unloads).
import { api, csrfToken, post } from '../api.ts';
import type { Mode, Quality } from './words.ts';

export interface AudioTrack {
  id: string;
  language: string | null;
  title: string | null;
  codec: string | null;
  channels: number | null;
  isDefault: boolean;
  selected: boolean;
}

export interface SubtitleTrack {
  id: string;
  language: string | null;
  title: string | null;
  codec: string | null;
  forced: boolean;
  sdh: boolean;
  external: boolean;
  selected: boolean;
  url: string;
}

export interface Session {
  sessionId: string;
  mode: Mode;
  reasons: string[];
  itemId: string;
  /** The file playing: the one asked for, or the one the server chose (the part or version being resumed). */
  fileId: string;
  /** The file is an extra (trailer, featurette …): the server records no progress. */
  extra: boolean;
  durationSeconds: number;
  startPosition: number;
  urls: { master: string | null; file: string | null };
  variants: { name: string; width: number | null; height: number | null; bitrate: number }[];
  tracks: { audio: AudioTrack[]; subtitles: SubtitleTrack[] };
}

/** What the viewer chose; each change opens a new session at the current position. */
export interface Choice {
  quality: Quality;
  audioTrackId?: string;
  /** undefined: the server's language rules decide; null: off. */
  subtitleTrackId?: string | null;
  /** Ask for a fresh H.264/AAC encode (after this browser failed to decode the original). */
  compatibility?: boolean;
}

/** What this browser can decode, for the server's direct play / remux / transcode decision. */
export function capabilities(video: HTMLVideoElement, choice: Choice) {
  const can = (type: string) => video.canPlayType(type) !== '';
  const containers = ['mp4', 'mov', 'm4v'].filter(() => can('video/mp4'));
  if (can('video/webm')) containers.push('webm');
  const videoCodecs = ['h264'];
  if (can('video/mp4; codecs="hvc1.1.6.L93.B0"')) videoCodecs.push('hevc');
  if (can('video/webm; codecs="vp9"')) videoCodecs.push('vp9');
  if (can('video/mp4; codecs="av01.0.05M.08"')) videoCodecs.push('av1');
  const audioCodecs = ['aac', 'mp3'];
  if (can('audio/webm; codecs="opus"')) audioCodecs.push('opus');
  if (can('audio/flac')) audioCodecs.push('flac');
  const q = choice.quality;
  const screenHeight = Math.round(screen.height * devicePixelRatio);
  // Declaring no codecs at all makes the server encode both video and audio into what hls.js always plays.
  const none = choice.compatibility === true;
  return {
    containers: none ? [] : containers,
    videoCodecs: none ? [] : videoCodecs,
    audioCodecs: none ? [] : audioCodecs,
    maxWidth: Math.round(screen.width * devicePixelRatio),
    maxHeight: q.maxHeight ? Math.min(q.maxHeight, screenHeight) : screenHeight,
    ...(q.maxBitrate ? { maxBitrate: q.maxBitrate } : {}),
    subtitleFormats: ['vtt'],
  };
}

/** Opens a session; throws ApiError (503 with `retryAfter` when the file is not ready or slots are busy). */
export function openSession(
  target: { itemId: string; fileId: string | null },
  video: HTMLVideoElement,
  choice: Choice,
  startPosition: number | null,
): Promise<Session> {
  return post<Session>('/v1/playback/sessions', {
    itemId: target.itemId,
    ...(target.fileId ? { fileId: target.fileId } : {}),
    capabilities: capabilities(video, choice),
    ...(choice.audioTrackId ? { audioTrackId: choice.audioTrackId } : {}),
    ...(choice.subtitleTrackId !== undefined ? { subtitleTrackId: choice.subtitleTrackId } : {}),
    ...(startPosition !== null ? { startPosition: Math.max(0, startPosition) } : {}),
    client: 'Bijou web',
  });
}

export const heartbeat = (id: string, position: number, paused: boolean) =>
  post(`/v1/playback/sessions/${id}/heartbeat`, { position, paused });

export const seekOnServer = (id: string, position: number) =>
  post(`/v1/playback/sessions/${id}/seek`, { position: Math.max(0, position) });

export const endSession = (id: string) => api('DELETE', `/v1/playback/sessions/${id}`).catch(() => {});

/** Saves the position and ends the session while the page goes away (keepalive requests outlive the page). */
export function endOnUnload(id: string, position: number | null): void {
  const init = { keepalive: true, credentials: 'same-origin' as const };
  const headers = { 'x-csrf-token': csrfToken() };
  if (position !== null) {
    void fetch(`/v1/playback/sessions/${id}/heartbeat`, {
      ...init,
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ position, paused: true }),
    }).catch(() => {});
  }
  void fetch(`/v1/playback/sessions/${id}`, { ...init, method: 'DELETE', headers }).catch(() => {});
}
