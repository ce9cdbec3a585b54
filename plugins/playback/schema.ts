// Tables of the playback plugin: sessions (kept after they end so late heartbeats get 410) and per-user
// audio/subtitle language rules.
import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const sessions = sqliteTable(
  'playback_sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull(),
    profileId: text('profile_id').notNull(),
    itemId: text('item_id').notNull(),
    fileId: text('file_id').notNull(),
    versionId: text('version_id'),
    mode: text('mode', { enum: ['direct', 'remux', 'transcode'] }).notNull(),
    reasons: text('reasons', { mode: 'json' }).$type<string[]>().notNull(),
    state: text('state', { enum: ['active', 'ended', 'reaped'] }).notNull(),
    positionSeconds: real('position_seconds').notNull().default(0),
    durationSeconds: real('duration_seconds'),
    paused: integer('paused', { mode: 'boolean' }).notNull().default(false),
    client: text('client'),
    startedAt: text('started_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    endedAt: text('ended_at'),
    endReason: text('end_reason'),
  },
  (t) => [
    index('playback_sessions_state_idx').on(t.state, t.lastSeenAt),
    index('playback_sessions_user_idx').on(t.userId),
  ],
);

export const preferences = sqliteTable('playback_preferences', {
  userId: text('user_id').primaryKey(),
  audioLanguages: text('audio_languages', { mode: 'json' }).$type<string[]>().notNull(),
  subtitleLanguages: text('subtitle_languages', { mode: 'json' }).$type<string[]>().notNull(),
  subtitleMode: text('subtitle_mode', { enum: ['none', 'forced', 'always', 'smart'] }).notNull(),
  updatedAt: text('updated_at').notNull(),
});
