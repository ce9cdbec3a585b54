CREATE TABLE `playback_preferences` (
	`user_id` text PRIMARY KEY NOT NULL,
	`audio_languages` text NOT NULL,
	`subtitle_languages` text NOT NULL,
	`subtitle_mode` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `playback_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`profile_id` text NOT NULL,
	`item_id` text NOT NULL,
	`file_id` text NOT NULL,
	`version_id` text,
	`mode` text NOT NULL,
	`reasons` text NOT NULL,
	`state` text NOT NULL,
	`position_seconds` real DEFAULT 0 NOT NULL,
	`duration_seconds` real,
	`paused` integer DEFAULT false NOT NULL,
	`client` text,
	`started_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`ended_at` text,
	`end_reason` text
);
--> statement-breakpoint
CREATE INDEX `playback_sessions_state_idx` ON `playback_sessions` (`state`,`last_seen_at`);--> statement-breakpoint
CREATE INDEX `playback_sessions_user_idx` ON `playback_sessions` (`user_id`);