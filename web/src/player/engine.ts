// Puts a session's media into the <video>: the file directly, or HLS through hls.js (native HLS only without
// Media Source Extensions), with one automatic recovery for network and media errors, then errors in words.
import type { ErrorData } from 'hls.js';
import type { Session } from './session.ts';

/** A failure the viewer has to act on, in words. */
export interface PlaybackFailure {
  message: string;
  /** The session or its stream link is gone: only a restart helps. */
  sessionGone?: boolean;
  /** The browser could not decode what it got: a transcoded stream may help. */
  decode?: boolean;
}

export interface EngineEvents {
  /** Something went wrong but is being retried (shown briefly). */
  notice(text: string): void;
  fatal(f: PlaybackFailure): void;
}

export interface Engine {
  kind: 'file' | 'hls.js' | 'native-hls';
  destroy(): void;
}

const MEDIA_ERRORS: Record<number, PlaybackFailure> = {
  1: { message: 'Playback was aborted.' },
  2: { message: 'A network error interrupted the video.', sessionGone: true },
  3: { message: 'This browser could not decode the video.', decode: true },
  4: {
    message: 'This browser cannot play this video, or its link has expired.',
    decode: true,
    sessionGone: true,
  },
};

const HLS_ERRORS: Record<string, string> = {
  manifestLoadError: 'The stream’s playlist could not be loaded',
  manifestLoadTimeOut: 'The stream’s playlist took too long to load',
  manifestParsingError: 'The stream’s playlist is not valid',
  manifestIncompatibleCodecsError: 'This browser cannot decode the stream’s codecs',
  levelLoadError: 'A quality playlist could not be loaded',
  levelLoadTimeOut: 'A quality playlist took too long to load',
  fragLoadError: 'A piece of the video could not be loaded',
  fragLoadTimeOut: 'A piece of the video took too long to arrive (the server may be overloaded)',
  bufferAddCodecError: 'This browser cannot decode the stream’s codecs',
  bufferAppendError: 'This browser could not decode a piece of the video',
  bufferStalledError: 'The video stalled waiting for data',
};

/** A fatal hls.js error in words, with the HTTP status when there was one. */
function hlsFailure(data: ErrorData): PlaybackFailure {
  const code = data.response?.code;
  if (code === 401 || code === 403 || code === 404 || code === 410) {
    return {
      message: 'The stream is no longer available: the session ended or its link expired.',
      sessionGone: true,
    };
  }
  const text = HLS_ERRORS[data.details] ?? `Streaming failed (${data.details})`;
  const status = code ? ` (HTTP ${code})` : '';
  return {
    message: `${text}${status}.`,
    decode: data.type === 'mediaError',
    sessionGone: data.type === 'networkError',
  };
}

function playFile(video: HTMLVideoElement, url: string, start: number, events: EngineEvents): Engine {
  let retried = false;
  const seekToStart = () => {
    if (start > 0 && video.currentTime < start - 1) video.currentTime = start;
  };
  const onError = () => {
    const code = video.error?.code ?? 0;
    if (code === 2 && !retried) {
      // One reload at the same spot before giving up on a network hiccup.
      retried = true;
      events.notice('Network trouble — reconnecting…');
      start = video.currentTime;
      video.src = `${url}#t=${start}`;
      return;
    }
    events.fatal(MEDIA_ERRORS[code] ?? { message: 'The video could not be played.', decode: true });
  };
  video.addEventListener('loadedmetadata', seekToStart);
  video.addEventListener('error', onError);
  video.src = `${url}#t=${start}`;
  return {
    kind: 'file',
    destroy() {
      video.removeEventListener('loadedmetadata', seekToStart);
      video.removeEventListener('error', onError);
    },
  };
}

async function playHls(
  video: HTMLVideoElement,
  url: string,
  start: number,
  events: EngineEvents,
): Promise<Engine> {
  const { default: Hls } = await import('hls.js');
  if (!Hls.isSupported()) {
    if (video.canPlayType('application/vnd.apple.mpegurl')) {
      const engine = playFile(video, url, start, events);
      return { ...engine, kind: 'native-hls' };
    }
    events.fatal({ message: 'This browser cannot play HLS streams (Media Source Extensions are missing).' });
    return { kind: 'hls.js', destroy() {} };
  }
  // Subtitles come as <track> elements (tracks.ts), so hls.js must not add text tracks of its own.
  const hls = new Hls({ startPosition: start, enableWebVTT: false, enableCEA708Captions: false });
  const recovered = { networkError: false, mediaError: false };
  hls.on(Hls.Events.ERROR, (_e, data) => {
    if (!data.fatal) return;
    const kind = data.type as string;
    const gone = [401, 403, 404, 410].includes(data.response?.code ?? 0);
    if (!gone && (kind === 'networkError' || kind === 'mediaError') && !recovered[kind]) {
      recovered[kind] = true;
      if (kind === 'networkError') {
        events.notice('Network trouble — retrying…');
        hls.startLoad();
      } else {
        events.notice('Decoding trouble — recovering…');
        hls.recoverMediaError();
      }
      return;
    }
    hls.destroy();
    events.fatal(hlsFailure(data));
  });
  hls.loadSource(url);
  hls.attachMedia(video);
  return { kind: 'hls.js', destroy: () => hls.destroy() };
}

/** Starts the session's stream at `start` seconds. */
export function attach(
  video: HTMLVideoElement,
  s: Session,
  start: number,
  events: EngineEvents,
): Promise<Engine> {
  if (s.urls.file) return Promise.resolve(playFile(video, s.urls.file, start, events));
  if (s.urls.master) return playHls(video, s.urls.master, start, events);
  events.fatal({ message: 'The server offered no stream for this title.' });
  return Promise.resolve({ kind: 'file', destroy() {} });
}

/** Empties the element so the old stream stops downloading. */
export function unload(video: HTMLVideoElement): void {
  video.pause();
  video.removeAttribute('src');
  video.load();
}
