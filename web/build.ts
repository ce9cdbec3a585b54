// Builds the web client with Bun's bundler into web/dist: hashed assets under assets/ and an index.html shell.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

const SRC = resolve(import.meta.dir, 'src');
export const WEB_DIST = resolve(import.meta.dir, 'dist');

/** Bundles web/src into `outdir` (default web/dist); throws with the bundler's messages on failure. */
export async function buildWeb(outdir = WEB_DIST): Promise<{ js: string; css: string }> {
  rmSync(outdir, { recursive: true, force: true });
  const assets = join(outdir, 'assets');
  mkdirSync(assets, { recursive: true });
  const result = await Bun.build({
    entrypoints: [join(SRC, 'main.ts')],
    outdir: assets,
    target: 'browser',
    format: 'esm',
    splitting: true,
    minify: true,
    sourcemap: 'linked',
    naming: { entry: '[name]-[hash].[ext]', chunk: 'chunk-[hash].[ext]', asset: '[name]-[hash].[ext]' },
  });
  if (!result.success) throw new Error(`web build failed:\n${result.logs.map(String).join('\n')}`);
  const entry = result.outputs.find((o) => o.kind === 'entry-point');
  if (!entry) throw new Error('web build produced no entry point');
  const styles = join(SRC, 'styles');
  const sheets = readdirSync(styles)
    .filter((f) => f.endsWith('.css'))
    .sort();
  const css = sheets.map((f) => readFileSync(join(styles, f), 'utf8')).join('\n');
  const cssName = `styles-${Bun.hash(css).toString(36)}.css`;
  writeFileSync(join(assets, cssName), css);
  const js = `/assets/${basename(entry.path)}`;
  const cssHref = `/assets/${cssName}`;
  const html = readFileSync(join(SRC, 'index.html'), 'utf8').replace('%JS%', js).replace('%CSS%', cssHref);
  writeFileSync(join(outdir, 'index.html'), html);
  return { js, css: cssHref };
}

if (import.meta.main) {
  const started = performance.now();
  const out = await buildWeb(process.argv[2] ? resolve(process.argv[2]) : WEB_DIST);
  console.log(`web client built in ${Math.round(performance.now() - started)} ms: ${out.js}, ${out.css}`);
}
