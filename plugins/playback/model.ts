// TypeBox request/response schemas of the playback plugin.
import { t } from '@bijou/sdk';
import type { TSchema } from '@sinclair/typebox';

const Nullable = <T extends TSchema>(s: T) => t.Union([s, t.Null()]);
const Names = (description: string) =>
  t.Array(t.String({ minLength: 1, maxLength: 32 }), { maxItems: 64, description });

export const ClientCapabilities = t.Object({
  containers: Names('Containers played directly, e.g. mp4, webm, mkv'),
  videoCodecs: Names('Video codecs decoded, e.g. h264, hevc, av1'),
  audioCodecs: Names('Audio codecs decoded, e.g. aac, mp3, ac3, opus'),
  maxWidth: t.Optional(t.Integer({ minimum: 16, maximum: 16384 })),
  maxHeight: t.Optional(t.Integer({ minimum: 16, maximum: 16384 })),
  maxBitrate: t.Optional(
    t.Integer({ minimum: 64_000, maximum: 1_000_000_000, description: 'bits per second' }),
  ),
  subtitleFormats: t.Optional(Names('Subtitle formats rendered, e.g. vtt')),
  audioTrackSelection: t.Optional(
    t.Boolean({ description: 'The player can switch audio tracks inside a file (most browsers cannot)' }),
  ),
});

const Id = t.String({ minLength: 1, maxLength: 64 });

export const CreateSessionBody = t.Object({
  itemId: Id,
  fileId: t.Optional(
    t.String({
      minLength: 1,
      maxLength: 64,
      description: 'A main file (version) of the item, or one of its extras (trailer, featurette …)',
    }),
  ),
  capabilities: ClientCapabilities,
  audioTrackId: t.Optional(Id),
  subtitleTrackId: t.Optional(Nullable(Id)),
  startPosition: t.Optional(
    t.Number({
      minimum: 0,
      maximum: 1e7,
      description:
        'seconds; default: the resume point. The resume point belongs to one file (part or version): without ' +
        '`fileId` and `startPosition` that file plays from it; a named other file starts at 0; a start position ' +
        'without `fileId` plays the first file',
    }),
  ),
  client: t.Optional(t.String({ maxLength: 80, description: 'Name of the player, e.g. "Living room TV"' })),
});

const Mode = t.Union([t.Literal('direct'), t.Literal('remux'), t.Literal('transcode')]);

export const AudioTrack = t.Object({
  id: t.String(),
  language: Nullable(t.String()),
  title: Nullable(t.String()),
  codec: Nullable(t.String()),
  channels: Nullable(t.Integer()),
  isDefault: t.Boolean(),
  selected: t.Boolean(),
});

export const SubtitleTrack = t.Object({
  id: t.String(),
  language: Nullable(t.String()),
  title: Nullable(t.String()),
  codec: Nullable(t.String()),
  forced: t.Boolean(),
  sdh: t.Boolean(),
  external: t.Boolean(),
  selected: t.Boolean(),
  url: t.String({ description: 'WebVTT of the whole track' }),
});

export const SessionCreated = t.Object({
  sessionId: t.String(),
  mode: Mode,
  reasons: t.Array(t.String()),
  itemId: t.String(),
  fileId: t.String(),
  extra: t.Boolean({ description: 'The file is an extra of the item: no progress is recorded' }),
  version: Nullable(t.Object({ id: t.String(), profileName: t.String() })),
  durationSeconds: t.Number(),
  startPosition: t.Number(),
  streamToken: t.String(),
  expiresAt: t.String(),
  urls: t.Object({ master: Nullable(t.String()), file: Nullable(t.String()) }),
  variants: t.Array(
    t.Object({
      name: t.String(),
      width: Nullable(t.Integer()),
      height: Nullable(t.Integer()),
      bitrate: t.Integer(),
    }),
  ),
  tracks: t.Object({ audio: t.Array(AudioTrack), subtitles: t.Array(SubtitleTrack) }),
});

export const SessionParams = t.Object({ id: Id });
export const HeartbeatBody = t.Object({
  position: t.Number({ minimum: 0, maximum: 1e7 }),
  paused: t.Optional(t.Boolean()),
});
export const HeartbeatResult = t.Object({ state: t.Literal('active'), positionSeconds: t.Number() });
export const SeekBody = t.Object({ position: t.Number({ minimum: 0, maximum: 1e7 }) });
export const SeekResult = t.Object({ positionSeconds: t.Number(), segment: Nullable(t.Integer()) });

export const ActiveSession = t.Object({
  sessionId: t.String(),
  userId: t.String(),
  profileId: t.String(),
  itemId: t.String(),
  title: t.String(),
  mode: Mode,
  quality: Nullable(t.String()),
  positionSeconds: t.Number(),
  durationSeconds: t.Number(),
  paused: t.Boolean(),
  client: Nullable(t.String()),
  startedAt: t.String(),
  lastSeenAt: t.String(),
});

export const ContinueItem = t.Object({
  itemId: t.String(),
  kind: t.Union([t.Literal('movie'), t.Literal('episode')]),
  title: t.String(),
  showId: Nullable(t.String()),
  showTitle: Nullable(t.String()),
  seasonNumber: Nullable(t.Integer()),
  episodeNumber: Nullable(t.Integer()),
  reason: t.Union([t.Literal('resume'), t.Literal('next-up')]),
  positionSeconds: t.Number(),
  resumeFileId: Nullable(
    t.String({
      description:
        'The main file (part or version) the position is in: play it to resume; null for the first file or next up',
    }),
  ),
  resumePart: Nullable(
    t.Integer({ description: 'The part (cd1, part2 …) the position is in, when the item has several files' }),
  ),
  resumeVersionLabel: Nullable(
    t.String({
      description: 'The version (2160p, Director’s Cut …) the position is in, when it has several',
    }),
  ),
  durationSeconds: Nullable(t.Number({ description: 'Of the resume file when known, else of the item' })),
  progress: t.Number(),
  lastPlayedAt: Nullable(t.String()),
  artwork: t.Record(t.String(), t.String(), {
    description: 'Image URLs by kind (poster, backdrop, thumb…); an episode has its show’s where it has none',
  }),
});

const SubtitleMode = t.Union(
  [t.Literal('none'), t.Literal('forced'), t.Literal('always'), t.Literal('smart')],
  {
    description:
      'none: never; forced: forced tracks in the audio language; always: preferred subtitle languages; ' +
      'smart: always when the audio is not in a preferred audio language, else forced',
  },
);
const Languages = (description: string) =>
  t.Array(t.String({ minLength: 2, maxLength: 16, pattern: '^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$' }), {
    maxItems: 16,
    description,
  });

export const PreferencesBody = t.Object({
  audioLanguages: Languages('Audio languages in order of preference (ISO 639: en, eng, fr, …)'),
  subtitleLanguages: Languages('Subtitle languages in order of preference'),
  subtitleMode: SubtitleMode,
});
export const PreferencesView = t.Object({
  audioLanguages: t.Array(t.String()),
  subtitleLanguages: t.Array(t.String()),
  subtitleMode: SubtitleMode,
  updatedAt: Nullable(t.String()),
});

export const StreamQuery = t.Object({
  st: t.Optional(t.String({ maxLength: 2048, description: 'Stream token from the session' })),
  hls: t.Optional(t.String({ maxLength: 8 })),
});
export const ErrorBody = t.Object({ error: t.String() });
export const ValidationBody = t.Object({
  error: t.String(),
  details: t.Optional(t.Array(t.Object({ path: t.String(), message: t.String() }))),
});
