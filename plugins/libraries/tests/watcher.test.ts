// Filesystem watching: changes anywhere under a library's folders start one scan once they settle, a scan already
// running delays it, and nothing is watched when the setting is off or after stop().
import { afterAll, beforeEach, describe, expect, test } from 'bun:test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LibraryWatcher } from '../services/watcher.ts';
import { removeTemps, tempDir } from './fixtures.ts';

const SETTLE_MS = 400;

let root: string;
let scans: string[];
let running: string | null;
let watch: boolean;

/** A watcher over one library at `root`, with the plugin's context and service reduced to what it uses. */
function watcher(): LibraryWatcher {
  const ctx = {
    config: { watch },
    jobs: { running: () => running },
    log: { warn: () => {} },
  };
  const svc = {
    list: () => [{ id: 'lib', paths: [root] }],
    startScan: (id: string) => void scans.push(id),
  };
  return new LibraryWatcher(ctx as never, svc as never, SETTLE_MS);
}

beforeEach(() => {
  root = tempDir();
  mkdirSync(join(root, 'Heat (1995)'));
  scans = [];
  running = null;
  watch = true;
});
afterAll(removeTemps);

describe('LibraryWatcher', () => {
  test('a burst of changes, nested ones too, starts one scan once they settle', async () => {
    const w = watcher();
    w.sync();
    await Bun.sleep(50);
    writeFileSync(join(root, 'Heat (1995)', 'Heat (1995).mkv'), 'x');
    await Bun.sleep(40);
    writeFileSync(join(root, 'Heat (1995)', 'movie.nfo'), '<movie/>');
    mkdirSync(join(root, 'Alien (1979)'));
    await Bun.sleep(SETTLE_MS / 4);
    expect(scans).toEqual([]);
    await Bun.sleep(SETTLE_MS * 2);
    w.stop();
    expect(scans).toEqual(['lib']);
  });

  test('a scan already running puts the watched one off until it ends', async () => {
    running = 'job-1';
    const w = watcher();
    w.sync();
    await Bun.sleep(50);
    writeFileSync(join(root, 'Heat (1995)', 'Heat (1995).mkv'), 'x');
    await Bun.sleep(SETTLE_MS * 2.5);
    expect(scans).toEqual([]);
    running = null;
    await Bun.sleep(SETTLE_MS * 2);
    w.stop();
    expect(scans).toEqual(['lib']);
  });

  test('with the setting off nothing is watched', async () => {
    watch = false;
    const w = watcher();
    w.sync();
    await Bun.sleep(50);
    writeFileSync(join(root, 'Heat (1995)', 'Heat (1995).mkv'), 'x');
    await Bun.sleep(SETTLE_MS * 2);
    w.stop();
    expect(scans).toEqual([]);
  });

  test('stop() drops a scan still waiting for changes to settle', async () => {
    const w = watcher();
    w.sync();
    await Bun.sleep(50);
    writeFileSync(join(root, 'Heat (1995)', 'Heat (1995).mkv'), 'x');
    await Bun.sleep(SETTLE_MS / 4);
    w.stop();
    await Bun.sleep(SETTLE_MS * 2);
    expect(scans).toEqual([]);
  });
});
