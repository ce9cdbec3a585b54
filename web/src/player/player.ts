// The player's brain: opens sessions for the viewer's choice (audio, subtitles, quality), restarts them at the
// current position, offers the next episode, and turns every failure into words with a way out. What it tells the
// server while playing (heartbeats, far seeks, the end on leaving) is reporting.ts.
import { navigate } from '../router.ts';
import { createControls } from './controls.ts';
import { attach, type Engine, type PlaybackFailure, unload } from './engine.ts';
import { showOpenFailure } from './failures.ts';
import type { NextEpisode } from './item.ts';
import { closeMenus, menuIsOpen } from './menu.ts';
import { errorOverlay, helpOverlay, nextOverlay, noticeOverlay, type OverlayAction } from './overlays.ts';
import { reportPlayback } from './reporting.ts';
import { type Choice, endSession, openSession, type Session } from './session.ts';
import { bindShortcuts } from './shortcuts.ts';
import { menuItems, nextSubtitle, renderSubtitles, showSubtitle } from './tracks.ts';
import { QUALITIES, statusLine } from './words.ts';

const STALL_MS = 20_000;

export interface PlayerParts {
  itemId: string;
  /** A part, version or extra of the item; none: the server chooses (the file the resume point is in). */
  fileId?: string | null;
  /** Called with the file the server chose when none was named. */
  onFile?(fileId: string): void;
  video: HTMLVideoElement;
  stage: HTMLElement;
  status: HTMLElement;
  back(): void;
}

