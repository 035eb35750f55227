import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Every SOR entity (IE, SI, OE) ever seen. Rows are never deleted: an entity that leaves the
 * snapshot is kept with `inSnapshot = false` and status 'closed', so history and reported content
 * keep their anchor.
 */
export const sorEntities = sqliteTable(
	'sor_entities',
	{
		sorId: text('sor_id').primaryKey(),
		level: text('level', { enum: ['IE', 'SI', 'OE'] }).notNull(),
		parentSorId: text('parent_sor_id'),
		ownerSorId: text('owner_sor_id').notNull(),
		depth: integer('depth').notNull(),
		name: text('name').notNull(),
		entityTypeCode: text('entity_type_code'),
		cvr: text('cvr'),
		postalStreet: text('postal_street'),
		postalHouseNumber: text('postal_house_number'),
		postalFloor: text('postal_floor'),
		postalDoor: text('postal_door'),
		postalPostcode: text('postal_postcode'),
		postalDistrict: text('postal_district'),
		postalMunicipalityCode: text('postal_municipality_code'),
		postalStreetCode: text('postal_street_code'),
		postalEtrsNorth: real('postal_etrs_north'),
		postalEtrsEast: real('postal_etrs_east'),
		postalAddressInherited: integer('postal_address_inherited', { mode: 'boolean' }).notNull(),
		visitingStreet: text('visiting_street'),
		visitingHouseNumber: text('visiting_house_number'),
		visitingFloor: text('visiting_floor'),
		visitingDoor: text('visiting_door'),
		visitingPostcode: text('visiting_postcode'),
		visitingDistrict: text('visiting_district'),
		visitingMunicipalityCode: text('visiting_municipality_code'),
		visitingStreetCode: text('visiting_street_code'),
		visitingEtrsNorth: real('visiting_etrs_north'),
		visitingEtrsEast: real('visiting_etrs_east'),
		visitingAddressSource: text('visiting_address_source', { enum: ['own', 'postal'] }),
		phone: text('phone'),
		email: text('email'),
		website: text('website'),
		contactInherited: integer('contact_inherited', { mode: 'boolean' }).notNull(),
		eanLocationCode: text('ean_location_code'),
		firstFromDate: text('first_from_date').notNull(),
		fromDate: text('from_date'),
		toDate: text('to_date'),
		updatedAt: text('updated_at'),
		/** JSON array of SOR-IDs. */
		replaces: text('replaces').notNull().default('[]'),
		/** JSON array of SOR-IDs. */
		replacedBy: text('replaced_by').notNull().default('[]'),
		status: text('status', { enum: ['active', 'future', 'closed'] }).notNull(),
		closedReason: text('closed_reason', { enum: ['to_date', 'missing'] }),
		inSnapshot: integer('in_snapshot', { mode: 'boolean' }).notNull(),
		/** Hash of the imported fields, so an unchanged entity costs no write. */
		contentHash: text('content_hash').notNull(),
		firstSeenRunId: integer('first_seen_run_id').notNull(),
	},
	(table) => [
		index('sor_entities_parent_idx').on(table.parentSorId),
		index('sor_entities_owner_idx').on(table.ownerSorId),
		index('sor_entities_type_idx').on(table.entityTypeCode),
	],
);

/** History of SOR changes, one row per entity per run in which it changed. */
export const sorEvents = sqliteTable(
	'sor_events',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		runId: integer('run_id')
			.notNull()
			.references(() => importRuns.id),
		snapshotDate: text('snapshot_date').notNull(),
		sorId: text('sor_id').notNull(),
		kind: text('kind', { enum: ['new', 'changed', 'moved', 'closed', 'reopened'] }).notNull(),
		/** JSON: `{ field: [old, new] }` for changed/moved; `{ reason }` for closed. */
		details: text('details').notNull().default('{}'),
	},
	(table) => [
		index('sor_events_sor_idx').on(table.sorId),
		index('sor_events_run_idx').on(table.runId),
	],
);

/** Log of every import run (SOR or DAR), including failed and refused ones. */
export const importRuns = sqliteTable('import_runs', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	kind: text('kind', { enum: ['sor', 'dar'] }).notNull(),
	source: text('source').notNull(),
	startedAt: text('started_at').notNull(),
	finishedAt: text('finished_at'),
	status: text('status', { enum: ['running', 'succeeded', 'failed', 'refused'] }).notNull(),
	snapshotDate: text('snapshot_date'),
	fileCreatedAt: text('file_created_at'),
	/** JSON object of counts (entities read, localities new/changed/…, rejected). */
	counts: text('counts').notNull().default('{}'),
	message: text('message'),
	/** True when the run loaded the bundled, fictitious sample instead of real SOR data. */
	isSampleData: integer('is_sample_data', { mode: 'boolean' }).notNull().default(false),
});

/** SOR records that failed validation in a run, with the reason. */
export const importRejections = sqliteTable(
	'import_rejections',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		runId: integer('run_id')
			.notNull()
			.references(() => importRuns.id),
		sorId: text('sor_id'),
		reason: text('reason').notNull(),
	},
	(table) => [index('import_rejections_run_idx').on(table.runId)],
);

/** SOR classification list (code → Danish name), reloaded from the reference file on every run. */
export const sorClassifications = sqliteTable('sor_classifications', {
	code: text('code').primaryKey(),
	name: text('name').notNull(),
});
