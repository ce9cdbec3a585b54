// Admin: the libraries with their scan state, a Scan button with live progress, statistics on demand, edit (name,
// folders with the folder picker), delete with confirmation, and the add-library form.
import { del, getAll, type Library } from '../api.ts';
import { actionButton, adminPage } from '../components/admin.ts';
import { libraryEditForm } from '../components/library-edit.ts';
import { libraryForm, scanProgress, startScan } from '../components/library-form.ts';
import { libraryStatsToggle } from '../components/library-stats.ts';
import { errorBox, h, message } from '../dom.ts';
import type { RouteContext } from '../router.ts';
import { kindName } from '../scan-words.ts';

export async function adminLibrariesPage(ctx: RouteContext): Promise<HTMLElement> {
  const libs = await getAll<Library>('/v1/libraries?limit=100');
  const list = h('ul.libraries', {});
  const empty = h('p.muted', { hidden: libs.length > 0 }, 'No libraries yet.');
  const addRow = (lib: Library, scanNow: boolean, before?: Element) => {
    const view = scanProgress(lib);
    ctx.onLeave(view.dispose);
    const err = h('div');
    const scan = h('button', { type: 'button', 'aria-label': `Scan ${lib.name}` }, 'Scan');
    scan.addEventListener('click', async () => {
      err.replaceChildren();
      view.el.classList.remove('done');
      await startScan(lib, view).catch((e) => err.replaceChildren(errorBox(message(e))));
    });
    const stats = libraryStatsToggle(lib.id, lib.name);
    const editor = h('div');
    const li = h('li.panel', { 'data-library': lib.id });
    const edit = h(
      'button.ghost',
      { type: 'button', 'aria-label': `Edit ${lib.name}`, 'aria-expanded': 'false' },
      'Edit',
    );
    edit.addEventListener('click', () => {
      if (editor.childElementCount) {
        editor.replaceChildren();
        edit.setAttribute('aria-expanded', 'false');
        return;
      }
      edit.setAttribute('aria-expanded', 'true');
      editor.replaceChildren(
        libraryEditForm(
          lib,
          (next) => {
            view.dispose();
            addRow(next, false, li);
            li.remove();
          },
          () => {
            editor.replaceChildren();
            edit.setAttribute('aria-expanded', 'false');
            edit.focus();
          },
        ),
      );
      editor.querySelector('input')?.focus();
    });
    const remove = actionButton(
      'Delete',
      async () => {
        await del(`/v1/libraries/${lib.id}`);
        view.dispose();
        li.remove();
        empty.hidden = list.childElementCount > 0;
      },
      {
        danger: true,
        name: `Delete ${lib.name}`,
        status: err,
        confirmText: `Delete the library "${lib.name}"? Its catalog entries go; the files on disk stay untouched.`,
      },
    );
    li.append(
      h(
        'div.lib-head',
        {},
        h('a', { href: `/library/${lib.id}` }, h('strong', {}, lib.name)),
        h('span.muted', {}, ` ${kindName(lib.kind)} · ${lib.paths.join(', ')}`),
        h('span.lib-actions', {}, scan, stats.button, edit, remove),
      ),
      view.el,
      stats.panel,
      editor,
      err,
    );
    if (before) list.insertBefore(li, before);
    else list.append(li);
    empty.hidden = true;
    if (scanNow) void startScan(lib, view).catch((e) => err.replaceChildren(errorBox(message(e))));
  };
  for (const lib of libs) addRow(lib, false);
  return adminPage(
    '/admin/libraries',
    'Libraries',
    empty,
    list,
    h('h2', {}, 'Add a library'),
    libraryForm((lib) => addRow(lib, true)),
  );
}
