// Request and response schemas of the search routes.
import { PageOf, PageQuery, t } from '@bijou/sdk';

const Artwork = t.Union([t.String(), t.Null()], {
  description: 'Poster URL of a movie or show (an episode: its thumb, else its show’s poster); null if none',
});
const Range = t.Object({ start: t.Integer({ minimum: 0 }), end: t.Integer({ minimum: 0 }) });

export const Highlight = t.Object(
  {
    field: t.String({ description: 'title, altTitles, people or text' }),
    text: t.String({ description: 'The field text (a snippet for long text)' }),
    ranges: t.Array(Range, { description: 'Matched parts of `text` as UTF-16 offsets' }),
  },
  { description: 'Where the query matched' },
);

export const SearchHit = t.Object({
  type: t.String({ description: 'movie, show, episode, person, or a type of another plugin' }),
  id: t.String(),
  title: t.String(),
  subtitle: t.Union([t.String(), t.Null()]),
  year: t.Union([t.Integer(), t.Null()]),
  highlight: Highlight,
  score: t.Number({
    minimum: 0,
    maximum: 1,
    description: 'Relevance, higher first; compare within a response',
  }),
  artwork: Artwork,
});

// A list, comma-separated or repeated (`?types=movie&types=show`), read as the catalog's list filters are.
const Types = t.ArrayQuery(t.String({ pattern: '^[a-z][a-z0-9-]*$', maxLength: 40 }), {
  maxItems: 20,
  description: 'Result types: comma-separated (movie,show) or the parameter repeated',
});

export const SearchQuery = t.Composite([
  t.Object({
    q: t.String({
      minLength: 1,
      maxLength: 200,
      description: 'What to look for; typos and prefixes are fine',
    }),
    types: t.Optional(Types),
  }),
  PageQuery,
]);

export const SearchPage = PageOf(SearchHit);

export const SuggestQuery = t.Object({
  q: t.String({ minLength: 1, maxLength: 200 }),
  types: t.Optional(Types),
});

export const Suggestions = t.Object({
  items: t.Array(
    t.Object({ text: t.String(), type: t.String(), id: t.String(), highlight: Highlight, artwork: Artwork }),
    {
      maxItems: 10,
    },
  ),
});

export const SearchStatus = t.Object({
  engine: t.Union([t.Literal('fts5'), t.Literal('meilisearch')], { description: 'The engine answering now' }),
  fts5: t.Object({ documents: t.Integer(), terms: t.Integer() }),
  meilisearch: t.Object({
    configured: t.Boolean(),
    state: t.Union([
      t.Literal('off'),
      t.Literal('connecting'),
      t.Literal('indexing'),
      t.Literal('ready'),
      t.Literal('unreachable'),
    ]),
    url: t.Union([t.String(), t.Null()]),
    index: t.Union([t.String(), t.Null()]),
    documents: t.Union([t.Integer(), t.Null()]),
    fallback: t.Boolean({ description: 'Meilisearch is configured but FTS5 answers' }),
    pending: t.Integer({ description: 'Changes waiting to be sent to Meilisearch' }),
    lastError: t.Union([t.String(), t.Null()]),
    lastSyncAt: t.Union([t.String(), t.Null()]),
  }),
  reindex: t.Object({ running: t.Boolean(), runId: t.Union([t.String(), t.Null()]) }),
});

export const ReindexBody = t.Object({
  force: t.Optional(t.Boolean({ description: 'Empty the SQLite index first instead of reconciling it' })),
});
