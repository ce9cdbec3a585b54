// Finds the Chromium the e2e tests drive; installs Debian's package with apt-get when running as root, else fails
// with a clear message (the browser tests are never skipped silently).
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

function found(): string | null {
  const fromEnv = process.env.BIJOU_CHROMIUM;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

function run(cmd: string[]): void {
  const r = Bun.spawnSync(cmd, {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    stdout: 'ignore',
    stderr: 'pipe',
  });
  if (r.exitCode !== 0)
    throw new Error(`${cmd.join(' ')} failed (${r.exitCode}): ${r.stderr.toString().slice(-2000)}`);
}

/** The path of a Chromium binary; installs `chromium` via apt-get as root when missing. */
export function ensureChromium(): string {
  const existing = found();
  if (existing) return existing;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.info('e2e: Chromium is missing; installing Debian package "chromium" with apt-get…');
    run(['apt-get', 'update', '-qq']);
    run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'chromium']);
    const installed = found();
    if (installed) return installed;
  }
  throw new Error(
    'The browser tests need Chromium and it was not found at /usr/bin/chromium. Install it (Debian/Ubuntu: ' +
      '`sudo apt-get install chromium`), or set BIJOU_CHROMIUM to a Chromium binary, then run `npm test` again.',
  );
}
