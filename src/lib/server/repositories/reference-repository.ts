import type { RegisterDb } from '../db/client';
import { municipalities, sorClassifications } from '../db/schema';

/** All SQL on the classification reference table. */
export class ReferenceRepository {
	constructor(private readonly db: RegisterDb) {}

	/** Replaces the classification list with the one the current run uses. */
	replaceClassifications(entries: { code: string; name: string }[]): void {
		this.db.delete(sorClassifications).run();
		for (const entry of entries) this.db.insert(sorClassifications).values(entry).run();
	}

	/** The classification list as stored by the last run. */
	classifications(): { code: string; name: string }[] {
		return this.db.select().from(sorClassifications).all();
	}

	/** Replaces the kommune reference table. */
	replaceMunicipalities(rows: (typeof municipalities.$inferInsert)[]): void {
		this.db.delete(municipalities).run();
		for (const row of rows) this.db.insert(municipalities).values(row).run();
	}
}
