// Core tables (users, sessions, API keys, plugins, settings, flags, audit log, job runs, work queue).
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable(
  'core_users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['admin', 'user'] }).notNull(),
    passwordHash: text('password_hash').notNull(),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('core_users_email_idx').on(t.email)],
);

export const sessions = sqliteTable(
  'core_sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    extendedAt: text('extended_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    uniqueIndex('core_sessions_token_idx').on(t.tokenHash),
    index('core_sessions_user_idx').on(t.userId),
  ],
);

export const apiKeys = sqliteTable(
  'core_api_keys',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    createdAt: text('created_at').notNull(),
    lastUsedAt: text('last_used_at'),
    revokedAt: text('revoked_at'),
  },
  (t) => [uniqueIndex('core_api_keys_hash_idx').on(t.keyHash)],
);

export const plugins = sqliteTable('core_plugins', {
  id: text('id').primaryKey(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  config: text('config', { mode: 'json' }).$type<Record<string, unknown>>(),
  configVersion: integer('config_version'),
  source: text('source', { enum: ['first-party', 'third-party'] }).notNull(),
  version: text('version'),
  hash: text('hash'),
  installedAt: text('installed_at'),
  updatedAt: text('updated_at').notNull(),
});

export const settings = sqliteTable('core_settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).$type<unknown>().notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const featureFlags = sqliteTable('core_feature_flags', {
  key: text('key').primaryKey(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const auditLogs = sqliteTable(
  'core_audit_logs',
  {
    id: text('id').primaryKey(),
    at: text('at').notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    target: text('target'),
    ip: text('ip'),
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('core_audit_logs_at_idx').on(t.at, t.id)],
);

export const jobRuns = sqliteTable(
  'core_job_runs',
  {
    id: text('id').primaryKey(),
    pluginId: text('plugin_id').notNull(),
    jobId: text('job_id').notNull(),
    key: text('key'),
    trigger: text('trigger', { enum: ['schedule', 'manual', 'api'] }).notNull(),
    state: text('state', {
      enum: ['running', 'succeeded', 'failed', 'cancelled', 'interrupted', 'skipped'],
    }).notNull(),
    progress: real('progress').notNull().default(0),
    note: text('note'),
    error: text('error'),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at'),
  },
  (t) => [
    index('core_job_runs_started_idx').on(t.startedAt, t.id),
    index('core_job_runs_job_idx').on(t.pluginId, t.jobId),
  ],
);

export const queueItems = sqliteTable(
  'core_queue_items',
  {
    id: text('id').primaryKey(),
    queue: text('queue').notNull(),
    payload: text('payload', { mode: 'json' }).$type<unknown>().notNull(),
    state: text('state', { enum: ['pending', 'running', 'done', 'failed', 'cancelled'] }).notNull(),
    dedupeKey: text('dedupe_key'),
    priority: integer('priority').notNull().default(0),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    runAt: integer('run_at').notNull(),
    lastError: text('last_error'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('core_queue_claim_idx').on(t.queue, t.state, t.runAt),
    uniqueIndex('core_queue_dedupe_idx').on(t.queue, t.dedupeKey),
  ],
);
