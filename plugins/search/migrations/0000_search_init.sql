CREATE TABLE `search_docs` (
	`id` integer PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`source` text NOT NULL,
	`type` text NOT NULL,
	`ref_id` text NOT NULL,
	`title` text NOT NULL,
	`subtitle` text,
	`year` integer,
	`boost` integer DEFAULT 1 NOT NULL,
	`title_key` text NOT NULL,
	`sort_key` text NOT NULL,
	`alt_titles` text DEFAULT '[]' NOT NULL,
	`people` text DEFAULT '[]' NOT NULL,
	`body` text DEFAULT '[]' NOT NULL,
	`terms` text NOT NULL,
	`vis_keys` text,
	`vis_groups` text,
	`hash` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_docs_key_unique` ON `search_docs` (`key`);--> statement-breakpoint
CREATE INDEX `search_docs_title_key_idx` ON `search_docs` (`title_key`);--> statement-breakpoint
CREATE INDEX `search_docs_sort_key_idx` ON `search_docs` (`sort_key`);--> statement-breakpoint
CREATE INDEX `search_docs_source_type_idx` ON `search_docs` (`source`,`type`);--> statement-breakpoint
CREATE TABLE `search_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `search_terms` (
	`term` text PRIMARY KEY NOT NULL,
	`docs` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `search_typos` (
	`del` text NOT NULL,
	`term` text NOT NULL,
	PRIMARY KEY(`del`, `term`)
);
