// Admin: the list of libraries with their scan state, a Scan button with live progress, and the add-library form.
import { get, type Library, type Page } from '../api.ts';
import { libraryForm, scanProgress, startScan } from '../components/library-form.ts';
import { errorBox, h, message } from '../dom.ts';
import type { RouteContext } from '../router.ts';

export async function adminLibrariesPage(ctx: RouteContext): Promise<HTMLElement> {
  const libs = await get<Page<Library>>('/v1/libraries?limit=100');
  const list = h('ul.libraries', {});
  const addRow = (lib: Library, scanNow: boolean) => {
    const view = scanProgress(lib);
    ctx.onLeave(view.dispose);
    const scan = h('button', { type: 'button' }, 'Scan');
    const err = h('div');
    scan.addEventListener('click', async () => {
      err.replaceChildren();
      view.el.classList.remove('done');
      await startScan(lib, view).catch((e) => err.replaceChildren(errorBox(message(e))));
    });
    list.append(
      h(
        'li.panel',
        {},
        h(
          'div.lib-head',
          {},
          h('a', { href: `/library/${lib.id}` }, h('strong', {}, lib.name)),
          h('span.muted', {}, ` ${lib.kind} · ${lib.paths.join(', ')}`),
          scan,
        ),
        view.el,
        err,
      ),
    );
    if (scanNow) void startScan(lib, view).catch((e) => err.replaceChildren(errorBox(message(e))));
  };
  for (const lib of libs.items) addRow(lib, false);
  return h(
    'section.page',
    {},
    h('h1', {}, 'Libraries'),
    libs.items.length ? null : h('p.muted', {}, 'No libraries yet.'),
    list,
    h('h2', {}, 'Add a library'),
    libraryForm((lib) => addRow(lib, true)),
  );
}
