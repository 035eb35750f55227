import {
	blob,
	index,
	integer,
	primaryKey,
	real,
	sqliteTable,
	text,
	uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { accounts } from './accounts';
import { localities, providers } from './register';

/*
 * Reported content (indberetning): what SOR does not hold. Nothing here is ever updated or
 * deleted. Each item (a staff report, a survey, an inspection visit, a provider's profile) is a
 * stable identity row plus numbered version rows; the current state is the highest version, a
 * withdrawal is a version with `deleted = true`, and `(item, version)` is unique so two editors
 * saving the same version at once cannot both win. Items hang on SOR-IDs and provider ids, which
 * the register never deletes, so content survives SOR closing or moving a locality.
 */

const who = () => ({
	createdAt: text('created_at').notNull(),
	createdBy: integer('created_by')
		.notNull()
		.references(() => accounts.id),
});

/**
 * Uploaded files (re-encoded photos and checked PDFs), content-addressed by SHA-256. Kept in the
 * database so they share its transactions and backups; the uploader's filename is never stored.
 */
export const storedFiles = sqliteTable('stored_files', {
	id: text('id').primaryKey(),
	mediaType: text('media_type', {
		enum: ['image/jpeg', 'application/pdf'],
	}).notNull(),
	byteSize: integer('byte_size').notNull(),
	width: integer('width'),
	height: integer('height'),
	content: blob('content', { mode: 'buffer' }).notNull(),
	...who(),
});

/** Versions of an aggregate provider's presentation: description and photos together. */
export const providerProfileVersions = sqliteTable(
	'provider_profile_versions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		providerId: text('provider_id')
			.notNull()
			.references(() => providers.id),
		version: integer('version').notNull(),
		/** Plain text; paragraphs are separated by blank lines, bare http(s) URLs become links. */
		description: text('description').notNull(),
		...who(),
	},
	(table) => [
		uniqueIndex('provider_profile_versions_item_idx').on(table.providerId, table.version),
	],
);

/** The photos of one profile version (at most four), in display order. */
export const providerProfilePhotos = sqliteTable(
	'provider_profile_photos',
	{
		profileVersionId: integer('profile_version_id')
			.notNull()
			.references(() => providerProfileVersions.id),
		position: integer('position').notNull(),
		/** Stable across versions, so a photo can be followed through alt-text changes. */
		photoKey: text('photo_key').notNull(),
		fileId: text('file_id')
			.notNull()
			.references(() => storedFiles.id),
		altText: text('alt_text').notNull(),
	},
	(table) => [primaryKey({ columns: [table.profileVersionId, table.position] })],
);

/** A staff-number report: one locality, one period (month, quarter or year). */
export const staffReports = sqliteTable(
	'staff_reports',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		sorId: text('sor_id')
			.notNull()
			.references(() => localities.sorId),
		periodType: text('period_type', { enum: ['month', 'quarter', 'year'] }).notNull(),
		/** `2026`, `2026-K1` or `2026-03`. */
		period: text('period').notNull(),
		...who(),
	},
	(table) => [
		uniqueIndex('staff_reports_period_idx').on(table.sorId, table.periodType, table.period),
	],
);

/** Versions of a staff report. */
export const staffReportVersions = sqliteTable(
	'staff_report_versions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		reportId: integer('report_id')
			.notNull()
			.references(() => staffReports.id),
		version: integer('version').notNull(),
		deleted: integer('deleted', { mode: 'boolean' }).notNull(),
		/** Sickness absence in percent of working time, when reported. */
		sicknessAbsencePct: real('sickness_absence_pct'),
		...who(),
	},
	(table) => [uniqueIndex('staff_report_versions_item_idx').on(table.reportId, table.version)],
);

/** Headcount and full-time equivalents per staff category in one staff-report version. */
export const staffReportLines = sqliteTable(
	'staff_report_lines',
	{
		versionId: integer('version_id')
			.notNull()
			.references(() => staffReportVersions.id),
		category: text('category', {
			enum: ['nurses', 'care_assistants', 'care_helpers', 'therapists', 'other'],
		}).notNull(),
		headcount: integer('headcount').notNull(),
		fullTimeEquivalents: real('full_time_equivalents').notNull(),
	},
	(table) => [primaryKey({ columns: [table.versionId, table.category] })],
);

/** A satisfaction survey (brugertilfredshedsmåling) reported for one locality. */
export const surveys = sqliteTable(
	'surveys',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		sorId: text('sor_id')
			.notNull()
			.references(() => localities.sorId),
		...who(),
	},
	(table) => [index('surveys_sor_idx').on(table.sorId)],
);

/** Versions of a survey. */
export const surveyVersions = sqliteTable(
	'survey_versions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		surveyId: integer('survey_id')
			.notNull()
			.references(() => surveys.id),
		version: integer('version').notNull(),
		deleted: integer('deleted', { mode: 'boolean' }).notNull(),
		name: text('name').notNull(),
		/** The name folded (case, spacing), so "the same survey" matches across localities. */
		nameKey: text('name_key').notNull(),
		periodType: text('period_type', { enum: ['month', 'quarter', 'year'] }).notNull(),
		period: text('period').notNull(),
		method: text('method').notNull(),
		invited: integer('invited').notNull(),
		responded: integer('responded').notNull(),
		...who(),
	},
	(table) => [
		uniqueIndex('survey_versions_item_idx').on(table.surveyId, table.version),
		index('survey_versions_match_idx').on(table.nameKey, table.periodType, table.period),
	],
);

