// First-run wizard: step 1 names the server and creates the admin; step 2 adds a first library and scans it.
import { type Library, post, type User } from '../api.ts';
import { libraryForm, scanProgress, startScan } from '../components/library-form.ts';
import { asyncForm, field, h } from '../dom.ts';
import type { RouteContext } from '../router.ts';
import { navigate } from '../router.ts';
import { setUser, state } from '../session.ts';

function libraryStep(ctx: RouteContext): HTMLElement {
  const list = h('div.stack');
  const next = h('a.button', { href: '/' }, 'Go to my library');
  const form = libraryForm(async (lib: Library) => {
    const view = scanProgress(lib);
    ctx.onLeave(view.dispose);
    list.append(
      h('div.panel', {}, h('strong', {}, lib.name), h('span.muted', {}, ` ${lib.paths[0]}`), view.el),
    );
    await startScan(lib, view);
  });
  return h(
    'section.page.narrow',
    {},
    h('p.step', {}, 'Step 2 of 2'),
    h('h1', {}, 'Add your media'),
    h(
      'p.muted',
      {},
      'Type the path of a folder on the server, such as /media/Movies. You can add more later.',
    ),
    form,
    list,
    h('p', {}, next, ' ', h('a.ghost', { href: '/' }, 'Skip for now')),
  );
}

export function setupPage(ctx: RouteContext): HTMLElement {
  if (!state.setupNeeded) return libraryStep(ctx);
  const serverName = h('input', { name: 'serverName', required: true, value: 'Home', autocomplete: 'off' });
  const name = h('input', { name: 'name', required: true, autocomplete: 'name' });
  const email = h('input', { name: 'email', type: 'email', required: true, autocomplete: 'email' });
  const password = h('input', {
    name: 'password',
    type: 'password',
    required: true,
    minlength: '8',
    autocomplete: 'new-password',
  });
  const fields = [
    field('Server name', serverName),
    field('Your name', name),
    field('Email', email),
    field('Password (8 characters or more)', password),
  ];
  const form = asyncForm('Create the admin account', fields, 'Create admin account', async () => {
    const res = await post<{ user: User }>('/v1/setup', {
      serverName: serverName.value.trim(),
      name: name.value.trim(),
      email: email.value.trim(),
      password: password.value,
    });
    state.setupNeeded = false;
    state.serverName = serverName.value.trim();
    setUser(res.user);
    navigate('/setup', true);
  });
  const page = h(
    'section.page.narrow',
    {},
    h('p.step', {}, 'Step 1 of 2'),
    h('h1', {}, 'Welcome to Bijou'),
    h('p.muted', {}, 'Name this server and create the administrator account.'),
    form,
  );
  return page;
}
