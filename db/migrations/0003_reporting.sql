CREATE TABLE `accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`provider_id` text,
	`authority_id` text,
	`password_hash` text NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`password_changed_at` text NOT NULL,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_email_unique` ON `accounts` (`email`);--> statement-breakpoint
CREATE INDEX `accounts_provider_idx` ON `accounts` (`provider_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` integer NOT NULL,
	`csrf_token` text NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_account_idx` ON `sessions` (`account_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`category` text NOT NULL,
	`actor_account_id` integer,
	`actor_label` text NOT NULL,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`changes` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`actor_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_log_actor_idx` ON `audit_log` (`actor_account_id`);--> statement-breakpoint
CREATE TABLE `content_revision` (
	`id` integer PRIMARY KEY NOT NULL,
	`revision` integer NOT NULL,
	`changed_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `duplicate_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`problem_key` text NOT NULL,
	`owner_key` text NOT NULL,
	`version` integer NOT NULL,
	`state` text NOT NULL,
	`sor_id` text NOT NULL,
	`related_sor_id` text NOT NULL,
	`reporting_sor_id` text,
	`note` text NOT NULL,
	`sor_content_hash` text NOT NULL,
	`related_content_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `duplicate_reviews_item_idx` ON `duplicate_reviews` (`problem_key`,`version`);--> statement-breakpoint
CREATE INDEX `duplicate_reviews_owner_idx` ON `duplicate_reviews` (`owner_key`);--> statement-breakpoint
CREATE TABLE `inspection_orders` (
	`version_id` integer NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`description` text NOT NULL,
	`issued_on` text NOT NULL,
	`deadline` text,
	`lifted_on` text,
	PRIMARY KEY(`version_id`, `position`),
	FOREIGN KEY (`version_id`) REFERENCES `inspection_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `inspection_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`inspection_id` integer NOT NULL,
	`version` integer NOT NULL,
	`authority_id` text NOT NULL,
	`visit_date` text NOT NULL,
	`announced` integer NOT NULL,
	`theme_self_determination` text NOT NULL,
	`theme_trust` text NOT NULL,
	`theme_relatives` text NOT NULL,
	`status_code` text NOT NULL,
	`status_label` text NOT NULL,
	`status_text` text NOT NULL,
	`summary` text NOT NULL,
	`pdf_file_id` text NOT NULL,
	`correction_note` text,
	`created_at` text NOT NULL,
	`created_by` integer NOT NULL,
	FOREIGN KEY (`inspection_id`) REFERENCES `inspections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pdf_file_id`) REFERENCES `stored_files`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inspection_versions_item_idx` ON `inspection_versions` (`inspection_id`,`version`);--> statement-breakpoint
CREATE TABLE `inspections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sor_id` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer NOT NULL,
	FOREIGN KEY (`sor_id`) REFERENCES `localities`(`sor_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inspections_sor_idx` ON `inspections` (`sor_id`);--> statement-breakpoint
CREATE TABLE `provider_profile_photos` (
	`profile_version_id` integer NOT NULL,
	`position` integer NOT NULL,
	`photo_key` text NOT NULL,
	`file_id` text NOT NULL,
	`alt_text` text NOT NULL,
	PRIMARY KEY(`profile_version_id`, `position`),
	FOREIGN KEY (`profile_version_id`) REFERENCES `provider_profile_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`file_id`) REFERENCES `stored_files`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `provider_profile_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`provider_id` text NOT NULL,
	`version` integer NOT NULL,
	`description` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer NOT NULL,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `provider_profile_versions_item_idx` ON `provider_profile_versions` (`provider_id`,`version`);--> statement-breakpoint
CREATE TABLE `staff_report_lines` (
	`version_id` integer NOT NULL,
	`category` text NOT NULL,
	`headcount` integer NOT NULL,
	`full_time_equivalents` real NOT NULL,
	PRIMARY KEY(`version_id`, `category`),
	FOREIGN KEY (`version_id`) REFERENCES `staff_report_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `staff_report_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`version` integer NOT NULL,
	`deleted` integer NOT NULL,
	`sickness_absence_pct` real,
	`created_at` text NOT NULL,
	`created_by` integer NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `staff_reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_report_versions_item_idx` ON `staff_report_versions` (`report_id`,`version`);--> statement-breakpoint
CREATE TABLE `staff_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sor_id` text NOT NULL,
	`period_type` text NOT NULL,
	`period` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer NOT NULL,
	FOREIGN KEY (`sor_id`) REFERENCES `localities`(`sor_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_reports_period_idx` ON `staff_reports` (`sor_id`,`period_type`,`period`);--> statement-breakpoint
CREATE TABLE `stored_files` (
	`id` text PRIMARY KEY NOT NULL,
	`media_type` text NOT NULL,
	`byte_size` integer NOT NULL,
	`width` integer,
	`height` integer,
	`content` blob NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `survey_answers` (
	`version_id` integer NOT NULL,
	`question_code` text NOT NULL,
	`question_text` text NOT NULL,
	`positive_pct` real NOT NULL,
	PRIMARY KEY(`version_id`, `question_code`),
	FOREIGN KEY (`version_id`) REFERENCES `survey_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `survey_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`survey_id` integer NOT NULL,
	`version` integer NOT NULL,
	`deleted` integer NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`period_type` text NOT NULL,
	`period` text NOT NULL,
	`method` text NOT NULL,
	`invited` integer NOT NULL,
	`responded` integer NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_versions_item_idx` ON `survey_versions` (`survey_id`,`version`);--> statement-breakpoint
CREATE INDEX `survey_versions_match_idx` ON `survey_versions` (`name_key`,`period_type`,`period`);--> statement-breakpoint
CREATE TABLE `surveys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sor_id` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer NOT NULL,
	FOREIGN KEY (`sor_id`) REFERENCES `localities`(`sor_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `surveys_sor_idx` ON `surveys` (`sor_id`);