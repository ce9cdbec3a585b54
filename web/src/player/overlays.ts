// Panels over the video: an error with its ways out (role=alert), a passing notice, the "Up next" card with its
// countdown, and the keyboard help dialog.
import { h } from '../dom.ts';
import { SHORTCUTS } from './shortcuts.ts';

export interface OverlayAction {
  label: string;
  run: () => void;
  primary?: boolean;
}

/** The error panel: a message in words and buttons; `show(null)` hides it. */
export function errorOverlay() {
  const text = h('p.overlay-text');
  const buttons = h('div.overlay-actions');
  const el = h('div.overlay.error-overlay', { role: 'alert', hidden: true }, text, buttons);
  return {
    el,
    show(message: string | null, actions: OverlayAction[] = []) {
      el.hidden = message === null;
      text.textContent = message ?? '';
      buttons.replaceChildren(
        ...actions.map((a) => {
          const button = h('button', { type: 'button', onclick: () => a.run() }, a.label);
          button.classList.toggle('ghost', !a.primary);
          return button;
        }),
      );
      if (message !== null) (buttons.querySelector('button') as HTMLButtonElement | null)?.focus();
    },
    get visible() {
      return !el.hidden;
    },
  };
}

/** A short-lived line at the top of the video ("Network trouble — retrying…"). */
export function noticeOverlay() {
  const el = h('div.notice', { role: 'status', hidden: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    el,
    show(message: string, ms = 4000) {
      el.textContent = message;
      el.hidden = false;
      clearTimeout(timer);
      timer = setTimeout(() => {
        el.hidden = true;
      }, ms);
    },
  };
}

/** "Up next" with Play now / Cancel; `countdown(n)` plays the next episode after n seconds unless cancelled. */
export function nextOverlay(title: string, go: () => void) {
  const count = h('p.next-count');
  const playNow = h('button', { type: 'button', onclick: () => go() }, 'Play now');
  const cancel = h('button.ghost', { type: 'button', onclick: () => card.dismiss() }, 'Cancel');
  const el = h(
    'div.next-card',
    { role: 'region', 'aria-label': 'Up next', hidden: true },
    h('p.next-label', {}, 'Up next'),
    h('p.next-title', {}, title),
    count,
    h('div.overlay-actions', {}, playNow, cancel),
  );
  let timer: ReturnType<typeof setInterval> | undefined;
  const card = {
    el,
    dismissed: false,
    show(note: string) {
      if (card.dismissed) return;
      count.textContent = note;
      el.hidden = false;
    },
    countdown(seconds: number) {
      if (card.dismissed || timer) return;
      let left = seconds;
      card.show(`Starts in ${left} s`);
      playNow.focus();
      timer = setInterval(() => {
        left -= 1;
        count.textContent = `Starts in ${left} s`;
        if (left <= 0) {
          card.stop();
          go();
        }
      }, 1000);
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
    dismiss() {
      card.stop();
      card.dismissed = true;
      el.hidden = true;
    },
  };
  return card;
}

/** The keyboard help dialog (toggled with ?). */
export function helpOverlay() {
  const close = h('button.ghost', { type: 'button', onclick: () => help.toggle(false) }, 'Close');
  const el = h(
    'div.overlay.help-overlay',
    { role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'player-help-title', hidden: true },
    h('h2', { id: 'player-help-title' }, 'Keyboard shortcuts'),
    h(
      'dl.shortcuts',
      {},
      ...SHORTCUTS.flatMap(([keys, what]) => [
        h('dt', {}, ...keys.map((k) => h('kbd', {}, k))),
        h('dd', {}, what),
      ]),
    ),
    h('div.overlay-actions', {}, close),
  );
  const help = {
    el,
    get open() {
      return !el.hidden;
    },
    toggle(on = el.hidden) {
      el.hidden = !on;
      if (on) close.focus();
    },
  };
  return help;
}
