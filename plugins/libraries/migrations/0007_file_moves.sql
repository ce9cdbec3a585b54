CREATE TABLE `libraries_file_moves` (
	`file_id` text NOT NULL,
	`item_id` text NOT NULL,
	PRIMARY KEY(`file_id`, `item_id`),
	FOREIGN KEY (`file_id`) REFERENCES `libraries_files`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `libraries_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `libraries_file_moves_item_idx` ON `libraries_file_moves` (`item_id`);--> statement-breakpoint
-- A main file a rescan moves to another item (it reads the file as another title) records the item it left, in the
-- statement that moves it, so the record commits with the move even when the scan dies before its reconcile
-- (services/scan-ghost-watch.ts reads and forgets these rows). Inserting files (a first scan) fires nothing.
CREATE TRIGGER `libraries_files_moved` AFTER UPDATE OF `item_id` ON `libraries_files`
WHEN OLD.`role` = 'main' AND OLD.`item_id` IS NOT NULL AND NEW.`item_id` IS NOT NULL AND NEW.`item_id` <> OLD.`item_id`
BEGIN
  INSERT OR IGNORE INTO `libraries_file_moves` (`file_id`, `item_id`) VALUES (NEW.`id`, OLD.`item_id`);
END;
