// A control-bar button that opens a radio menu (audio, subtitles, quality): keyboard friendly (arrows, Home/End,
// Escape), closes on a pick or a click elsewhere, and reports the picked id.
import { h } from '../dom.ts';
import { type IconName, icon } from './icons.ts';

export interface MenuItem {
  id: string;
  label: string;
  checked: boolean;
}

export interface MenuButton {
  el: HTMLElement;
  /** Sets the items (rebuilt when a session changes); an empty list hides the button. */
  setItems(items: MenuItem[]): void;
  close(): void;
}

let openMenu: MenuButton | null = null;

/** Whether one of the menus is open (the Escape shortcut then closes it instead of leaving). */
export const menuIsOpen = () => openMenu !== null;

export function closeMenus(): void {
  openMenu?.close();
}

export function menuButton(label: string, iconName: IconName, onPick: (id: string) => void): MenuButton {
  const button = h(
    'button.ctl.menu-button',
    { type: 'button', 'aria-haspopup': 'menu', 'aria-expanded': 'false', title: label },
    icon(iconName),
    h('span.ctl-label', {}, label),
  );
  const list = h('div.menu', { role: 'menu', 'aria-label': label, hidden: true });
  const el = h('div.menu-wrap', {}, button, list);
  const items = () => [...list.querySelectorAll<HTMLButtonElement>('[role=menuitemradio]')];
  const outside = (e: Event) => {
    if (!el.contains(e.target as Node)) menu.close();
  };
  const menu: MenuButton = {
    el,
    setItems(next) {
      el.hidden = next.length === 0;
      list.replaceChildren(
        h('div.menu-title', { 'aria-hidden': 'true' }, label),
        ...next.map((it) =>
          h(
            'button.menu-item',
            {
              type: 'button',
              role: 'menuitemradio',
              'aria-checked': String(it.checked),
              'data-id': it.id,
              onclick: () => {
                menu.close();
                button.focus();
                onPick(it.id);
              },
            },
            it.label,
          ),
        ),
      );
    },
    close() {
      if (list.hidden) return;
      list.hidden = true;
      button.setAttribute('aria-expanded', 'false');
      document.removeEventListener('pointerdown', outside, true);
      if (openMenu === menu) openMenu = null;
    },
  };
  const open = () => {
    closeMenus();
    list.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    document.addEventListener('pointerdown', outside, true);
    openMenu = menu;
    const all = items();
    (all.find((b) => b.getAttribute('aria-checked') === 'true') ?? all[0])?.focus();
  };
  button.addEventListener('click', () => (list.hidden ? open() : menu.close()));
  list.addEventListener('keydown', (e) => {
    const all = items();
    const i = all.indexOf(document.activeElement as HTMLButtonElement);
    const moves: Record<string, number> = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: all.length - 1 };
    if (e.key in moves) {
      all[(moves[e.key] + all.length) % all.length]?.focus();
    } else if (e.key === 'Escape' || e.key === 'Tab') {
      menu.close();
      button.focus();
      if (e.key === 'Tab') return;
    } else return;
    e.preventDefault();
    e.stopPropagation();
  });
  return menu;
}
