// Sign-in page: email and password against /api/auth/sign-in/email (sets the session cookie).
import { post, type User } from '../api.ts';
import { errorBox, field, h, message } from '../dom.ts';
import { navigate } from '../router.ts';
import { setUser, state } from '../session.ts';

export function signInPage(): HTMLElement {
  const email = h('input', { name: 'email', type: 'email', required: true, autocomplete: 'username' });
  const password = h('input', {
    name: 'password',
    type: 'password',
    required: true,
    autocomplete: 'current-password',
  });
  const status = h('div', { 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit' }, 'Sign in');
  const form = h(
    'form.stack',
    { 'aria-label': 'Sign in' },
    field('Email', email),
    field('Password', password),
    submit,
    status,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    submit.disabled = true;
    status.replaceChildren();
    try {
      const res = await post<{ user: User }>('/api/auth/sign-in/email', {
        email: email.value.trim(),
        password: password.value,
      });
      setUser(res.user);
      navigate('/', true);
    } catch (err) {
      status.replaceChildren(errorBox(message(err)));
      submit.disabled = false;
    }
  });
  return h('section.page.narrow', {}, h('h1', {}, `Sign in to ${state.serverName}`), form);
}
