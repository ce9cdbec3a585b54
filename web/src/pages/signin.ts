// Sign-in page: email and password against /api/auth/sign-in/email (sets the session cookie).
import { post, type User } from '../api.ts';
import { asyncForm, field, h } from '../dom.ts';
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
  const form = asyncForm(
    'Sign in',
    [field('Email', email), field('Password', password)],
    'Sign in',
    async () => {
      const res = await post<{ user: User }>('/api/auth/sign-in/email', {
        email: email.value.trim(),
        password: password.value,
      });
      setUser(res.user);
      navigate('/', true);
    },
  );
  return h('section.page.narrow', {}, h('h1', {}, `Sign in to ${state.serverName}`), form);
}
