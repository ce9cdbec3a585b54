// TypeBox request/response schemas of the libraries plugin.
import { t } from '@bijou/sdk';
import { ScanStatus } from './model-scan.ts';

const Nullable = <T extends ReturnType<typeof t.String>>(s: T) => t.Union([s, t.Null()]);
export const NullableString = Nullable(t.String());
export const NullableNumber = t.Union([t.Number(), t.Null()]);

export const LibraryKind = t.Union([t.Literal('movies'), t.Literal('shows')]);
export const Library = t.Object({
  id: t.String(),
  name: t.String(),
  kind: LibraryKind,
  paths: t.Array(t.String()),
  createdAt: t.String(),
  updatedAt: t.String(),
  lastScanAt: NullableString,
  scan: ScanStatus,
});
const Paths = t.Array(
  t.String({ minLength: 1, maxLength: 4096, description: 'An absolute path to an existing folder' }),
  { minItems: 1, maxItems: 20 },
);
const Name = t.String({
  minLength: 1,
  maxLength: 80,
  description: 'Not blank, no control characters; spaces around it are trimmed',
});
export const LibraryCreate = t.Object(
  { name: Name, kind: LibraryKind, paths: Paths },
  { additionalProperties: false },
);
export const LibraryPatch = t.Object(
  { name: t.Optional(Name), paths: t.Optional(Paths) },
  {
    additionalProperties: false,
    description: 'At least one of name and paths; the kind of a library cannot be changed',
  },
);
const Counter = t.Record(t.String(), t.Number());
const MainFileCounter = t.Record(t.String(), t.Number(), {
  description: 'The files counted by totalFiles by value: the counts add up to totalFiles',
});
export const LibraryStats = t.Object({
  libraryId: t.String(),
  items: Counter,
  missingItems: t.Number(),
  totalFiles: t.Number({ description: "Present main files (movies' and episodes' videos, not extras)" }),
  totalSizeBytes: t.Number({ description: 'Bytes of the files counted by totalFiles' }),
  extraFiles: t.Number({
    description: 'Present extras (trailers, featurettes …), attached to a title or not',
  }),
  extraSizeBytes: t.Number({
    description: 'Bytes of the extras; the library uses totalSizeBytes + extraSizeBytes',
  }),
  byCodec: MainFileCounter,
  byResolution: MainFileCounter,
  byHdr: MainFileCounter,
  byContainer: MainFileCounter,
});

export const Match = t.Object({
  method: t.Union([t.Literal('nfo'), t.Literal('provider-id'), t.Literal('filename'), t.Literal('manual')]),
  confidence: t.Number(),
});
export const FileBrief = t.Object({
  id: t.String(),
  path: t.String(),
  size: t.Number(),
  container: NullableString,
  missing: t.Boolean(),
  versionLabel: t.Union([
    t.String({ description: "Version of the title this file is (`Movie - Director's Cut.mkv`, `- 2160p`)" }),
    t.Null(),
  ]),
  part: t.Union([
    t.Integer({ description: 'Part of a title split over files (cd1, pt2, Part 1)' }),
    t.Null(),
  ]),
});
export const ItemBrief = t.Object({
  id: t.String(),
  kind: t.String(),
  libraryId: t.String(),
  title: t.String(),
  sortTitle: t.String(),
  originalTitle: NullableString,
  year: NullableNumber,
  overview: NullableString,
  runtime: NullableNumber,
  rating: NullableNumber,
  contentRating: NullableString,
  genres: t.Array(t.String()),
  providerIds: t.Record(t.String(), t.String()),
  artwork: t.Record(t.String(), t.String()),
  addedAt: t.String(),
  missing: t.Boolean(),
  match: Match,
  watched: t.Boolean(),
  position: t.Number(),
  resumeFileId: t.Union([
    t.String({
      description:
        'The main file (part or version) `position` is in, to resume by playing it; null when nothing is ' +
        'resumed or the point names no present file of the item (it is then in the first file)',
    }),
    t.Null(),
  ]),
  seasonNumber: NullableNumber,
  episodeNumber: NullableNumber,
  endingEpisodeNumber: NullableNumber,
  absoluteNumber: t.Union([
    t.Integer({ description: 'Absolute episode number of an anime-style file (`Show - 105`)' }),
    t.Null(),
  ]),
  airDate: NullableString,
  showId: t.Union([t.String({ description: 'The show of a season or episode' }), t.Null()]),
  parentId: t.Union([t.String({ description: 'The season of an episode' }), t.Null()]),
  edition: t.Union([
    t.String({ description: 'Plex edition from the file name: each is its own movie' }),
    t.Null(),
  ]),
  files: t.Array(FileBrief),
});

