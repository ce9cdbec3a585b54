// What the player tells the server while a session plays: a heartbeat every 10 s and when the video pauses or ends,
// seeks further than 20 s in HLS (so the server restarts the encode there), and the session's end when the page hides.
import { message } from '../dom.ts';
import { sessionGoneText } from './failures.ts';
import { endOnUnload, heartbeat, type Session, seekOnServer } from './session.ts';

const HEARTBEAT_MS = 10_000;
/** Seeks further than this in HLS are announced so the server restarts the encode there. */
const FAR_SEEK = 20;

/** The player's side of the reports: its current session and what to do when the server has lost it. */
export interface Reported {
  /** The session open now (null before one opens, while restarting and after it ended). */
  session(): Session | null;
  /** Whether the session's video has started playing. */
  started(): boolean;
  /** Forgets the session: the page is going away, or the server no longer knows it. */
  drop(): void;
  /** The server ended the session; `text` says why. */
  gone(text: string): void;
  /** A passing notice (a heartbeat that failed for another reason). */
  notice(text: string): void;
}

export function reportPlayback(video: HTMLVideoElement, player: Reported) {
  let lastTime = 0;

  async function beat() {
    const s = player.session();
    if (!s || !player.started() || !Number.isFinite(video.currentTime)) return;
    try {
      await heartbeat(s.sessionId, video.currentTime, video.paused);
    } catch (e) {
      if (player.session() !== s) return;
      const gone = sessionGoneText(e);
      if (gone) {
        player.drop();
        player.gone(gone);
      } else player.notice(`Progress was not saved: ${message(e)}`);
    }
  }

  const timer = setInterval(beat, HEARTBEAT_MS);
  const on = (ev: string, fn: () => void) => video.addEventListener(ev, fn);
  on('pause', () => void beat());
  on('timeupdate', () => {
    if (!video.seeking && player.started()) lastTime = video.currentTime;
  });
  on('seeking', () => {
    const s = player.session();
    if (s?.urls.master && player.started() && Math.abs(video.currentTime - lastTime) > FAR_SEEK) {
      void seekOnServer(s.sessionId, video.currentTime).catch(() => {});
    }
  });
  on('ended', () => void beat());

  const onPageHide = () => {
    const s = player.session();
    player.drop();
    if (s) endOnUnload(s.sessionId, player.started() && !video.paused ? video.currentTime : null);
  };
  window.addEventListener('pagehide', onPageHide);

  return {
    /** Sends a heartbeat now (nothing before the video has started). */
    beat,
    /** A session starts playing at `position` seconds: far seeks are measured from there. */
    startAt(position: number) {
      lastTime = position;
    },
    /** Stops the heartbeats and the page-hide report. */
    stop() {
      clearInterval(timer);
      window.removeEventListener('pagehide', onPageHide);
    },
  };
}
