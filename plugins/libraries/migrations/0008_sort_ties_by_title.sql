-- The year, rating and runtime list sorts break ties by title (the natural sort key) before the id: their indexes
-- take sort_key after the sorted expression, so the lists still walk an index in either order.
DROP INDEX `libraries_movies_year_idx`;--> statement-breakpoint
DROP INDEX `libraries_movies_rating_idx`;--> statement-breakpoint
DROP INDEX `libraries_movies_runtime_idx`;--> statement-breakpoint
DROP INDEX `libraries_shows_year_idx`;--> statement-breakpoint
DROP INDEX `libraries_shows_rating_idx`;--> statement-breakpoint
DROP INDEX `libraries_shows_runtime_idx`;--> statement-breakpoint
CREATE INDEX `libraries_movies_year_idx` ON `libraries_items` (`kind`,COALESCE(`year`, 0),`sort_key`,`id`) WHERE kind = 'movie';--> statement-breakpoint
CREATE INDEX `libraries_movies_rating_idx` ON `libraries_items` (`kind`,COALESCE(`rating`, -1),`sort_key`,`id`) WHERE kind = 'movie';--> statement-breakpoint
CREATE INDEX `libraries_movies_runtime_idx` ON `libraries_items` (`kind`,COALESCE(`runtime_minutes`, 0),`sort_key`,`id`) WHERE kind = 'movie';--> statement-breakpoint
CREATE INDEX `libraries_shows_year_idx` ON `libraries_items` (`kind`,COALESCE(`year`, 0),`sort_key`,`id`) WHERE kind = 'show';--> statement-breakpoint
CREATE INDEX `libraries_shows_rating_idx` ON `libraries_items` (`kind`,COALESCE(`rating`, -1),`sort_key`,`id`) WHERE kind = 'show';--> statement-breakpoint
CREATE INDEX `libraries_shows_runtime_idx` ON `libraries_items` (`kind`,COALESCE(`runtime_minutes`, 0),`sort_key`,`id`) WHERE kind = 'show';
