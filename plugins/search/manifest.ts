// Manifest of the search plugin: instant, typo-tolerant search with SQLite FTS5, or Meilisearch when configured.
import { defineManifest, t } from '@bijou/sdk';

export default defineManifest({
  id: 'search',
  name: 'Search',
  version: '1.0.0',
  apiVersion: '^1.0.0',
  description:
    'Searches movies, shows, episodes, people and documents of other plugins: SQLite FTS5 by default, Meilisearch when configured.',
  dependsOn: { libraries: '^1.0.0' },
  permissions: ['network'],
  routes: ['/v1/search'],
  migrations: './migrations',
  config: {
    version: 1,
    schema: t.Object({
      meiliUrl: t.Optional(
        t.String({
          pattern: '^https?://\\S+$',
          description:
            'Meilisearch URL; when empty, BIJOU_MEILI_URL is used; when neither is set, SQLite FTS5',
        }),
      ),
      meiliKey: t.Optional(
        t.String({
          'x-secret': true,
          description: 'Meilisearch API key; when empty, BIJOU_MEILI_KEY is used',
        }),
      ),
      meiliIndex: t.String({
        default: 'bijou',
        pattern: '^[A-Za-z0-9_-]{1,64}$',
        description: 'Meilisearch index name',
      }),
    }),
  },
  jobs: [
    { id: 'reindex', description: 'Rebuild the search index from every source (and Meilisearch, when used)' },
    {
      id: 'sync',
      cron: '*/10 * * * *',
      description: 'Pick up catalog edits made without a library event, and drop documents of deleted items',
    },
  ],
  events: { listens: ['libraries.items.changed'] },
});
