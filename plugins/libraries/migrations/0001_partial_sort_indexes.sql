DROP INDEX `libraries_items_kind_sort_idx`;--> statement-breakpoint
DROP INDEX `libraries_items_kind_year_idx`;--> statement-breakpoint
DROP INDEX `libraries_items_kind_rating_idx`;--> statement-breakpoint
DROP INDEX `libraries_items_kind_runtime_idx`;--> statement-breakpoint
CREATE INDEX `libraries_movies_sort_idx` ON `libraries_items` (`kind`,`sort_title`,`id`) WHERE kind = 'movie';--> statement-breakpoint
CREATE INDEX `libraries_movies_year_idx` ON `libraries_items` (`kind`,COALESCE(`year`, 0),`id`) WHERE kind = 'movie';--> statement-breakpoint
CREATE INDEX `libraries_movies_rating_idx` ON `libraries_items` (`kind`,COALESCE(`rating`, -1),`id`) WHERE kind = 'movie';--> statement-breakpoint
CREATE INDEX `libraries_movies_runtime_idx` ON `libraries_items` (`kind`,COALESCE(`runtime_minutes`, 0),`id`) WHERE kind = 'movie';--> statement-breakpoint
CREATE INDEX `libraries_shows_sort_idx` ON `libraries_items` (`kind`,`sort_title`,`id`) WHERE kind = 'show';--> statement-breakpoint
CREATE INDEX `libraries_shows_year_idx` ON `libraries_items` (`kind`,COALESCE(`year`, 0),`id`) WHERE kind = 'show';--> statement-breakpoint
CREATE INDEX `libraries_shows_rating_idx` ON `libraries_items` (`kind`,COALESCE(`rating`, -1),`id`) WHERE kind = 'show';--> statement-breakpoint
CREATE INDEX `libraries_shows_runtime_idx` ON `libraries_items` (`kind`,COALESCE(`runtime_minutes`, 0),`id`) WHERE kind = 'show';