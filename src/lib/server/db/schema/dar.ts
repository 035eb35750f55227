import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * DAR access addresses (adgangsadresser / husnumre), replaced as a whole by `npm run import:dar`.
 * `streetKey` and `houseKey` are normalised forms for matching (case, spacing, diacritics).
 */
export const darAddresses = sqliteTable(
	'dar_addresses',
	{
		id: text('id').primaryKey(),
		/** DAWA status: 1 gældende, 3 foreløbig, 2 nedlagt, 4 henlagt. */
		status: integer('status').notNull(),
		streetCode: text('street_code'),
		streetName: text('street_name').notNull(),
		streetKey: text('street_key').notNull(),
		houseNumber: text('house_number').notNull(),
		houseKey: text('house_key').notNull(),
		postcode: text('postcode').notNull(),
		postcodeName: text('postcode_name'),
		municipalityCode: text('municipality_code').notNull(),
		etrsEast: real('etrs_east'),
		etrsNorth: real('etrs_north'),
		lat: real('lat'),
		lon: real('lon'),
		precision: text('precision'),
	},
	(table) => [
		index('dar_addresses_code_idx').on(table.municipalityCode, table.streetCode, table.houseKey),
		index('dar_addresses_name_idx').on(table.streetKey, table.houseKey, table.postcode),
	],
);

/**
 * The centre of each postcode (mean position of its valid addresses), replaced with the addresses
 * by `npm run import:dar`: "near a postcode" reads one row instead of scanning the whole table.
 */
export const darPostcodeCentres = sqliteTable('dar_postcode_centres', {
	postcode: text('postcode').primaryKey(),
	name: text('name'),
	lat: real('lat').notNull(),
	lon: real('lon').notNull(),
	addresses: integer('addresses').notNull(),
});
