// The web player's controls as the player browser tests use them, on a suite's page: the video's time, the next
// session the page creates, waiting until the video plays past a time, and clicking control-bar buttons and menus
// (moving the mouse first, as the bar hides while playing untouched).
import type { E2E } from './harness.ts';

/** Helpers on `e2e.page`, read at each call (the suite is filled in before the first test runs). */
export function playerControls(e2e: E2E) {
  const videoTime = () => e2e.page.locator('video').evaluate((v: HTMLVideoElement) => v.currentTime);
  const nextSession = () =>
    e2e.page.waitForResponse(
      (r) => r.url().endsWith('/v1/playback/sessions') && r.request().method() === 'POST',
    );
  /** Waits until the video plays past `seconds`. */
  const playsPast = (seconds: number) =>
    e2e.page.waitForFunction((at) => (document.querySelector('video')?.currentTime ?? 0) > at, seconds, {
      timeout: 30_000,
    });
  /** Moves the mouse over the video so the control bar (hidden while playing untouched) shows. */
  const showControls = async () => {
    const box = (await e2e.page.locator('.stage').boundingBox())!;
    await e2e.page.mouse.move(box.x + box.width / 2, box.y + 10);
    await e2e.page.mouse.move(box.x + box.width / 2, box.y + 20);
  };
  const control = async (name: string) => {
    await showControls();
    await e2e.page.getByRole('button', { name, exact: true }).click();
  };
  const menu = async (button: string, item: string) => {
    await control(button);
    await e2e.page.getByRole('menuitemradio', { name: item }).click();
  };
  return { videoTime, nextSession, playsPast, showControls, control, menu };
}
