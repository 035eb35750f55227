import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { RegisterDb } from '../db/client';
import { localities, municipalities, providers, sorEntities } from '../db/schema';

/** A stored aggregate provider. */
export type Provider = typeof providers.$inferSelect;
/** A stored locality row (register fields only; SOR data is joined from sor_entities). */
export type LocalityRow = typeof localities.$inferSelect;
/** A kommune from the reference table. */
export type Municipality = typeof municipalities.$inferSelect;

/** A locality with the SOR fields the pages show. */
export interface LocalityListItem {
	sorId: string;
	name: string;
	status: 'active' | 'closed';
	providerId: string;
	street: string | null;
	houseNumber: string | null;
	postcode: string | null;
	district: string | null;
	municipalityCode: string | null;
}

/** The validation fields of a locality, written by the DAR validation step. */
export type LocalityValidation = Pick<
	LocalityRow,
	| 'addressStatus'
	| 'validatedAddressKey'
	| 'addressValidatedAt'
	| 'darAddressId'
	| 'lat'
	| 'lon'
	| 'locationMunicipalityCode'
	| 'published'
>;

/** All SQL on providers, localities and kommuner. */
export class RegisterRepository {
	constructor(private readonly db: RegisterDb) {}

	/** Every locality row, keyed by SOR-ID. */
	allLocalities(): Map<string, LocalityRow> {
		return new Map(
			this.db
				.select()
				.from(localities)
				.all()
				.map((row) => [row.sorId, row]),
		);
	}

	/** Inserts or replaces a locality row. */
	saveLocality(row: LocalityRow): void {
		this.db
			.insert(localities)
			.values(row)
			.onConflictDoUpdate({ target: localities.sorId, set: row })
			.run();
	}

	/** Active localities with their current validation state, for the DAR validation step. */
	activeLocalityRows(): LocalityRow[] {
		return this.db
			.select()
			.from(localities)
			.where(eq(localities.status, 'active'))
			.orderBy(asc(localities.sorId))
			.all();
	}

	/** Stores the outcome of validating one locality's visiting address. */
	saveValidation(sorId: string, validation: LocalityValidation): void {
		this.db.update(localities).set(validation).where(eq(localities.sorId, sorId)).run();
	}

	/** One provider by id, or null. */
	provider(id: string): Provider | null {
		return this.db.select().from(providers).where(eq(providers.id, id)).get() ?? null;
	}

	/** Creates a provider if it does not exist; keeps the existing one (and its id) otherwise. */
	ensureProvider(row: Provider): { created: boolean } {
		const result = this.db.insert(providers).values(row).onConflictDoNothing().run();
		if (result.changes === 0) {
			// Owner names and SOR-IDs may change in SOR; the provider follows them.
			this.db
				.update(providers)
				.set({ name: row.name, ownerSorId: row.ownerSorId, cvr: row.cvr })
				.where(eq(providers.id, row.id))
				.run();
		}
		return { created: result.changes > 0 };
	}

	/** All providers, ordered by name. */
	allProviders(): Provider[] {
		return this.db.select().from(providers).orderBy(asc(providers.name)).all();
	}

	/** The kommuner, ordered by name. */
	municipalities(): Municipality[] {
		return this.db.select().from(municipalities).orderBy(asc(municipalities.name)).all();
	}

	/** One kommune by its 4-digit code. */
	municipality(code: string): Municipality | null {
		return this.db.select().from(municipalities).where(eq(municipalities.code, code)).get() ?? null;
	}

	/** Providers that have at least one active locality in a kommune, or are the kommune's own. */
	providersForMunicipality(code: string): Provider[] {
		return this.db
			.selectDistinct({
				id: providers.id,
				ownerSorId: providers.ownerSorId,
				kind: providers.kind,
				municipalityCode: providers.municipalityCode,
				cvr: providers.cvr,
				name: providers.name,
				createdRunId: providers.createdRunId,
				createdSnapshotDate: providers.createdSnapshotDate,
			})
			.from(providers)
			.leftJoin(localities, eq(localities.providerId, providers.id))
			.leftJoin(sorEntities, eq(sorEntities.sorId, localities.sorId))
			.where(
				sql`${providers.municipalityCode} = ${code} OR (${localities.status} = 'active' AND ${sorEntities.visitingMunicipalityCode} = ${code})`,
			)
			.orderBy(sql`${providers.kind} <> 'kommune'`, asc(providers.name))
			.all();
	}

	/** The localities of one provider with their visiting address. */
	localitiesOfProvider(providerId: string): LocalityListItem[] {
		return this.localityQuery().where(eq(localities.providerId, providerId)).all();
	}

	/** Counts for the stats command. */
	counts(): { providers: number; localitiesActive: number; localitiesClosed: number } {
		const providerCount = this.db.select({ n: count() }).from(providers).get()?.n ?? 0;
		const byStatus = this.db
			.select({ status: localities.status, n: count() })
			.from(localities)
			.groupBy(localities.status)
			.all();
		const of = (status: string) => byStatus.find((row) => row.status === status)?.n ?? 0;
		return {
			providers: providerCount,
			localitiesActive: of('active'),
			localitiesClosed: of('closed'),
		};
	}

	/** Active localities per provider, split into published and held back. */
	publicationCountsByProvider(): Map<string, { shown: number; heldBack: number }> {
		const rows = this.db
			.select({ providerId: localities.providerId, published: localities.published, n: count() })
			.from(localities)
			.where(eq(localities.status, 'active'))
			.groupBy(localities.providerId, localities.published)
			.all();
		const byProvider = new Map<string, { shown: number; heldBack: number }>();
		for (const row of rows) {
			const counts = byProvider.get(row.providerId) ?? { shown: 0, heldBack: 0 };
			if (row.published) counts.shown = row.n;
			else counts.heldBack = row.n;
			byProvider.set(row.providerId, counts);
		}
		return byProvider;
	}

	/** Active localities in a kommune by the visiting address's kommunekode. */
	activeLocalitiesInMunicipality(code: string): LocalityListItem[] {
		return this.localityQuery()
			.where(and(eq(localities.status, 'active'), eq(sorEntities.visitingMunicipalityCode, code)))
			.all();
	}

	private localityQuery() {
		return this.db
			.select({
				sorId: localities.sorId,
				name: sorEntities.name,
				status: localities.status,
				providerId: localities.providerId,
				street: sorEntities.visitingStreet,
				houseNumber: sorEntities.visitingHouseNumber,
				postcode: sorEntities.visitingPostcode,
				district: sorEntities.visitingDistrict,
				municipalityCode: sorEntities.visitingMunicipalityCode,
			})
			.from(localities)
			.innerJoin(sorEntities, eq(sorEntities.sorId, localities.sorId))
			.orderBy(asc(sorEntities.name))
			.$dynamic();
	}
}
