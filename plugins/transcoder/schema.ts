// Tables of the transcoder plugin: optimization profiles and the optimized versions made from them.
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const profiles = sqliteTable('transcoder_profiles', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  videoCodec: text('video_codec', { enum: ['h264', 'hevc'] }).notNull(),
  maxHeight: integer('max_height').notNull(),
  videoBitrate: integer('video_bitrate').notNull(),
  audioBitrate: integer('audio_bitrate').notNull(),
  audioChannels: integer('audio_channels').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export type VersionState = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';

export const versions = sqliteTable(
  'transcoder_versions',
  {
    id: text('id').primaryKey(),
    profileId: text('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    /** The source's key in the plugin that resolved it (a libraries file id). */
    sourceKey: text('source_key').notNull(),
    sourcePath: text('source_path').notNull(),
    sourceSize: integer('source_size').notNull(),
    sourceMtimeMs: integer('source_mtime_ms').notNull(),
    sourceDuration: real('source_duration'),
    sourceHeight: integer('source_height'),
    state: text('state', { enum: ['pending', 'running', 'done', 'failed', 'cancelled'] }).notNull(),
    progress: real('progress').notNull().default(0),
    queueItemId: text('queue_item_id'),
    outputPath: text('output_path'),
    outputSize: integer('output_size'),
    width: integer('width'),
    height: integer('height'),
    error: text('error'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('transcoder_versions_profile_source_idx').on(t.profileId, t.sourceKey),
    index('transcoder_versions_source_idx').on(t.sourceKey),
  ],
);