export function createPlayer(p: PlayerParts) {
  const { video, stage, status } = p;
  const errors = errorOverlay();
  const notice = noticeOverlay();
  const help = helpOverlay();
  let choice: Choice = { quality: QUALITIES[0] };
  let fileId = p.fileId ?? null;
  let session: Session | null = null;
  let engine: Engine | null = null;
  let subtitle: string | null | undefined;
  let next: NextEpisode | null = null;
  let card: ReturnType<typeof nextOverlay> | null = null;
  let gen = 0;
  let started = false;
  let cancelRetry = () => {};
  let stall: ReturnType<typeof setTimeout> | undefined;

  const position = () => (started ? video.currentTime : (session?.startPosition ?? 0));
  const back: OverlayAction = { label: 'Back', run: () => p.back() };
  const restartAction: OverlayAction = {
    label: 'Restart playback',
    primary: true,
    run: () => start(position()),
  };
  const restartWith = (change: Partial<Choice>) => {
    choice = { ...choice, ...change };
    void start(position(), !video.paused || !started);
  };
  const controls = createControls(video, stage, () => session?.durationSeconds ?? 0, {
    pickAudio: (id) => restartWith({ audioTrackId: id }),
    pickQuality: (id) => restartWith({ quality: QUALITIES.find((q) => q.id === id) ?? QUALITIES[0] }),
    pickSubtitle: (id) => setSubtitle(id === 'off' ? null : id),
    next: () => goNext(),
    help: () => help.toggle(),
  });
  stage.append(notice.el, errors.el, help.el, controls.el);

  function setSubtitle(id: string | null) {
    subtitle = id;
    choice = { ...choice, subtitleTrackId: id };
    showSubtitle(video, id);
    paintMenus();
  }

  function paintMenus() {
    const items = menuItems(session, subtitle ?? null, choice.quality);
    controls.audio.setItems(items.audio);
    controls.subtitles.setItems(items.subtitles);
    controls.quality.setItems(items.quality);
  }

  function paintStatus(s: Session) {
    status.textContent = statusLine(s.mode, s.reasons, s.variants[0]?.height ?? null, s.startPosition);
    stage.dataset.mode = s.mode;
  }

  function fail(f: PlaybackFailure) {
    clearTimeout(stall);
    const actions = [restartAction];
    if (f.decode && !choice.compatibility) {
      actions.push({ label: 'Play a converted stream', run: () => restartWith({ compatibility: true }) });
    }
    errors.show(f.message, [...actions, back]);
  }

  /** Opens a session for the current choice at `at` seconds (null: the saved resume point) and plays it. */
  async function start(at: number | null, autoplay = true): Promise<void> {
    const mine = ++gen;
    cancelRetry();
    errors.show(null);
    closeMenus();
    status.textContent = 'Starting…';
    const old = session;
    session = null;
    started = false;
    engine?.destroy();
    engine = null;
    if (old) {
      unload(video);
      await endSession(old.sessionId);
    }
    let s: Session;
    try {
      s = await openSession({ itemId: p.itemId, fileId }, video, choice, at);
    } catch (e) {
      if (mine === gen) {
        status.textContent = 'Not playing';
        cancelRetry = showOpenFailure(errors, e, () => void start(at, autoplay), back);
      }
      return;
    }
    if (mine !== gen) return void endSession(s.sessionId);
    session = s;
    // Restarts (another track or quality, a retry) name the file: at a position without one, the server would
    // play the first part rather than the part being resumed.
    if (!fileId) {
      fileId = s.fileId;
      p.onFile?.(s.fileId);
    }
    report.startAt(s.startPosition);
    if (subtitle === undefined) subtitle = s.tracks.subtitles.find((t) => t.selected)?.id ?? null;
    renderSubtitles(video, s.tracks.subtitles);
    showSubtitle(video, subtitle);
    paintMenus();
    paintStatus(s);
    const e = await attach(video, s, s.startPosition, { notice: (t) => notice.show(t), fatal: fail });
    if (mine !== gen) return e.destroy();
    engine = e;
    if (autoplay) video.play().catch(() => {});
  }

  function goNext() {
    if (!next) return;
    const part = next.file ? `?file=${encodeURIComponent(next.file)}&from=0` : '';
    navigate(`/play/${next.id}${part}`);
  }

  const report = reportPlayback(video, {
    session: () => session,
    started: () => started,
    drop: () => {
      session = null;
    },
    gone: (text) => {
      video.pause();
      errors.show(text, [restartAction, back]);
    },
    notice: (text) => notice.show(text),
  });
  const on = (ev: string, fn: () => void) => video.addEventListener(ev, fn);
  on('playing', () => {
    started = true;
    clearTimeout(stall);
  });
  on('timeupdate', () => {
    clearTimeout(stall);
    const left = (session?.durationSeconds ?? 0) - video.currentTime;
    if (card && session && session.durationSeconds >= 60 && left <= 20)
      card.show('Starts when this one ends');
  });
  on('waiting', () => {
    clearTimeout(stall);
    stall = setTimeout(() => {
      errors.show('The video is waiting for data from the server (nothing arrived for 20 seconds).', [
        restartAction,
        { label: 'Keep waiting', run: () => errors.show(null) },
      ]);
    }, STALL_MS);
  });
  on('ended', () => card?.countdown(10));

  const unbind = bindShortcuts({
    togglePlay: () => controls.togglePlay(),
    seekBy: (s) => controls.seekBy(s),
    volumeBy: (d) => controls.volumeBy(d),
    toggleMute: () => controls.toggleMute(),
    toggleFullscreen: () => controls.toggleFullscreen(),
    cycleSubtitles: () => {
      const ids = session?.tracks.subtitles.map((t) => t.id) ?? [];
      if (ids.length) setSubtitle(nextSubtitle(ids, subtitle ?? null));
    },
    next: goNext,
    toggleHelp: () => help.toggle(),
    escape: () => {
      if (menuIsOpen()) closeMenus();
      else if (help.open) help.toggle(false);
      else if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
      else p.back();
    },
  });

  return {
    start,
    /** Offers the next episode or part (button, N key, "Up next" card near the end). */
    setNext(n: NextEpisode | null) {
      next = n;
      stage.dataset.next = n?.id ?? 'none';
      controls.setNext(n?.label ?? null, n?.file ? 'part' : 'episode');
      card?.el.remove();
      card = n ? nextOverlay(n.label, goNext) : null;
      if (card) stage.append(card.el);
    },
    async destroy() {
      gen++;
      report.stop();
      cancelRetry();
      clearTimeout(stall);
      card?.stop();
      unbind();
      controls.destroy();
      await report.beat();
      const s = session;
      session = null;
      engine?.destroy();
      unload(video);
      if (s) await endSession(s.sessionId);
    },
  };
}
