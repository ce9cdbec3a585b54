// Session failures in words: a session that could not open (busy transcoder or a file not analysed yet, with a
// Retry-After countdown and retry; not found; anything else), and heartbeats refused because the session is gone.
import { ApiError } from '../api.ts';
import { message } from '../dom.ts';
import type { errorOverlay, OverlayAction } from './overlays.ts';

type Errors = ReturnType<typeof errorOverlay>;

/** Why a 503 happened, in words ("All transcoder slots are busy"). */
function busyText(e: ApiError): string {
  if (/slot/i.test(e.message)) return 'Every transcoder slot is busy with other viewers';
  if (/analys/i.test(e.message)) return 'The server is still analysing this file';
  return e.message.replace(/[.;]\s*try again.*$/i, '');
}

/**
 * Shows why a session could not open. A 503 counts down its Retry-After and then calls `retry`; the returned
 * function stops the countdown.
 */
export function showOpenFailure(
  errors: Errors,
  e: unknown,
  retry: () => void,
  back: OverlayAction,
): () => void {
  if (e instanceof ApiError && e.status === 503) {
    let left = e.retryAfter ?? 5;
    const why = busyText(e);
    const say = () =>
      errors.show(`${why}. Trying again in ${left} s.`, [
        { label: 'Try now', primary: true, run: retry },
        back,
      ]);
    say();
    const timer = setInterval(() => {
      left -= 1;
      if (left > 0) return say();
      clearInterval(timer);
      retry();
    }, 1000);
    return () => clearInterval(timer);
  }
  if (e instanceof ApiError && e.status === 404) {
    errors.show('This title is not available: it was removed, or this profile may not watch it.', [back]);
  } else {
    errors.show(`Playback could not start: ${message(e)}`, [
      { label: 'Try again', primary: true, run: retry },
      back,
    ]);
  }
  return () => {};
}

/** Why a refused heartbeat means playback is over, or null when the failure is passing. */
export function sessionGoneText(e: unknown): string | null {
  if (!(e instanceof ApiError)) return null;
  if (e.status === 401) return 'You were signed out, so playback stopped. Sign in again to continue.';
  if (e.status === 410 || e.status === 404) {
    const how = /timed out/i.test(e.message) ? 'timed out after a long silence' : 'was stopped on the server';
    return `This playback session ${how}.`;
  }
  return null;
}
