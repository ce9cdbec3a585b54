CREATE TABLE `libraries_credits` (
	`item_id` text NOT NULL,
	`person_id` text NOT NULL,
	`role` text NOT NULL,
	`character` text,
	`ord` integer NOT NULL,
	PRIMARY KEY(`item_id`, `person_id`, `role`),
	FOREIGN KEY (`item_id`) REFERENCES `libraries_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `libraries_people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `libraries_credits_person_idx` ON `libraries_credits` (`person_id`);--> statement-breakpoint
CREATE TABLE `libraries_files` (
	`id` text PRIMARY KEY NOT NULL,
	`library_id` text NOT NULL,
	`item_id` text,
	`path` text NOT NULL,
	`rel_path` text NOT NULL,
	`size` integer NOT NULL,
	`mtime_ms` integer NOT NULL,
	`container` text,
	`role` text NOT NULL,
	`extra_kind` text,
	`extra_title` text,
	`part` integer,
	`version_label` text,
	`missing_since` text,
	`probe_key` text,
	`probe_error` text,
	`duration_seconds` real,
	`bitrate` integer,
	`video_codec` text,
	`video_profile` text,
	`width` integer,
	`height` integer,
	`frame_rate` real,
	`hdr` text,
	`added_at` text NOT NULL,
	FOREIGN KEY (`library_id`) REFERENCES `libraries_libraries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `libraries_items`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `libraries_files_path_idx` ON `libraries_files` (`path`);--> statement-breakpoint
CREATE INDEX `libraries_files_item_idx` ON `libraries_files` (`item_id`);--> statement-breakpoint
CREATE INDEX `libraries_files_library_idx` ON `libraries_files` (`library_id`);--> statement-breakpoint
CREATE TABLE `libraries_item_genres` (
	`item_id` text NOT NULL,
	`genre` text NOT NULL,
	PRIMARY KEY(`item_id`, `genre`),
	FOREIGN KEY (`item_id`) REFERENCES `libraries_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `libraries_item_genres_genre_idx` ON `libraries_item_genres` (`genre`,`item_id`);--> statement-breakpoint
CREATE TABLE `libraries_items` (
	`id` text PRIMARY KEY NOT NULL,
	`library_id` text NOT NULL,
	`kind` text NOT NULL,
	`parent_id` text,
	`show_id` text,
	`identity` text NOT NULL,
	`title` text NOT NULL,
	`sort_title` text NOT NULL,
	`original_title` text,
	`year` integer,
	`overview` text,
	`tagline` text,
	`runtime_minutes` integer,
	`rating` real,
	`content_rating` text,
	`genres` text DEFAULT '[]' NOT NULL,
	`studios` text DEFAULT '[]' NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	`provider_ids` text DEFAULT '{}' NOT NULL,
	`season_number` integer,
	`episode_number` integer,
	`ending_episode_number` integer,
	`absolute_number` integer,
	`air_date` text,
	`edition` text,
	`set_name` text,
	`folder` text,
	`artwork` text DEFAULT '{}' NOT NULL,
	`match_method` text NOT NULL,
	`match_confidence` real NOT NULL,
	`locked_fields` text DEFAULT '[]' NOT NULL,
	`missing` integer DEFAULT false NOT NULL,
	`added_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`library_id`) REFERENCES `libraries_libraries`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `libraries_items_identity_idx` ON `libraries_items` (`library_id`,`identity`);--> statement-breakpoint
CREATE INDEX `libraries_items_kind_sort_idx` ON `libraries_items` (`kind`,`sort_title`,`id`);--> statement-breakpoint
CREATE INDEX `libraries_items_kind_added_idx` ON `libraries_items` (`kind`,`added_at`,`id`);--> statement-breakpoint
CREATE INDEX `libraries_items_kind_year_idx` ON `libraries_items` (`kind`,COALESCE(`year`, 0),`id`);--> statement-breakpoint
CREATE INDEX `libraries_items_kind_rating_idx` ON `libraries_items` (`kind`,COALESCE(`rating`, -1),`id`);--> statement-breakpoint
CREATE INDEX `libraries_items_kind_runtime_idx` ON `libraries_items` (`kind`,COALESCE(`runtime_minutes`, 0),`id`);--> statement-breakpoint
CREATE INDEX `libraries_items_parent_idx` ON `libraries_items` (`parent_id`);--> statement-breakpoint
CREATE INDEX `libraries_items_show_idx` ON `libraries_items` (`show_id`);--> statement-breakpoint
CREATE TABLE `libraries_libraries` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`paths` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`last_scan_at` text,
	`last_scan` text
);
--> statement-breakpoint
CREATE TABLE `libraries_people` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`thumb` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `libraries_people_key_idx` ON `libraries_people` (`name_key`);--> statement-breakpoint
CREATE TABLE `libraries_tracks` (
	`id` text PRIMARY KEY NOT NULL,
	`file_id` text NOT NULL,
	`kind` text NOT NULL,
	`stream_index` integer,
	`codec` text,
	`language` text,
	`title` text,
	`channels` integer,
	`is_default` integer DEFAULT false NOT NULL,
	`forced` integer DEFAULT false NOT NULL,
	`sdh` integer DEFAULT false NOT NULL,
	`external_path` text,
	FOREIGN KEY (`file_id`) REFERENCES `libraries_files`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `libraries_tracks_file_idx` ON `libraries_tracks` (`file_id`);--> statement-breakpoint
CREATE TABLE `libraries_watch_state` (
	`profile_id` text NOT NULL,
	`item_id` text NOT NULL,
	`watched` integer DEFAULT false NOT NULL,
	`position_seconds` real DEFAULT 0 NOT NULL,
	`play_count` integer DEFAULT 0 NOT NULL,
	`last_played_at` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`profile_id`, `item_id`),
	FOREIGN KEY (`item_id`) REFERENCES `libraries_items`(`id`) ON UPDATE no action ON DELETE cascade
);
