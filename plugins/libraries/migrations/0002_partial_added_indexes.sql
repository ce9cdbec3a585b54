DROP INDEX `libraries_items_kind_added_idx`;--> statement-breakpoint
CREATE INDEX `libraries_movies_added_idx` ON `libraries_items` (`kind`,`added_at`,`id`) WHERE kind = 'movie';--> statement-breakpoint
CREATE INDEX `libraries_shows_added_idx` ON `libraries_items` (`kind`,`added_at`,`id`) WHERE kind = 'show';