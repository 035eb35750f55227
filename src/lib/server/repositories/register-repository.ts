import type { Statement } from 'better-sqlite3';
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

const LOCALITY_COLUMNS: Record<keyof LocalityRow, string> = {
	sorId: 'sor_id',
	providerId: 'provider_id',
	status: 'status',
	closedSince: 'closed_since',
	closedReason: 'closed_reason',
	parentChain: 'parent_chain',
	subUnits: 'sub_units',
	addressStatus: 'address_status',
	validatedAddressKey: 'validated_address_key',
	addressValidatedAt: 'address_validated_at',
	darAddressId: 'dar_address_id',
	lat: 'lat',
	lon: 'lon',
	locationMunicipalityCode: 'location_municipality_code',
	published: 'published',
	firstRegisteredSnapshotDate: 'first_registered_snapshot_date',
	lastChangedSnapshotDate: 'last_changed_snapshot_date',
};
const VALIDATION_FIELDS = [
	'addressStatus',
	'validatedAddressKey',
	'addressValidatedAt',
	'darAddressId',
	'lat',
	'lon',
	'locationMunicipalityCode',
	'published',
] as const satisfies readonly (keyof LocalityValidation)[];

/** SQLite has no booleans: the importer's hot paths bind 0/1 themselves. */
function bindable(row: Partial<LocalityRow>): Record<string, unknown> {
	return { ...row, published: row.published === undefined ? undefined : row.published ? 1 : 0 };
}

/** All SQL on providers, localities and kommuner. */
export class RegisterRepository {
	// The importer writes tens of thousands of rows per run: these bypass per-call query building.
	private readonly upsertLocalityStmt: Statement;
	private readonly saveValidationStmt: Statement;
	private readonly insertProviderStmt: Statement;
	private readonly refreshProviderStmt: Statement;

	constructor(private readonly db: RegisterDb) {
		const fields = Object.keys(LOCALITY_COLUMNS) as (keyof LocalityRow)[];
		const sqlite = db.$client;
		this.upsertLocalityStmt = sqlite.prepare(
			`INSERT INTO localities (${fields.map((f) => LOCALITY_COLUMNS[f]).join(', ')})
			 VALUES (${fields.map((f) => `@${f}`).join(', ')})
			 ON CONFLICT (sor_id) DO UPDATE SET ${fields
					.filter((f) => f !== 'sorId')
					.map((f) => `${LOCALITY_COLUMNS[f]} = excluded.${LOCALITY_COLUMNS[f]}`)
					.join(', ')}`,
		);
		this.saveValidationStmt = sqlite.prepare(
			`UPDATE localities SET ${VALIDATION_FIELDS.map((f) => `${LOCALITY_COLUMNS[f]} = @${f}`).join(', ')} WHERE sor_id = @sorId`,
		);
		this.insertProviderStmt = sqlite.prepare(
			`INSERT INTO providers (id, owner_sor_id, kind, municipality_code, cvr, name, created_run_id, created_snapshot_date)
			 VALUES (@id, @ownerSorId, @kind, @municipalityCode, @cvr, @name, @createdRunId, @createdSnapshotDate)
			 ON CONFLICT (id) DO NOTHING`,
		);
		this.refreshProviderStmt = sqlite.prepare(
			`UPDATE providers SET name = @name, owner_sor_id = @ownerSorId, cvr = @cvr
			 WHERE id = @id AND (name IS NOT @name OR owner_sor_id IS NOT @ownerSorId OR cvr IS NOT @cvr)`,
		);
	}

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
		this.upsertLocalityStmt.run(bindable(row));
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
		this.saveValidationStmt.run({ ...bindable(validation), sorId });
	}

	/** One provider by id, or null. */
	provider(id: string): Provider | null {
		return this.db.select().from(providers).where(eq(providers.id, id)).get() ?? null;
	}

	/** Creates a provider if it does not exist; keeps the existing one (and its id) otherwise. */
	ensureProvider(row: Provider): { created: boolean } {
		const created = this.insertProviderStmt.run(row).changes > 0;
		// Owner names and SOR-IDs may change in SOR; the provider follows them.
		if (!created) this.refreshProviderStmt.run(row);
		return { created };
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
