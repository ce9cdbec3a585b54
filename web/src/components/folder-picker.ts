// A folder picker for server paths: a modal dialog over GET /v1/fs/browse that walks folders and fills an input.
import { ApiError, get } from '../api.ts';
import { errorBox, h, message } from '../dom.ts';

interface Listing {
  path: string;
  parent: string | null;
  folders: { name: string; path: string }[];
  truncated: boolean;
}

/** Opens the picker at `start` (or /); resolves with the chosen folder, or null when cancelled. */
export function pickFolder(start: string): Promise<string | null> {
  return new Promise((resolve) => {
    const where = h('p.picker-path', { 'aria-live': 'polite' });
    const list = h('ul.picker-list', { 'aria-label': 'Folders' });
    const choose = h('button', { type: 'button' }, 'Choose this folder');
    const cancel = h('button.ghost', { type: 'button' }, 'Cancel');
    const dialog = h(
      'dialog.picker',
      { 'aria-label': 'Choose a folder' },
      h('h2', {}, 'Choose a folder'),
      where,
      list,
      h('div.picker-actions', {}, choose, cancel),
    );
    let current = '/';
    let result: string | null = null;
    const open = async (path: string, fallback: boolean): Promise<void> => {
      let l: Listing;
      try {
        l = await get<Listing>(`/v1/fs/browse?path=${encodeURIComponent(path)}`);
      } catch (e) {
        if (fallback && e instanceof ApiError && e.status === 404) return open('/', false);
        list.replaceChildren(h('li', {}, errorBox(message(e))));
        return;
      }
      current = l.path;
      where.replaceChildren(h('span.muted', {}, 'In '), h('code', {}, l.path));
      const items: HTMLElement[] = [];
      if (l.parent)
        items.push(
          h('li', {}, h('button.ghost.folder', { type: 'button', 'data-path': l.parent }, '↑ Up one level')),
        );
      for (const f of l.folders)
        items.push(
          h('li', {}, h('button.ghost.folder', { type: 'button', 'data-path': f.path }, `📁 ${f.name}`)),
        );
      if (!l.folders.length) items.push(h('li.muted', {}, 'No sub-folders.'));
      if (l.truncated) items.push(h('li.muted', {}, 'Only the first 1000 folders are listed.'));
      list.replaceChildren(...items);
      list.querySelector<HTMLButtonElement>('button')?.focus();
    };
    list.addEventListener('click', (e) => {
      const b = (e.target as Element).closest<HTMLButtonElement>('button.folder');
      if (b?.dataset.path) void open(b.dataset.path, false);
    });
    choose.addEventListener('click', () => {
      result = current;
      dialog.close();
    });
    cancel.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(result);
    });
    document.body.append(dialog);
    dialog.showModal();
    void open(start.trim() || '/', true);
  });
}

/** A "Browse…" button that fills `input` with the folder picked; `name` is its accessible name. */
export function browseButton(input: HTMLInputElement, name: string): HTMLButtonElement {
  const b = h('button.ghost', { type: 'button', 'aria-label': name }, 'Browse…');
  b.addEventListener('click', async () => {
    const picked = await pickFolder(input.value);
    if (picked) input.value = picked;
    input.focus();
  });
  return b;
}
