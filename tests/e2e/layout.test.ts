// Responsive, keyboard and contrast checks of the web client in Chromium: no sideways scrolling at phone and TV
// sizes on the main and admin pages, a visible focus ring while tabbing through the header, a working skip link,
// and WCAG AA contrast of body and muted text.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { makeMedia } from '../../core/sdk/testing.ts';
import { ADMIN, type E2E, startE2E } from './harness.ts';

let e2e: E2E;
let libraryId = '';
const PAGES = () =>
  [
    ['home', '/', /^Home Cinema$/],
    ['library', `/library/${libraryId}`, 'Movies'],
    ['admin', '/admin', 'Dashboard'],
    ['admin-libraries', '/admin/libraries', 'Libraries'],
    ['admin-users', '/admin/users', 'Users'],
    ['admin-api-keys', '/admin/api-keys', 'API keys'],
    ['admin-plugins', '/admin/plugins', 'Plugins'],
    ['admin-jobs', '/admin/jobs', 'Jobs'],
    ['admin-transcoding', '/admin/transcoding', 'Transcoding'],
    ['admin-sessions', '/admin/sessions', 'Active sessions'],
  ] as const;

beforeAll(async () => {
  e2e = await startE2E(
    async (tmp) => {
      await makeMedia(
        [
          ...['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25', '-f', 'lavfi', '-i', 'sine=frequency=440'],
          ...['-t', '2', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac'],
        ],
        join(tmp, 'media', 'Movies', 'A Rather Long Movie Title For Small Screens (2019)', 'movie.mp4'),
      );
    },
    { BIJOU_RATE_LIMIT: '100000' },
  );
  await e2e.signInAsAdmin();
  libraryId = await e2e.addLibrary('Movies', 'movies', join(e2e.tmp, 'media', 'Movies'));
}, 300_000);

afterAll(async () => {
  await e2e?.stop();
});

async function signedIn(viewport: { width: number; height: number }): Promise<Page> {
  const p = await e2e.newPage(viewport);
  await p.goto(`${e2e.base}/signin`);
  await p.getByLabel('Email').fill(ADMIN.email);
  await p.getByLabel('Password').fill(ADMIN.password);
  await p.getByRole('button', { name: 'Sign in' }).click();
  await e2e.heading(/^Home Cinema$/, p).waitFor();
  return p;
}

for (const [label, viewport] of [
  ['phone', { width: 390, height: 844 }],
  ['tv', { width: 1920, height: 1080 }],
] as const) {
  test(`${label} ${viewport.width}×${viewport.height}: no page scrolls sideways`, async () => {
    const p = await signedIn(viewport);
    for (const [name, path, title] of PAGES()) {
      await p.goto(`${e2e.base}${path}`);
      await e2e.heading(title, p).waitFor();
      const { scroll, inner } = await p.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        inner: window.innerWidth,
      }));
      expect({ name, scroll }).toEqual({ name, scroll: Math.min(scroll, inner) });
      await e2e.shot(`layout-${label}-${name}`, p);
    }
    await p.context().close();
  }, 120_000);
}

test('phone: the navigation folds behind a Menu button that opens it; search stays visible', async () => {
  const p = await signedIn({ width: 390, height: 844 });
  const admin = p.getByRole('link', { name: 'Admin', exact: true });
  expect(await admin.isVisible()).toBe(false);
  // Search is what a phone user does most: the box stays in the bar while the menu is closed.
  expect(await p.getByRole('combobox', { name: 'Search' }).isVisible()).toBe(true);
  await p.getByRole('button', { name: 'Menu' }).click();
  await admin.waitFor();
  await e2e.shot('layout-phone-menu-open', p);
  await admin.click();
  await e2e.heading('Dashboard', p).waitFor();
  expect(await admin.isVisible()).toBe(false);
  await p.context().close();
});

const focused = (p: Page) =>
  p.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const s = getComputedStyle(el);
    return {
      text: (el.getAttribute('aria-label') ?? el.textContent ?? el.tagName).trim(),
      outline: s.outlineStyle,
      width: Number.parseFloat(s.outlineWidth),
    };
  });

test('tabbing through the header moves focus with a visible outline, and the skip link reaches the content', async () => {
  const p = e2e.page;
  await p.goto(`${e2e.base}/`);
  await e2e.heading(/^Home Cinema$/).waitFor();
  // The router focuses the page heading; going backwards from it walks the header from its end to the skip link.
  const seen: string[] = [];
  for (let i = 0; i < 6; i++) {
    await p.keyboard.press('Shift+Tab');
    const f = await focused(p);
    expect(f).toMatchObject({ outline: expect.not.stringMatching(/^none$/) });
    expect(f.width).toBeGreaterThanOrEqual(2);
    seen.push(f.text);
  }
  expect(seen).toEqual(['Sign out', 'Search', 'Admin', 'Home', 'Bijou', 'Skip to content']);
  await e2e.shot('layout-focus-skip-link');
  await p.keyboard.press('Tab');
  expect((await focused(p)).text).toBe('Bijou');
  await p.keyboard.press('Shift+Tab');
  await p.keyboard.press('Enter');
  expect(await p.evaluate(() => document.activeElement?.id)).toBe('main');
});

/** WCAG relative luminance contrast of two `rgb(...)` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const x = Number(v) / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test.each([
  ['/', 'body text', 'body', 'body'],
  ['/admin/jobs', 'muted text', '.admin-body > p.muted', 'body'],
  ['/admin/users', 'table headings', 'th', '.table-wrap'],
  ['/admin/plugins', 'muted text on a panel', '.plugin .muted', '.plugin'],
  ['/admin/libraries', 'a link', '.libraries a', '.panel'],
])('%s: %s meets WCAG AA (4.5:1) against its background', async (path, _what, fg, bg) => {
  const p = e2e.page;
  await p.goto(`${e2e.base}${path}`);
  await p.locator(fg).first().waitFor();
  const [color, back] = await p.evaluate(
    ([f, b]) => [
      getComputedStyle(document.querySelector(f)!).color,
      getComputedStyle(document.querySelector(b)!).backgroundColor,
    ],
    [fg, bg] as const,
  );
  expect(back).not.toBe('rgba(0, 0, 0, 0)');
  expect(contrast(color, back)).toBeGreaterThanOrEqual(4.5);
});