/** Share of positive answers per catalogue question in one survey version. */
export const surveyAnswers = sqliteTable(
	'survey_answers',
	{
		versionId: integer('version_id')
			.notNull()
			.references(() => surveyVersions.id),
		questionCode: text('question_code').notNull(),
		/** The question as worded when reported; the catalogue may be edited later. */
		questionText: text('question_text').notNull(),
		positivePct: real('positive_pct').notNull(),
	},
	(table) => [primaryKey({ columns: [table.versionId, table.questionCode] })],
);

/** One inspection visit by Ældretilsynet at a locality, with its written feedback. */
export const inspections = sqliteTable(
	'inspections',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		sorId: text('sor_id')
			.notNull()
			.references(() => localities.sorId),
		...who(),
	},
	(table) => [index('inspections_sor_idx').on(table.sorId)],
);

/** Versions of an inspection's feedback; any version after the first is a correction. */
export const inspectionVersions = sqliteTable(
	'inspection_versions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		inspectionId: integer('inspection_id')
			.notNull()
			.references(() => inspections.id),
		version: integer('version').notNull(),
		/** The authority the editor reported for (snapshot; areas may be redrawn later). */
		authorityId: text('authority_id').notNull(),
		visitDate: text('visit_date').notNull(),
		announced: integer('announced', { mode: 'boolean' }).notNull(),
		/** Ældretilsynsloven § 7 stk. 3: the three themes, each assessed in words (no scale). */
		themeSelfDetermination: text('theme_self_determination').notNull(),
		themeTrust: text('theme_trust').notNull(),
		themeRelatives: text('theme_relatives').notNull(),
		/** A value from db/reference/tilsyn-status.csv, with its label as it read then. */
		statusCode: text('status_code').notNull(),
		statusLabel: text('status_label').notNull(),
		statusText: text('status_text').notNull(),
		summary: text('summary').notNull(),
		pdfFileId: text('pdf_file_id')
			.notNull()
			.references(() => storedFiles.id),
		/** What a correction changed, in the editor's words (shown with the correction). */
		correctionNote: text('correction_note'),
		...who(),
	},
	(table) => [uniqueIndex('inspection_versions_item_idx').on(table.inspectionId, table.version)],
);

/** Påbud (orders) and forbud (bans) recorded with one inspection version. */
export const inspectionOrders = sqliteTable(
	'inspection_orders',
	{
		versionId: integer('version_id')
			.notNull()
			.references(() => inspectionVersions.id),
		position: integer('position').notNull(),
		kind: text('kind', { enum: ['order', 'ban'] }).notNull(),
		description: text('description').notNull(),
		issuedOn: text('issued_on').notNull(),
		deadline: text('deadline'),
		liftedOn: text('lifted_on'),
	},
	(table) => [primaryKey({ columns: [table.versionId, table.position] })],
);

/**
 * A provider editor's review of a probable-duplicate warning: "intentional, and this unit is the
 * one used for FMK, DPSD and BSR". Both units' SOR content hashes are kept, so the review lapses
 * (the warning reopens) as soon as either unit changes in SOR.
 */
export const duplicateReviews = sqliteTable(
	'duplicate_reviews',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		problemKey: text('problem_key').notNull(),
		ownerKey: text('owner_key').notNull(),
		version: integer('version').notNull(),
		state: text('state', { enum: ['acknowledged', 'withdrawn'] }).notNull(),
		sorId: text('sor_id').notNull(),
		relatedSorId: text('related_sor_id').notNull(),
		/** The unit (one of the pair) used for reporting to FMK, DPSD and BSR. */
		reportingSorId: text('reporting_sor_id'),
		note: text('note').notNull(),
		sorContentHash: text('sor_content_hash').notNull(),
		relatedContentHash: text('related_content_hash').notNull(),
		...who(),
	},
	(table) => [
		uniqueIndex('duplicate_reviews_item_idx').on(table.problemKey, table.version),
		index('duplicate_reviews_owner_idx').on(table.ownerKey),
	],
);

/**
 * Audit log of every change made by an editor, an administrator or the user CLI: who, when,
 * what, and `{ field: [old, new] }`. Also logins and refused logins (category 'security').
 */
export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: text('at').notNull(),
		category: text('category', { enum: ['content', 'account', 'security'] }).notNull(),
		/** Null for the command line and for refused logins of unknown e-mails. */
		actorAccountId: integer('actor_account_id').references(() => accounts.id),
		/** E-mail of the actor, or "kommandolinje": readable even if the account is renamed. */
		actorLabel: text('actor_label').notNull(),
		action: text('action').notNull(),
		entityType: text('entity_type').notNull(),
		entityId: text('entity_id').notNull(),
		/** JSON `{ field: [old, new] }` (or other details for security events). */
		changes: text('changes').notNull().default('{}'),
	},
	(table) => [
		index('audit_log_entity_idx').on(table.entityType, table.entityId),
		index('audit_log_actor_idx').on(table.actorAccountId),
	],
);

/**
 * One row (id 1): a counter bumped in the same transaction as every reported-content change, so
 * caches of public pages can key on it.
 */
export const contentRevision = sqliteTable('content_revision', {
	id: integer('id').primaryKey(),
	revision: integer('revision').notNull(),
	changedAt: text('changed_at').notNull(),
});
