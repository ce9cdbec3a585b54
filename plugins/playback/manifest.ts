// Manifest of the playback plugin: sessions and decisions, HLS and direct-play streams, subtitles, progress,
// continue watching and per-user language rules.
import { defineManifest, t } from '@bijou/sdk';

export default defineManifest({
  id: 'playback',
  name: 'Playback',
  version: '1.0.0',
  apiVersion: '^1.0.0',
  description:
    'Decides direct play, remux or transcode per client, serves HLS and direct streams with signed stream ' +
    'tokens, WebVTT subtitles, progress and continue watching.',
  dependsOn: { libraries: '^1.0.0', transcoder: '^1.0.0' },
  routes: ['/v1/playback', '/v1/playback-preferences', '/api/stream'],
  migrations: './migrations',
  config: {
    version: 1,
    schema: t.Object({
      segmentSeconds: t.Number({
        minimum: 1,
        maximum: 10,
        default: 3,
        description: 'Segment length of transcodes (seconds)',
      }),
      remuxSegmentSeconds: t.Number({
        minimum: 1,
        maximum: 15,
        default: 6,
        description: 'Shortest segment of stream copies; cuts fall on the next keyframe',
      }),
      sessionTimeoutSeconds: t.Integer({
        minimum: 1,
        maximum: 3600,
        default: 60,
        description:
          'A session with no heartbeat or stream request for this long is ended and its ffmpeg killed',
      }),
      seekWindowSeconds: t.Integer({
        minimum: 0,
        maximum: 600,
        default: 24,
        description: 'A segment further ahead of the running encode than this restarts ffmpeg at it',
      }),
      streamTokenHours: t.Number({ minimum: 0.05, maximum: 48, default: 6 }),
      segmentWaitSeconds: t.Integer({ minimum: 1, maximum: 300, default: 60 }),
      keyframeProbeSeconds: t.Integer({
        minimum: 1,
        maximum: 120,
        default: 8,
        description: 'Longest wait for reading keyframes of a remuxed file (else equal segments)',
      }),
    }),
  },
  events: {
    emits: ['playback.session.started', 'playback.session.progressed', 'playback.session.ended'],
  },
});
