import { asc, eq } from 'drizzle-orm';
import type { RegisterDb } from '../db/client';
import { authorityMunicipalities, inspectionAuthorities } from '../db/schema';
import type { AuthorityArea } from '../reference/reference-files';

/** A stored Ældretilsyn authority. */
export type InspectionAuthority = typeof inspectionAuthorities.$inferSelect;

/** All SQL on the Ældretilsyn authorities and the kommuner they cover. */
export class InspectionRepository {
	constructor(private readonly db: RegisterDb) {}

	/** Replaces the authority table and its kommune mapping with the one the current run uses. */
	replaceAreas(areas: AuthorityArea[]): void {
		this.db.delete(authorityMunicipalities).run();
		this.db.delete(inspectionAuthorities).run();
		for (const area of areas) {
			this.db
				.insert(inspectionAuthorities)
				.values({ id: area.id, name: area.name, provisional: area.provisional })
				.run();
			for (const municipalityCode of area.municipalityCodes) {
				this.db
					.insert(authorityMunicipalities)
					.values({ municipalityCode, authorityId: area.id })
					.run();
			}
		}
	}

	/** The authority covering a kommune, or null when the table has no row for it. */
	authorityFor(municipalityCode: string): InspectionAuthority | null {
		return (
			this.db
				.select({
					id: inspectionAuthorities.id,
					name: inspectionAuthorities.name,
					provisional: inspectionAuthorities.provisional,
				})
				.from(authorityMunicipalities)
				.innerJoin(
					inspectionAuthorities,
					eq(inspectionAuthorities.id, authorityMunicipalities.authorityId),
				)
				.where(eq(authorityMunicipalities.municipalityCode, municipalityCode))
				.get() ?? null
		);
	}

	/** All authorities by name. */
	authorities(): InspectionAuthority[] {
		return this.db
			.select()
			.from(inspectionAuthorities)
			.orderBy(asc(inspectionAuthorities.name))
			.all();
	}
}
