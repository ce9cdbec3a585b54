-- Movies and shows have no parent and no show: the two indexes skip them (partial), which takes two index entries
-- off every movie a scan writes. A lookup by parent_id or show_id (equality) still uses them.
DROP INDEX `libraries_items_parent_idx`;--> statement-breakpoint
DROP INDEX `libraries_items_show_idx`;--> statement-breakpoint
CREATE INDEX `libraries_items_parent_idx` ON `libraries_items` (`parent_id`) WHERE parent_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `libraries_items_show_idx` ON `libraries_items` (`show_id`) WHERE show_id IS NOT NULL;