// Keeps the scan's code out of JavaScriptCore's top (FTL) tier. A scan runs each of its functions a few thousand
// times over a few hundred milliseconds; FTL compiles of them (tens of milliseconds each for the larger naming and
// NFO functions, 100–170 ms of compiler-thread time per scan, measured) came on every one of a process's first
// scans, as function after function reached the tier's threshold, and on a two-core NAS that compiler time is taken
// from the scan itself. The tier below (DFG) runs them as fast for this work (thread CPU of the main thread and the
// scan worker unchanged, bench/README.md). Each thread that scans calls this once: its JavaScript VM has its own
// compiled code. What the modules export is marked, so their helpers that ran hot enough to reach FTL are exported
// too. Only the scan's modules are marked; the request-serving code keeps every tier.
import { noFTL } from 'bun:jsc';
import { join } from 'node:path';

/** The scan's modules, relative to the plugin folder: naming, NFO, planning, walking and writing. */
const SCAN_CODE = [
  'lib/naming/*.ts',
  'lib/nfo/*.ts',
  'lib/{build-item,identity,item-row,movie-match,movie-nfo-names,name-index,show-match,sidecar-signature,sort-key,sortable-id,version-label}.ts',
  'services/scan-*.ts',
  'services/{catalog-writer,read-text,scanner,walk-batch,walker}.ts',
];
/** Not modules of scan code: tests, and the worker's entry (loading it outside the worker would install its handler). */
const NOT_SCAN_CODE = /\.test\.ts$|\/scan-worker\.ts$/;

const pluginRoot = join(import.meta.dir, '..');
let marked = false;

/** The scan's module files, relative to the plugin folder, sorted. */
export function scanModulePaths(): string[] {
  const out = new Set<string>();
  for (const pattern of SCAN_CODE)
    for (const path of new Bun.Glob(pattern).scanSync({ cwd: pluginRoot }))
      if (!NOT_SCAN_CODE.test(path)) out.add(path);
  return [...out].sort();
}

/**
 * Marks every function the scan's modules export, and the methods of the classes they export, to stay below the top
 * tier in this thread's VM. The first call marks (returns how many functions); later calls do nothing and return 0.
 * Call it once the scan's modules have loaded (not while one of them is still being evaluated).
 */
export function keepScanCodeBelowTopTier(): number {
  if (marked) return 0;
  marked = true;
  const seen = new Set<unknown>();
  const mark = (value: unknown): void => {
    if (typeof value !== 'function' || seen.has(value)) return;
    seen.add(value);
    noFTL(value as (...args: unknown[]) => unknown);
    const proto = (value as { prototype?: object }).prototype;
    if (!proto) return;
    for (const key of Object.getOwnPropertyNames(proto)) {
      if (key === 'constructor') continue;
      const d = Object.getOwnPropertyDescriptor(proto, key);
      mark(d?.value);
      mark(d?.get);
      mark(d?.set);
    }
  };
  for (const path of scanModulePaths()) {
    const exports = require(join(pluginRoot, path)) as Record<string, unknown>;
    for (const value of Object.values(exports)) mark(value);
  }
  return seen.size;
}
