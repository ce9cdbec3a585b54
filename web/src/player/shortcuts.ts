// Player keyboard shortcuts (ignored while typing in a field): the key table shown in the help dialog and the
// document listener that maps keys to player actions.

export interface ShortcutActions {
  togglePlay(): void;
  seekBy(seconds: number): void;
  volumeBy(delta: number): void;
  toggleMute(): void;
  toggleFullscreen(): void;
  cycleSubtitles(): void;
  next(): void;
  toggleHelp(): void;
  /** Escape: close what is open (help, fullscreen) or leave the player. */
  escape(): void;
}

/** Keys and what they do, for the help dialog. */
export const SHORTCUTS: readonly [string[], string][] = [
  [['Space', 'K'], 'Play or pause'],
  [['←', 'J'], 'Back 10 seconds'],
  [['→', 'L'], 'Forward 10 seconds'],
  [['↑', '↓'], 'Volume up or down'],
  [['M'], 'Mute or unmute'],
  [['F'], 'Fullscreen'],
  [['C'], 'Next subtitle track (then off)'],
  [['N'], 'Next episode'],
  [['?'], 'Show or hide this help'],
  [['Esc'], 'Close help, leave fullscreen, or go back'],
];

const SEEK = 10;

/** Whether a key press belongs to a text field (or a control that uses that key itself). */
function typing(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  )
    return true;
  if (target instanceof HTMLInputElement) {
    // Range inputs (seek, volume) own the arrow keys; text inputs own everything.
    return target.type !== 'range' || key.startsWith('Arrow');
  }
  // Space and Enter on a focused button or link press it.
  return key === ' ' && (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement);
}

/** Maps a key to an action; false when the key is not a shortcut. */
function dispatch(key: string, a: ShortcutActions): boolean {
  const k = key.length === 1 ? key.toLowerCase() : key;
  const table: Record<string, () => void> = {
    ' ': () => a.togglePlay(),
    k: () => a.togglePlay(),
    ArrowLeft: () => a.seekBy(-SEEK),
    j: () => a.seekBy(-SEEK),
    ArrowRight: () => a.seekBy(SEEK),
    l: () => a.seekBy(SEEK),
    ArrowUp: () => a.volumeBy(0.1),
    ArrowDown: () => a.volumeBy(-0.1),
    m: () => a.toggleMute(),
    f: () => a.toggleFullscreen(),
    c: () => a.cycleSubtitles(),
    n: () => a.next(),
    '?': () => a.toggleHelp(),
    Escape: () => a.escape(),
  };
  const run = table[k];
  if (!run) return false;
  run();
  return true;
}

/** Listens for shortcuts on the document; returns the function that stops listening. */
export function bindShortcuts(actions: ShortcutActions): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e.target, e.key)) return;
    if (dispatch(e.key, actions)) e.preventDefault();
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}
