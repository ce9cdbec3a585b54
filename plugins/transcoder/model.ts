// TypeBox schemas of the transcoder's routes: capabilities, optimization profiles and versions.
import { t } from '@bijou/sdk';
import type { TSchema } from '@sinclair/typebox';

const Accel = t.Union([t.Literal('vaapi'), t.Literal('qsv'), t.Literal('nvenc'), t.Literal('software')]);
const Codec = t.Union([t.Literal('h264'), t.Literal('hevc')]);
const Nullable = <T extends TSchema>(s: T) => t.Union([s, t.Null()]);
const Choice = Nullable(t.Object({ accel: Accel, encoder: t.String() }));

export const Capabilities = t.Object({
  state: t.Union([t.Literal('probing'), t.Literal('ready'), t.Literal('failed')]),
  probedAt: Nullable(t.String()),
  ffmpegVersion: Nullable(t.String()),
  hwaccels: t.Array(t.String()),
  renderNodes: t.Array(t.String()),
  nvidia: t.Boolean(),
  order: t.Array(Accel),
  candidates: t.Array(
    t.Object({
      accel: Accel,
      codec: Codec,
      encoder: t.String(),
      listed: t.Boolean(),
      ok: t.Boolean(),
      error: Nullable(t.String()),
      hint: Nullable(t.String()),
      ms: t.Number(),
    }),
  ),
  chosen: t.Object({ h264: Choice, hevc: Choice }),
  error: Nullable(t.String()),
  capacity: t.Object({ active: t.Integer(), max: t.Integer() }),
  running: t.Array(
    t.Object({ owner: t.String(), stream: t.String(), startSegment: t.Integer(), pid: t.Integer() }),
  ),
});

const ProfileFields = {
  name: t.String({ minLength: 1, maxLength: 80, examples: ['1080p H.264 for the TV'] }),
  videoCodec: Codec,
  maxHeight: t.Integer({ minimum: 144, maximum: 4320 }),
  videoBitrate: t.Integer({ minimum: 100_000, maximum: 200_000_000, description: 'bits per second' }),
  audioBitrate: t.Integer({ minimum: 32_000, maximum: 640_000, default: 192_000 }),
  audioChannels: t.Integer({ minimum: 1, maximum: 8, default: 2 }),
};

export const ProfileBody = t.Object(ProfileFields);
export const ProfilePatch = t.Partial(t.Object(ProfileFields));
export const Profile = t.Object({
  id: t.String(),
  ...ProfileFields,
  audioBitrate: t.Integer(),
  audioChannels: t.Integer(),
  createdAt: t.String(),
  updatedAt: t.String(),
});

export const Version = t.Object({
  id: t.String(),
  profileId: t.String(),
  sourceKey: t.String(),
  state: t.Union([
    t.Literal('pending'),
    t.Literal('running'),
    t.Literal('done'),
    t.Literal('failed'),
    t.Literal('cancelled'),
  ]),
  progress: t.Number(),
  outputSize: Nullable(t.Integer()),
  width: Nullable(t.Integer()),
  height: Nullable(t.Integer()),
  error: Nullable(t.String()),
  createdAt: t.String(),
  updatedAt: t.String(),
});

export const OptimizeBody = t.Object({
  profileId: t.String({ maxLength: 64 }),
  libraryId: t.Optional(t.String({ maxLength: 64 })),
  itemId: t.Optional(t.String({ maxLength: 64 })),
});

export const Id = t.Object({ id: t.String({ maxLength: 64 }) });
export const ErrorBody = t.Object({ error: t.String() });
