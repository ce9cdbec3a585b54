// Who is signed in and whether the first-run setup is still needed; cached and refreshed on sign-in or out.
import { ApiError, get, type User } from './api.ts';

export const state: { user: User | null; setupNeeded: boolean; serverName: string; loaded: boolean } = {
  user: null,
  setupNeeded: false,
  serverName: 'Bijou',
  loaded: false,
};

const listeners: (() => void)[] = [];
export const onSessionChange = (fn: () => void) => listeners.push(fn);

export async function loadSession(): Promise<void> {
  const setup = await get<{ needed: boolean; serverName: string }>('/v1/setup');
  state.setupNeeded = setup.needed;
  state.serverName = setup.serverName || 'Bijou';
  state.user = null;
  if (!setup.needed) {
    try {
      state.user = (await get<{ user: User }>('/api/auth/session')).user;
    } catch (e) {
      if (!(e instanceof ApiError) || (e.status !== 401 && e.status !== 403)) throw e;
    }
  }
  state.loaded = true;
  for (const fn of listeners) fn();
}

export function setUser(user: User | null): void {
  state.user = user;
  for (const fn of listeners) fn();
}
