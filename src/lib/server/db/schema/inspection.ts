import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Ældretilsyn authorities (reference data, reloaded on every SOR run). */
export const inspectionAuthorities = sqliteTable('inspection_authorities', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	/** True while the split is our default rather than the one in bekendtgørelse om ældretilsyn. */
	provisional: integer('provisional', { mode: 'boolean' }).notNull(),
});

/** Which authority covers each kommune (by kommunekode). */
export const authorityMunicipalities = sqliteTable('authority_municipalities', {
	municipalityCode: text('municipality_code').primaryKey(),
	authorityId: text('authority_id')
		.notNull()
		.references(() => inspectionAuthorities.id),
});