const Sort = t.Union((['title', 'year', 'added', 'rating', 'runtime'] as const).map((s) => t.Literal(s)));
// A list cursor holds the sort, the order, the last item's id and its sort keys (a year, rating or runtime and the
// title's key, or one key): a sort key is at most SORT_TITLE_MAX (200) UTF-16 units, at most 600 UTF-8 bytes, so a
// cursor the server makes is under 1,200 characters.
export const ListQuery = t.Object({
  cursor: t.Optional(t.String({ maxLength: 1536 })),
  limit: t.Optional(t.Integer({ minimum: 1, maximum: 100, default: 20 })),
  library: t.Optional(t.String({ maxLength: 64 })),
  // A list like contentRating: a comma separates genres (a genre named with one cannot be asked for alone; TMDB's
  // genre names hold none).
  genre: t.Optional(
    t.ArrayQuery(t.String({ maxLength: 80 }), {
      maxItems: 50,
      description:
        'Any of these genres, as /v1/genres gives their values: comma-separated (action,drama) or the parameter repeated',
    }),
  ),
  yearFrom: t.Optional(t.Integer({ minimum: 1800, maximum: 3000 })),
  yearTo: t.Optional(t.Integer({ minimum: 1800, maximum: 3000 })),
  // A list, comma-separated or repeated (`?contentRating=PG&contentRating=R`); `t.ArrayQuery` rather than `t.Array`
  // (which Elysia reads the same way) so a refused value is named (core/src/http/coerced-params.ts).
  contentRating: t.Optional(
    t.ArrayQuery(t.String({ maxLength: 200 }), {
      maxItems: 50,
      description: 'Any of these ratings: comma-separated (G,PG,PG-13) or the parameter repeated',
    }),
  ),
  resolution: t.Optional(
    t.Union([t.Literal('2160p'), t.Literal('1080p'), t.Literal('720p'), t.Literal('sd')]),
  ),
  codec: t.Optional(t.String({ maxLength: 32 })),
  hdr: t.Optional(t.String({ maxLength: 32, description: 'HDR10, HDR10+, HLG, Dolby Vision or sdr' })),
  watched: t.Optional(t.Boolean()),
  q: t.Optional(t.String({ maxLength: 200 })),
  sort: t.Optional(Sort),
  order: t.Optional(t.Union([t.Literal('asc'), t.Literal('desc')])),
});
// `?cursor=&limit=` of a show's seasons and a season's episodes: the lists' bounds, but without a limit every item in
// one page (these lists were one page before they took a limit, and clients read them whole).
export const ChildQuery = t.Object({
  cursor: t.Optional(t.String({ maxLength: 1536 })),
  limit: t.Optional(t.Integer({ minimum: 1, maximum: 100 })),
});
/** The query of the recently-added lists: the list's filters, always newest first (no `sort` or `order`). */
export const RecentQuery = t.Omit(ListQuery, ['sort', 'order']);
export const ItemPage = t.Object({ items: t.Array(ItemBrief), nextCursor: NullableString });
export const Credit = t.Object({
  personId: t.String(),
  name: t.String(),
  role: t.String(),
  character: NullableString,
  order: t.Number(),
  thumb: NullableString,
});
export const Track = t.Object({
  id: t.String(),
  fileId: t.String(),
  kind: t.String(),
  streamIndex: NullableNumber,
  codec: NullableString,
  language: NullableString,
  title: NullableString,
  channels: NullableNumber,
  default: t.Boolean(),
  forced: t.Boolean(),
  sdh: t.Boolean(),
  external: t.Boolean(),
});
export const FileStats = t.Composite([
  FileBrief,
  t.Object({
    durationSeconds: NullableNumber,
    bitrate: NullableNumber,
    videoCodec: NullableString,
    videoProfile: NullableString,
    width: NullableNumber,
    height: NullableNumber,
    frameRate: NullableNumber,
    hdr: NullableString,
    probed: t.Boolean(),
    probeError: NullableString,
    tracks: t.Array(Track),
  }),
]);
/** One item in full: its main files carry probe facts and tracks (as `…/file-stats` gives them). */
export const ItemDetail = t.Composite([
  t.Omit(ItemBrief, ['files']),
  t.Object({
    files: t.Array(FileStats),
    tagline: NullableString,
    studios: t.Array(t.String()),
    tags: t.Array(t.String()),
    setName: NullableString,
    lockedFields: t.Array(t.String()),
    extras: t.Array(
      t.Object({ id: t.String(), kind: t.String(), title: t.String(), path: t.String(), size: t.Number() }),
    ),
  }),
]);
/** The show an episode entry belongs to. */
export const ShowRef = t.Object({
  id: t.String(),
  title: t.String(),
  year: NullableNumber,
  artwork: t.Record(t.String(), t.String()),
});
export const NextUpItem = t.Composite([
  ItemBrief,
  t.Object({
    show: ShowRef,
    lastPlayedAt: t.Union([t.String({ description: 'Last play of any episode of the show' }), t.Null()]),
  }),
]);
export const RecentEpisodes = t.Object({
  show: ShowRef,
  addedAt: t.String({ description: 'When the newest episode of the batch was added' }),
  count: t.Integer({ description: 'Episodes in the batch' }),
  seasonNumbers: t.Array(t.Integer(), { description: 'Seasons the batch touches, ascending' }),
  episode: ItemBrief,
});
