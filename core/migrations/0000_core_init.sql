CREATE TABLE `core_api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`key_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`last_used_at` text,
	`revoked_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `core_users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `core_api_keys_hash_idx` ON `core_api_keys` (`key_hash`);--> statement-breakpoint
CREATE TABLE `core_audit_logs` (
	`id` text PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`target` text,
	`ip` text,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `core_audit_logs_at_idx` ON `core_audit_logs` (`at`,`id`);--> statement-breakpoint
CREATE TABLE `core_feature_flags` (
	`key` text PRIMARY KEY NOT NULL,
	`enabled` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `core_job_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`plugin_id` text NOT NULL,
	`job_id` text NOT NULL,
	`key` text,
	`trigger` text NOT NULL,
	`state` text NOT NULL,
	`progress` real DEFAULT 0 NOT NULL,
	`note` text,
	`error` text,
	`started_at` text NOT NULL,
	`finished_at` text
);
--> statement-breakpoint
CREATE INDEX `core_job_runs_started_idx` ON `core_job_runs` (`started_at`,`id`);--> statement-breakpoint
CREATE INDEX `core_job_runs_job_idx` ON `core_job_runs` (`plugin_id`,`job_id`);--> statement-breakpoint
CREATE TABLE `core_plugins` (
	`id` text PRIMARY KEY NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`config` text,
	`config_version` integer,
	`source` text NOT NULL,
	`version` text,
	`hash` text,
	`installed_at` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `core_queue_items` (
	`id` text PRIMARY KEY NOT NULL,
	`queue` text NOT NULL,
	`payload` text NOT NULL,
	`state` text NOT NULL,
	`dedupe_key` text,
	`priority` integer DEFAULT 0 NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`max_attempts` integer NOT NULL,
	`run_at` integer NOT NULL,
	`last_error` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `core_queue_claim_idx` ON `core_queue_items` (`queue`,`state`,`run_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `core_queue_dedupe_idx` ON `core_queue_items` (`queue`,`dedupe_key`);--> statement-breakpoint
CREATE TABLE `core_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`extended_at` text NOT NULL,
	`ip` text,
	`user_agent` text,
	FOREIGN KEY (`user_id`) REFERENCES `core_users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `core_sessions_token_idx` ON `core_sessions` (`token_hash`);--> statement-breakpoint
CREATE INDEX `core_sessions_user_idx` ON `core_sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `core_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `core_users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `core_users_email_idx` ON `core_users` (`email`);