DROP INDEX `libraries_movies_sort_idx`;--> statement-breakpoint
DROP INDEX `libraries_shows_sort_idx`;--> statement-breakpoint
ALTER TABLE `libraries_items` ADD `sort_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Existing rows get the key lib/sort-key.ts (sortKeyOf) gives their sort title: a title without digits is its own key.
UPDATE `libraries_items` SET `sort_key` = `sort_title` WHERE `sort_title` NOT GLOB '*[0-9]*';--> statement-breakpoint
-- A title with digits is walked a character at a time: each run of digits loses its leading zeros and is padded
-- with zeros to 10 (a longer run is kept as it is); the key is cut to 200 characters.
WITH RECURSIVE `walk`(`id`, `rest`, `done`, `run`) AS (
  SELECT `id`, `sort_title`, '', '' FROM `libraries_items` WHERE `sort_title` GLOB '*[0-9]*'
  UNION ALL
  SELECT `id`, substr(`rest`, 2),
    CASE WHEN substr(`rest`, 1, 1) GLOB '[0-9]' THEN `done`
      ELSE `done` || CASE WHEN `run` = '' THEN '' WHEN length(ltrim(`run`, '0')) >= 10 THEN ltrim(`run`, '0')
        ELSE substr('0000000000' || ltrim(`run`, '0'), -10) END || substr(`rest`, 1, 1) END,
    CASE WHEN substr(`rest`, 1, 1) GLOB '[0-9]' THEN `run` || substr(`rest`, 1, 1) ELSE '' END
  FROM `walk` WHERE `rest` <> ''
), `keys`(`id`, `k`) AS (
  SELECT `id`, substr(`done` || CASE WHEN `run` = '' THEN '' WHEN length(ltrim(`run`, '0')) >= 10 THEN ltrim(`run`, '0')
    ELSE substr('0000000000' || ltrim(`run`, '0'), -10) END, 1, 200)
  FROM `walk` WHERE `rest` = ''
)
UPDATE `libraries_items` SET `sort_key` = `keys`.`k` FROM `keys` WHERE `keys`.`id` = `libraries_items`.`id`;--> statement-breakpoint
CREATE INDEX `libraries_movies_sort_idx` ON `libraries_items` (`kind`,`sort_key`,`id`) WHERE kind = 'movie';--> statement-breakpoint
CREATE INDEX `libraries_shows_sort_idx` ON `libraries_items` (`kind`,`sort_key`,`id`) WHERE kind = 'show';
