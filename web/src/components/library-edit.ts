// Editing a library in place: its name and folder paths (each with the folder picker), saved with PATCH.
import { type Library, patch } from '../api.ts';
import { asyncForm, field, h } from '../dom.ts';
import { pathField } from './library-form.ts';

let seq = 0;

/** The edit form for `lib`; `onSaved` gets the updated library, `onCancel` closes the editor. */
export function libraryEditForm(
  lib: Library,
  onSaved: (lib: Library) => void,
  onCancel: () => void,
): HTMLElement {
  const name = h('input', { name: 'name', required: true, value: lib.name, autocomplete: 'off' });
  const paths = h('div.stack.paths');
  const addPath = (value: string) => {
    const input = h('input', {
      id: `lib-path-${++seq}`,
      name: 'path',
      value,
      required: true,
      autocomplete: 'off',
      placeholder: '/media/Movies',
    });
    const n = paths.children.length + 1;
    const row = pathField(`Folder ${n}`, input, `Browse server folders for folder ${n}`);
    const remove = h('button.ghost', { type: 'button', 'aria-label': `Remove folder ${n}` }, 'Remove');
    remove.addEventListener('click', () => {
      if (paths.children.length > 1) row.remove();
    });
    row.querySelector('.path-row')!.append(remove);
    paths.append(row);
  };
  for (const p of lib.paths) addPath(p);
  const more = h('button.ghost', { type: 'button' }, 'Add another folder');
  more.addEventListener('click', () => addPath(''));
  const cancel = h('button.ghost', { type: 'button' }, 'Cancel');
  cancel.addEventListener('click', onCancel);
  const form = asyncForm(`Edit ${lib.name}`, [field('Name', name), paths, more], 'Save changes', async () => {
    const next = await patch<Library>(`/v1/libraries/${lib.id}`, {
      name: name.value.trim(),
      paths: [...paths.querySelectorAll<HTMLInputElement>('input[name="path"]')].map((i) => i.value.trim()),
    });
    onSaved(next);
  });
  form.querySelector('button[type="submit"]')!.after(cancel);
  return form;
}
