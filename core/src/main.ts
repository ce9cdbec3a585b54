#!/usr/bin/env bun
// Process entry: validate the environment (listing every error), boot, listen, and stop cleanly on signals.
import { parseEnv } from './env.ts';

const parsed = parseEnv(process.env);
if (!parsed.ok) {
  console.error('Bijou cannot start; fix these environment variables:');
  for (const e of parsed.errors) console.error(`  - ${e}`);
  process.exit(1);
}
const { createApp } = await import('./app.ts');
const started = performance.now();
const bijou = await createApp();
const { env } = bijou.core;
bijou.app.listen({
  port: env.BIJOU_PORT,
  hostname: env.BIJOU_HOST,
  maxRequestBodySize: env.BIJOU_BODY_LIMIT * 2,
});
bijou.core.log.info('Bijou is ready', {
  url: `http://${env.BIJOU_HOST === '0.0.0.0' ? 'localhost' : env.BIJOU_HOST}:${bijou.app.server?.port}`,
  dataDir: bijou.core.dataDir,
  bootMs: Math.round(performance.now() - started),
  plugins: bijou.host.list().map((p) => `${p.id}:${p.state}`),
});

let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, async () => {
    if (stopping) return;
    stopping = true;
    bijou.core.log.info('stopping', { signal: sig });
    await bijou.stop();
    process.exit(0);
  });
}
