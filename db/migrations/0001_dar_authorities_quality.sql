CREATE TABLE `dar_addresses` (
	`id` text PRIMARY KEY NOT NULL,
	`status` integer NOT NULL,
	`street_code` text,
	`street_name` text NOT NULL,
	`street_key` text NOT NULL,
	`house_number` text NOT NULL,
	`house_key` text NOT NULL,
	`postcode` text NOT NULL,
	`postcode_name` text,
	`municipality_code` text NOT NULL,
	`etrs_east` real,
	`etrs_north` real,
	`lat` real,
	`lon` real,
	`precision` text
);
--> statement-breakpoint
CREATE INDEX `dar_addresses_code_idx` ON `dar_addresses` (`municipality_code`,`street_code`,`house_key`);--> statement-breakpoint
CREATE INDEX `dar_addresses_name_idx` ON `dar_addresses` (`street_key`,`house_key`,`postcode`);--> statement-breakpoint
CREATE TABLE `authority_municipalities` (
	`municipality_code` text PRIMARY KEY NOT NULL,
	`authority_id` text NOT NULL,
	FOREIGN KEY (`authority_id`) REFERENCES `inspection_authorities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `inspection_authorities` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`provisional` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `data_problems` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`problem_key` text NOT NULL,
	`owner_key` text NOT NULL,
	`sor_id` text,
	`related_sor_id` text,
	`code` text NOT NULL,
	`severity` text NOT NULL,
	`message` text NOT NULL,
	`action` text NOT NULL,
	`first_seen_run_id` integer NOT NULL,
	`first_seen_at` text NOT NULL,
	`resolved_run_id` integer,
	`resolved_at` text
);
--> statement-breakpoint
CREATE INDEX `data_problems_owner_idx` ON `data_problems` (`owner_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `data_problems_open_key_idx` ON `data_problems` (`problem_key`) WHERE "data_problems"."resolved_run_id" IS NULL;--> statement-breakpoint
ALTER TABLE `localities` ADD `address_status` text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE `localities` ADD `validated_address_key` text;--> statement-breakpoint
ALTER TABLE `localities` ADD `address_validated_at` text;--> statement-breakpoint
ALTER TABLE `localities` ADD `dar_address_id` text;--> statement-breakpoint
ALTER TABLE `localities` ADD `lat` real;--> statement-breakpoint
ALTER TABLE `localities` ADD `lon` real;--> statement-breakpoint
ALTER TABLE `localities` ADD `location_municipality_code` text;--> statement-breakpoint
ALTER TABLE `localities` ADD `published` integer DEFAULT false NOT NULL;