-- Date-named episodes that share an air date are one episode each now (lib/identity.ts dayTitleOf); earlier versions
-- gave all of a day's files one row. Their files are read again by the next scan (a sidecar signature that cannot
-- match), which gives each title its own row, the old row kept for the first.
UPDATE `libraries_files` SET `sidecar_sig` = NULL
WHERE `role` = 'main' AND `item_id` IN (
  SELECT f.`item_id` FROM `libraries_files` f JOIN `libraries_items` i ON i.`id` = f.`item_id`
  WHERE f.`role` = 'main' AND i.`kind` = 'episode' AND i.`identity` LIKE '%/date:%'
  GROUP BY f.`item_id` HAVING COUNT(*) > 1
);
