CREATE TABLE `import_rejections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`sor_id` text,
	`reason` text NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `import_rejections_run_idx` ON `import_rejections` (`run_id`);--> statement-breakpoint
CREATE TABLE `import_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`source` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`status` text NOT NULL,
	`snapshot_date` text,
	`file_created_at` text,
	`counts` text DEFAULT '{}' NOT NULL,
	`message` text,
	`is_sample_data` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sor_classifications` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sor_entities` (
	`sor_id` text PRIMARY KEY NOT NULL,
	`level` text NOT NULL,
	`parent_sor_id` text,
	`owner_sor_id` text NOT NULL,
	`depth` integer NOT NULL,
	`name` text NOT NULL,
	`entity_type_code` text,
	`cvr` text,
	`postal_street` text,
	`postal_house_number` text,
	`postal_floor` text,
	`postal_door` text,
	`postal_postcode` text,
	`postal_district` text,
	`postal_municipality_code` text,
	`postal_street_code` text,
	`postal_etrs_north` real,
	`postal_etrs_east` real,
	`postal_address_inherited` integer NOT NULL,
	`visiting_street` text,
	`visiting_house_number` text,
	`visiting_floor` text,
	`visiting_door` text,
	`visiting_postcode` text,
	`visiting_district` text,
	`visiting_municipality_code` text,
	`visiting_street_code` text,
	`visiting_etrs_north` real,
	`visiting_etrs_east` real,
	`visiting_address_source` text,
	`phone` text,
	`email` text,
	`website` text,
	`contact_inherited` integer NOT NULL,
	`ean_location_code` text,
	`first_from_date` text NOT NULL,
	`from_date` text,
	`to_date` text,
	`updated_at` text,
	`replaces` text DEFAULT '[]' NOT NULL,
	`replaced_by` text DEFAULT '[]' NOT NULL,
	`status` text NOT NULL,
	`closed_reason` text,
	`in_snapshot` integer NOT NULL,
	`content_hash` text NOT NULL,
	`first_seen_run_id` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sor_entities_parent_idx` ON `sor_entities` (`parent_sor_id`);--> statement-breakpoint
CREATE INDEX `sor_entities_owner_idx` ON `sor_entities` (`owner_sor_id`);--> statement-breakpoint
CREATE INDEX `sor_entities_type_idx` ON `sor_entities` (`entity_type_code`);--> statement-breakpoint
CREATE TABLE `sor_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`snapshot_date` text NOT NULL,
	`sor_id` text NOT NULL,
	`kind` text NOT NULL,
	`details` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sor_events_sor_idx` ON `sor_events` (`sor_id`);--> statement-breakpoint
CREATE INDEX `sor_events_run_idx` ON `sor_events` (`run_id`);--> statement-breakpoint
CREATE TABLE `localities` (
	`sor_id` text PRIMARY KEY NOT NULL,
	`provider_id` text NOT NULL,
	`status` text NOT NULL,
	`closed_since` text,
	`closed_reason` text,
	`parent_chain` text DEFAULT '[]' NOT NULL,
	`sub_units` text DEFAULT '[]' NOT NULL,
	`first_registered_snapshot_date` text NOT NULL,
	`last_changed_snapshot_date` text NOT NULL,
	FOREIGN KEY (`sor_id`) REFERENCES `sor_entities`(`sor_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `localities_provider_idx` ON `localities` (`provider_id`);--> statement-breakpoint
CREATE INDEX `localities_status_idx` ON `localities` (`status`);--> statement-breakpoint
CREATE TABLE `municipalities` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`region_code` text NOT NULL,
	`region_name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `providers` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_sor_id` text NOT NULL,
	`kind` text NOT NULL,
	`municipality_code` text,
	`cvr` text,
	`name` text NOT NULL,
	`created_run_id` integer NOT NULL,
	`created_snapshot_date` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `providers_owner_idx` ON `providers` (`owner_sor_id`);