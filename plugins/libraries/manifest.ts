// Manifest of the libraries plugin: folders on disk → a browsable catalog of movies and shows.
import { defineManifest, t } from '@bijou/sdk';

export default defineManifest({
  id: 'libraries',
  name: 'Libraries',
  version: '1.0.0',
  apiVersion: '^1.0.0',
  description:
    'Scans movie and TV folders (Jellyfin/Plex/Kodi naming, NFO, local artwork), probes media, serves the catalog.',
  permissions: ['media:read', 'exec:ffmpeg'],
  routes: [
    '/v1/libraries',
    '/v1/movies',
    '/v1/shows',
    '/v1/episodes',
    '/v1/people',
    '/v1/metadata',
    '/v1/subtitles',
    '/v1/audio',
    '/v1/images',
    '/v1/genres',
  ],
  migrations: './migrations',
  config: {
    version: 1,
    schema: t.Object({
      rescanCron: t.String({
        format: 'cron',
        default: '0 */6 * * *',
        description: 'When every library is rescanned (croner pattern)',
      }),
      probe: t.Boolean({
        default: true,
        description: 'Read codecs, resolution and tracks with ffprobe after a scan',
      }),
      probeConcurrency: t.Integer({ minimum: 1, maximum: 8, default: 2 }),
      watch: t.Boolean({
        default: false,
        description: 'Rescan a library shortly after files change on disk',
      }),
      pageCache: t.Boolean({
        default: true,
        description: 'Keep recently served catalog pages in memory (dropped on any database write)',
      }),
    }),
  },
  jobs: [
    { id: 'scan', description: 'Scan one library' },
    { id: 'rescan-all', cron: '0 */6 * * *', description: 'Rescan every library' },
  ],
  events: {
    emits: [
      'libraries.scan.started',
      'libraries.scan.progressed',
      'libraries.scan.finished',
      'libraries.items.changed',
    ],
  },
});
