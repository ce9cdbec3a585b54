// Admin: users — list, create (name, email, password, role), change role, reset password, delete (not yourself).
import { del, get, type Page, patch, post, type User } from '../api.ts';
import { actionButton, adminPage, table, when } from '../components/admin.ts';
import { asyncForm, field, h } from '../dom.ts';
import { state } from '../session.ts';

interface UserRow extends User {
  disabled: boolean;
  createdAt: string;
}

function roleSelect(u: UserRow, redraw: () => Promise<void>): HTMLElement {
  const select = h(
    'select',
    { 'aria-label': `Role of ${u.name}` },
    h('option', { value: 'user', selected: u.role === 'user' }, 'User'),
    h('option', { value: 'admin', selected: u.role === 'admin' }, 'Admin'),
  );
  const cell = h('div.cell-actions', {}, select);
  select.addEventListener('change', async () => {
    cell.querySelector('.error')?.remove();
    try {
      await patch(`/v1/admin/users/${u.id}`, { role: select.value });
      await redraw();
    } catch (e) {
      select.value = u.role;
      cell.append(h('p.error', { role: 'alert' }, (e as Error).message));
    }
  });
  return cell;
}

function resetPassword(u: UserRow): HTMLElement {
  const input = h('input', {
    type: 'password',
    minlength: 8,
    required: true,
    autocomplete: 'new-password',
    'aria-label': `New password for ${u.name}`,
    placeholder: 'New password',
  });
  const done = h('span.ok', { 'aria-live': 'polite' });
  const form = h('form.inline-form', {}, input, h('button.ghost', { type: 'submit' }, 'Set'), done);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    done.textContent = '';
    form.querySelector('.error')?.remove();
    try {
      await patch(`/v1/admin/users/${u.id}`, { password: input.value });
      input.value = '';
      done.textContent = 'Password changed';
    } catch (err) {
      form.append(h('p.error', { role: 'alert' }, (err as Error).message));
    }
  });
  return form;
}

function createForm(onCreated: () => Promise<void>): HTMLElement {
  const name = h('input', { name: 'name', required: true, autocomplete: 'off' });
  const email = h('input', { name: 'email', type: 'email', required: true, autocomplete: 'off' });
  const password = h('input', {
    name: 'password',
    type: 'password',
    required: true,
    minlength: 8,
    autocomplete: 'new-password',
  });
  const role = h(
    'select',
    { name: 'role' },
    h('option', { value: 'user' }, 'User'),
    h('option', { value: 'admin' }, 'Admin'),
  );
  const fields = [
    field('Name', name),
    field('Email', email),
    field('Password (8 characters or more)', password),
    field('Role', role),
  ];
  return asyncForm('Create a user', fields, 'Create user', async (form) => {
    await post('/v1/admin/users', {
      name: name.value.trim(),
      email: email.value.trim(),
      password: password.value,
      role: role.value,
    });
    form.reset();
    await onCreated();
  });
}

export async function adminUsersPage(): Promise<HTMLElement> {
  const box = h('div');
  const redraw = async () => {
    const { items } = await get<Page<UserRow>>('/v1/admin/users?limit=100');
    const rows = items.map((u) => {
      const me = u.id === state.user?.id;
      return [
        h('span', {}, h('strong', {}, u.name), me ? h('span.muted', {}, ' (you)') : null),
        u.email,
        me ? u.role : roleSelect(u, redraw),
        resetPassword(u),
        when(u.createdAt),
        me
          ? h('span.muted', {}, '—')
          : actionButton(
              'Delete',
              async () => {
                await del(`/v1/admin/users/${u.id}`);
                await redraw();
              },
              { danger: true, name: `Delete ${u.name}`, confirmText: `Delete ${u.name} (${u.email})?` },
            ),
      ];
    });
    box.replaceChildren(
      table('Users', ['Name', 'Email', 'Role', 'Reset password', 'Created', ''], rows, 'No users.'),
    );
  };
  await redraw();
  return adminPage('/admin/users', 'Users', box, h('h2', {}, 'Create a user'), createForm(redraw));
}
