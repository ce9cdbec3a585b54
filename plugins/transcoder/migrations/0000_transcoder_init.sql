CREATE TABLE `transcoder_profiles` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`video_codec` text NOT NULL,
	`max_height` integer NOT NULL,
	`video_bitrate` integer NOT NULL,
	`audio_bitrate` integer NOT NULL,
	`audio_channels` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `transcoder_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`profile_id` text NOT NULL,
	`source_key` text NOT NULL,
	`source_path` text NOT NULL,
	`source_size` integer NOT NULL,
	`source_mtime_ms` integer NOT NULL,
	`source_duration` real,
	`source_height` integer,
	`state` text NOT NULL,
	`progress` real DEFAULT 0 NOT NULL,
	`queue_item_id` text,
	`output_path` text,
	`output_size` integer,
	`width` integer,
	`height` integer,
	`error` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`profile_id`) REFERENCES `transcoder_profiles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `transcoder_versions_profile_source_idx` ON `transcoder_versions` (`profile_id`,`source_key`);--> statement-breakpoint
CREATE INDEX `transcoder_versions_source_idx` ON `transcoder_versions` (`source_key`);