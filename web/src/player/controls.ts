// The control bar over the video: play/pause, seek bar and time, mute and volume, next episode, the audio,
// subtitle and quality menus, help and fullscreen; it hides while the video plays untouched.
import { clock, h } from '../dom.ts';
import { type IconName, icon } from './icons.ts';
import { type MenuButton, menuButton, menuIsOpen } from './menu.ts';

export interface ControlActions {
  pickAudio(id: string): void;
  pickSubtitle(id: string): void;
  pickQuality(id: string): void;
  next(): void;
  help(): void;
}

export interface Controls {
  el: HTMLElement;
  audio: MenuButton;
  subtitles: MenuButton;
  quality: MenuButton;
  /** Shows the Next episode (or Next part) button with this tooltip, or hides it (null). */
  setNext(title: string | null, what?: 'episode' | 'part'): void;
  togglePlay(): void;
  seekBy(seconds: number): void;
  seekTo(seconds: number): void;
  volumeBy(delta: number): void;
  toggleMute(): void;
  toggleFullscreen(): void;
  /** Shows the bar for a moment (after a shortcut). */
  wake(): void;
  destroy(): void;
}

const ctl = (label: string, name: IconName, onclick: () => void) =>
  h('button.ctl', { type: 'button', 'aria-label': label, title: label, onclick }, icon(name));

/** `stage` is the element that goes fullscreen; `duration` is the session's length when the video has none. */
export function createControls(
  video: HTMLVideoElement,
  stage: HTMLElement,
  duration: () => number,
  actions: ControlActions,
): Controls {
  const length = () => (Number.isFinite(video.duration) && video.duration > 0 ? video.duration : duration());
  const play = ctl('Play', 'play', () => c.togglePlay());
  const seek = h('input.seek', { type: 'range', min: 0, max: 0, step: 0.1, value: 0, 'aria-label': 'Seek' });
  const time = h('span.time', { 'aria-live': 'off' }, '0:00 / 0:00');
  const mute = ctl('Mute', 'volume', () => c.toggleMute());
  const volume = h('input.volume', {
    type: 'range',
    min: 0,
    max: 1,
    step: 0.05,
    value: 1,
    'aria-label': 'Volume',
  });
  const next = ctl('Next episode', 'next', () => actions.next());
  next.hidden = true;
  const help = ctl('Keyboard shortcuts', 'help', () => actions.help());
  help.classList.add('help');
  const full = ctl('Fullscreen', 'fullscreen', () => c.toggleFullscreen());
  const audio = menuButton('Audio', 'audio', actions.pickAudio);
  const subtitles = menuButton('Subtitles', 'subtitles', actions.pickSubtitle);
  const quality = menuButton('Quality', 'quality', actions.pickQuality);
  const el = h(
    'div.player-controls',
    {},
    seek,
    h(
      'div.ctl-row',
      {},
      play,
      mute,
      volume,
      time,
      h('span.spacer'),
      next,
      audio.el,
      subtitles.el,
      quality.el,
      help,
      full,
    ),
  );
  let seeking = false;
  const paint = () => {
    const d = length();
    seek.max = String(d || 0);
    if (!seeking) seek.value = String(video.currentTime);
    seek.style.setProperty('--pct', `${d ? (video.currentTime / d) * 100 : 0}%`);
    time.textContent = `${clock(video.currentTime)} / ${clock(d)}`;
  };
  const paintPlay = () => {
    play.replaceChildren(icon(video.paused ? 'play' : 'pause'));
    play.setAttribute('aria-label', video.paused ? 'Play' : 'Pause');
    play.title = video.paused ? 'Play (K)' : 'Pause (K)';
    stage.classList.toggle('paused', video.paused);
  };
  const paintVolume = () => {
    const silent = video.muted || video.volume === 0;
    mute.replaceChildren(icon(silent ? 'muted' : 'volume'));
    mute.setAttribute('aria-label', silent ? 'Unmute' : 'Mute');
    volume.value = String(video.muted ? 0 : video.volume);
  };
  seek.addEventListener('input', () => {
    seeking = true;
    time.textContent = `${clock(Number(seek.value))} / ${clock(length())}`;
  });
  seek.addEventListener('change', () => {
    seeking = false;
    c.seekTo(Number(seek.value));
  });
  volume.addEventListener('input', () => {
    video.volume = Number(volume.value);
    video.muted = video.volume === 0;
  });
  const buffering = (on: boolean) => () => stage.classList.toggle('buffering', on);
  const listeners: [string, () => void][] = [
    ['waiting', buffering(true)],
    ['playing', buffering(false)],
    ['pause', buffering(false)],
    ['error', buffering(false)],
    ['timeupdate', paint],
    ['durationchange', paint],
    ['loadedmetadata', paint],
    ['play', paintPlay],
    ['pause', paintPlay],
    ['volumechange', paintVolume],
  ];
  for (const [ev, fn] of listeners) video.addEventListener(ev, fn);
  // A tap on a video whose controls are hidden brings them back rather than pausing (phones have no hover).
  video.addEventListener('click', () => (stage.classList.contains('idle') ? wake() : c.togglePlay()));
  video.addEventListener('dblclick', () => c.toggleFullscreen());

  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  const wake = () => {
    stage.classList.remove('idle');
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      const busy = video.paused || menuIsOpen() || el.contains(document.activeElement);
      if (!busy) stage.classList.add('idle');
    }, 3000);
  };
  stage.addEventListener('pointermove', wake);
  stage.addEventListener('focusin', wake);
  const onFullscreen = () => {
    const on = document.fullscreenElement !== null;
    full.setAttribute('aria-label', on ? 'Exit fullscreen' : 'Fullscreen');
    full.replaceChildren(icon(on ? 'exitFullscreen' : 'fullscreen'));
  };
  document.addEventListener('fullscreenchange', onFullscreen);

  const c: Controls = {
    el,
    audio,
    subtitles,
    quality,
    setNext(title, what = 'episode') {
      next.hidden = title === null;
      next.setAttribute('aria-label', `Next ${what}`);
      next.title = title ? `Next ${what}: ${title} (N)` : `Next ${what}`;
    },
    togglePlay() {
      if (video.paused) void video.play().catch(() => {});
      else video.pause();
      wake();
    },
    seekTo(seconds) {
      video.currentTime = Math.max(0, Math.min(seconds, length() || seconds));
      paint();
      wake();
    },
    seekBy(seconds) {
      c.seekTo(video.currentTime + seconds);
    },
    volumeBy(delta) {
      video.muted = false;
      video.volume = Math.round(Math.max(0, Math.min(1, video.volume + delta)) * 100) / 100;
      wake();
    },
    toggleMute() {
      video.muted = !video.muted;
      wake();
    },
    toggleFullscreen() {
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
      else void stage.requestFullscreen?.().catch(() => {});
    },
    wake,
    destroy() {
      clearTimeout(idleTimer);
      document.removeEventListener('fullscreenchange', onFullscreen);
      audio.close();
      subtitles.close();
      quality.close();
    },
  };
  paintPlay();
  paintVolume();
  wake();
  return c;
}
