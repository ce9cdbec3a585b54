// Entry point of the web client: mounts the header, registers the pages and routes with the setup/sign-in guard.

import { adminOnly } from './components/admin.ts';
import { h } from './dom.ts';
import { adminApiKeysPage } from './pages/admin-api-keys.ts';
import { adminDashboardPage } from './pages/admin-dashboard.ts';
import { adminJobsPage } from './pages/admin-jobs.ts';
import { adminLibrariesPage } from './pages/admin-libraries.ts';
import { adminPluginsPage } from './pages/admin-plugins.ts';
import { adminSessionsPage } from './pages/admin-sessions.ts';
import { adminTranscodingPage } from './pages/admin-transcoding.ts';
import { adminUsersPage } from './pages/admin-users.ts';
import { episodePage } from './pages/episode.ts';
import { homePage } from './pages/home.ts';
import { libraryPage } from './pages/library.ts';
import { moviePage } from './pages/movie.ts';
import { personPage } from './pages/person.ts';
import { playerPage } from './pages/player.ts';
import { searchPage } from './pages/search.ts';
import { seasonPage } from './pages/season.ts';
import { setupPage } from './pages/setup.ts';
import { showPage } from './pages/show.ts';
import { signInPage } from './pages/signin.ts';
import { route, start } from './router.ts';
import { loadSession, state } from './session.ts';
import { header } from './shell.ts';

route('/', homePage);
route('/setup', setupPage);
route('/signin', signInPage);
route('/library/:id', libraryPage);
route('/movie/:id', moviePage);
route('/show/:id', showPage);
route('/show/:id/season/:num', seasonPage);
route('/episode/:id', episodePage);
route('/person/:id', personPage);
route('/play/:id', playerPage);
route('/search', searchPage);
route('/admin', adminOnly(adminDashboardPage));
route('/admin/libraries', adminOnly(adminLibrariesPage));
route('/admin/users', adminOnly(adminUsersPage));
route('/admin/api-keys', adminOnly(adminApiKeysPage));
route('/admin/plugins', adminOnly(adminPluginsPage));
route('/admin/jobs', adminOnly(adminJobsPage));
route('/admin/transcoding', adminOnly(adminTranscodingPage));
route('/admin/sessions', adminOnly(adminSessionsPage));

/** Pages a visitor may open without an account. */
const OPEN = new Set(['/setup', '/signin']);

async function guard(path: string): Promise<string | null> {
  if (!state.loaded) await loadSession();
  if (state.setupNeeded) return '/setup';
  if (path === '/setup' && !state.user) return '/signin';
  if (!state.user && !OPEN.has(path)) return `/signin`;
  if (state.user && path === '/signin') return '/';
  return null;
}

const root = document.getElementById('app')!;
const main = h('main', { id: 'main', tabindex: '-1' });
// The skip link moves focus itself: following "#main" would fire popstate and re-render the page.
const skip = h('a.skip', { href: '#main' }, 'Skip to content');
skip.addEventListener('click', (e) => {
  e.preventDefault();
  main.focus();
});
root.replaceChildren(skip, header(), main);
start(main, guard);
