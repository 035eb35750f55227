import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { sorEntities } from './sor';

/** The 98 kommuner (reference data, reloaded on every run). */
export const municipalities = sqliteTable('municipalities', {
	code: text('code').primaryKey(),
	name: text('name').notNull(),
	regionCode: text('region_code').notNull(),
	regionName: text('region_name').notNull(),
});

/**
 * Aggregate provider (helhedsplejeleverandør): exists only in the register, one per owner, created
 * the first time the owner has a locality and never deleted. Its id is stable across SOR changes:
 * `kommune-<kommunekode>` or `cvr-<CVR>` (`sor-<SOR-ID>` for an owner SOR gives neither).
 */
export const providers = sqliteTable(
	'providers',
	{
		id: text('id').primaryKey(),
		ownerSorId: text('owner_sor_id').notNull(),
		kind: text('kind', { enum: ['kommune', 'privat', 'andet'] }).notNull(),
		municipalityCode: text('municipality_code'),
		cvr: text('cvr'),
		name: text('name').notNull(),
		createdRunId: integer('created_run_id').notNull(),
		createdSnapshotDate: text('created_snapshot_date').notNull(),
	},
	(table) => [index('providers_owner_idx').on(table.ownerSorId)],
);

/**
 * Locality (helhedsplejeleverandørsted): a SOR SI or OE of that unit type. Never deleted; a locality
 * that closes in SOR, leaves the snapshot or loses the unit type is kept with status 'closed'.
 */
export const localities = sqliteTable(
	'localities',
	{
		sorId: text('sor_id')
			.primaryKey()
			.references(() => sorEntities.sorId),
		providerId: text('provider_id')
			.notNull()
			.references(() => providers.id),
		status: text('status', { enum: ['active', 'closed'] }).notNull(),
		closedSince: text('closed_since'),
		closedReason: text('closed_reason', { enum: ['to_date', 'missing', 'type_changed'] }),
		/** JSON array of `{ sorId, name, level }` from the owner down to the locality's parent. */
		parentChain: text('parent_chain').notNull().default('[]'),
		/** JSON array of `{ sorId, name, entityTypeCode, depth, status }` of the SOR units beneath it. */
		subUnits: text('sub_units').notNull().default('[]'),
		/** Result of the latest DAR validation of the visiting address. */
		addressStatus: text('address_status', {
			enum: ['valid', 'missing', 'not_found', 'retired', 'pending'],
		})
			.notNull()
			.default('pending'),
		/** Normalised visiting address that was validated; a different one means "changed". */
		validatedAddressKey: text('validated_address_key'),
		addressValidatedAt: text('address_validated_at'),
		darAddressId: text('dar_address_id'),
		/** WGS84 position from DAR (never from the SOR record). */
		lat: real('lat'),
		lon: real('lon'),
		/** Beliggenhedskommune: DAR's kommunekode of the visiting address. */
		locationMunicipalityCode: text('location_municipality_code'),
		/** Shown publicly only with a valid DAR visiting address. */
		published: integer('published', { mode: 'boolean' }).notNull().default(false),
		firstRegisteredSnapshotDate: text('first_registered_snapshot_date').notNull(),
		lastChangedSnapshotDate: text('last_changed_snapshot_date').notNull(),
	},
	(table) => [
		index('localities_provider_idx').on(table.providerId),
		index('localities_status_idx').on(table.status),
	],
);
