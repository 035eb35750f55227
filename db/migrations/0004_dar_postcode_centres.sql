CREATE TABLE `dar_postcode_centres` (
	`postcode` text PRIMARY KEY NOT NULL,
	`name` text,
	`lat` real NOT NULL,
	`lon` real NOT NULL,
	`addresses` integer NOT NULL
);
--> statement-breakpoint
-- Centres for a DAR table loaded before this migration (afterwards the DAR import writes them).
INSERT INTO `dar_postcode_centres` (`postcode`, `name`, `lat`, `lon`, `addresses`)
SELECT `postcode`, max(`postcode_name`), avg(`lat`), avg(`lon`), count(*) FROM `dar_addresses`
WHERE `status` IN (1, 3) AND `lat` IS NOT NULL AND `lon` IS NOT NULL GROUP BY `postcode`;
