// Manifest of the transcoder plugin: hardware probe, ffmpeg process management, on-demand HLS, optimization.
import { defineManifest, t } from '@bijou/sdk';

const Accel = t.Union([t.Literal('vaapi'), t.Literal('qsv'), t.Literal('nvenc'), t.Literal('software')]);

export default defineManifest({
  id: 'transcoder',
  name: 'Transcoder',
  version: '1.0.0',
  apiVersion: '^1.0.0',
  description:
    'Probes hardware encoders at boot, runs ffmpeg for on-demand HLS with a concurrency cap, and pre-transcodes ' +
    'optimized versions.',
  permissions: ['exec:ffmpeg'],
  routes: ['/v1/transcoder', '/v1/optimization'],
  migrations: './migrations',
  config: {
    version: 1,
    schema: t.Object({
      encoderOrder: t.Array(Accel, {
        default: ['vaapi', 'qsv', 'nvenc', 'software'],
        minItems: 1,
        uniqueItems: true,
        description: 'Encoders are tried in this order per codec; software is the last resort either way',
      }),
      maxTranscodes: t.Integer({
        minimum: 1,
        maximum: 32,
        default: 2,
        description: 'Playback transcodes at once; more get 503 with Retry-After',
      }),
      idleSeconds: t.Integer({
        minimum: 1,
        maximum: 3600,
        default: 120,
        description: 'An encode nobody asked a segment of for this long is stopped',
      }),
      preset: t.Union(
        [
          t.Literal('ultrafast'),
          t.Literal('superfast'),
          t.Literal('veryfast'),
          t.Literal('faster'),
          t.Literal('fast'),
          t.Literal('medium'),
        ],
        { default: 'veryfast', description: 'libx264/libx265 preset for software encodes' },
      ),
      vaapiDevice: t.Optional(t.String({ description: 'Render node for VA-API (default: the first found)' })),
      probeTimeoutSeconds: t.Integer({ minimum: 2, maximum: 120, default: 20 }),
      optimizeConcurrency: t.Integer({ minimum: 1, maximum: 4, default: 1 }),
    }),
  },
  events: { emits: ['transcoder.probe.finished', 'transcoder.version.finished'] },
});
