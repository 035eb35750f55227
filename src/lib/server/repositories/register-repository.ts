import type { Statement } from 'better-sqlite3';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { SorAddress } from '../../domain/sor/record';
import type { EntityStatus } from '../../domain/sor/status';
import type { RegisterDb } from '../db/client';
import { localities, municipalities, providers, sorEntities } from '../db/schema';
import { addressColumns, addressFromValues } from './sor-entity-repository';

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

const LOCALITY_FIELDS = Object.keys(LOCALITY_COLUMNS) as (keyof LocalityRow)[];
const LOCALITY_SELECT = LOCALITY_FIELDS.map((f) => `l.${LOCALITY_COLUMNS[f]}`).join(', ');

/** Positional values of a row in LOCALITY_FIELDS order; SQLite has no booleans, so 0/1. */
function localityValues(row: LocalityRow): unknown[] {
	return LOCALITY_FIELDS.map((field) =>
		field === 'published' ? (row.published ? 1 : 0) : row[field],
	);
}

/** A row read with LOCALITY_SELECT in raw mode, from `offset`. */
function localityFromValues(values: readonly unknown[], offset = 0): LocalityRow {
	const row = {} as Record<keyof LocalityRow, unknown>;
	for (let i = 0; i < LOCALITY_FIELDS.length; i++) row[LOCALITY_FIELDS[i]!] = values[offset + i];
	row.published = row.published === 1;
	return row as LocalityRow;
}

/** Rows per statement in {@link RegisterRepository.saveLocalities} (17 values each). */
export const LOCALITY_BATCH = 64;

function upsertLocalitiesSql(rows: number): string {
	const row = `(${LOCALITY_FIELDS.map(() => '?').join(', ')})`;
	return `INSERT INTO localities (${LOCALITY_FIELDS.map((f) => LOCALITY_COLUMNS[f]).join(', ')})
	 VALUES ${new Array(rows).fill(row).join(', ')}
	 ON CONFLICT (sor_id) DO UPDATE SET ${LOCALITY_FIELDS.filter((f) => f !== 'sorId')
			.map((f) => `${LOCALITY_COLUMNS[f]} = excluded.${LOCALITY_COLUMNS[f]}`)
			.join(', ')}`;
}

/** A SOR unit next to a locality, as the duplicate check compares it. */
export interface NeighbourUnit {
	sorId: string;
	name: string;
	visitingAddress: SorAddress | null;
	firstFromDate: string;
}

/** An active locality with the SOR facts the data-quality checks read, and its SOR parent. */
export interface LocalityProfile extends NeighbourUnit {
	providerId: string;
	addressStatus: LocalityRow['addressStatus'];
	ownerSorId: string;
	phone: string | null;
	email: string | null;
	website: string | null;
	hasPostalAddress: boolean;
	parent: (NeighbourUnit & { status: EntityStatus; entityTypeCode: string | null }) | null;
}

/** All SQL on providers, localities and kommuner. */
export class RegisterRepository {
	// The importer writes tens of thousands of rows per run: these bypass per-call query building.
	private readonly upsertLocalityStmt: Statement;
	private readonly saveValidationStmt: Statement;
	private readonly insertProviderStmt: Statement;
	private readonly refreshProviderStmt: Statement;
	private readonly allLocalitiesStmt: Statement;
	private readonly activeLocalitiesStmt: Statement;

	private upsertLocalityBatchStmt: Statement | null = null;

	constructor(private readonly db: RegisterDb) {
		const sqlite = db.$client;
		this.upsertLocalityStmt = sqlite.prepare(upsertLocalitiesSql(1));
		this.saveValidationStmt = sqlite.prepare(
			`UPDATE localities SET ${VALIDATION_FIELDS.map((f) => `${LOCALITY_COLUMNS[f]} = ?`).join(', ')} WHERE sor_id = ?`,
		);
		this.allLocalitiesStmt = sqlite.prepare(`SELECT ${LOCALITY_SELECT} FROM localities l`).raw();
		this.activeLocalitiesStmt = sqlite
			.prepare(
				`SELECT ${LOCALITY_SELECT} FROM localities l WHERE l.status = 'active' ORDER BY l.sor_id`,
			)
			.raw();
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
		const map = new Map<string, LocalityRow>();
		for (const values of this.allLocalitiesStmt.all() as unknown[][]) {
			const row = localityFromValues(values);
			map.set(row.sorId, row);
		}
		return map;
	}

	/** Inserts or replaces a locality row. */
	saveLocality(row: LocalityRow): void {
		this.upsertLocalityStmt.run(localityValues(row));
	}

	/**
	 * Inserts or replaces locality rows, in order. Rows go in multi-row statements: the search index
	 * triggers (migration 0002) flush FTS5's pending data once per statement, which costs several
	 * times the row's own write when every row is a statement of its own.
	 */
	saveLocalities(rows: readonly LocalityRow[]): void {
		let i = 0;
		if (rows.length >= LOCALITY_BATCH) {
			const batch = (this.upsertLocalityBatchStmt ??= this.db.$client.prepare(
				upsertLocalitiesSql(LOCALITY_BATCH),
			));
			const values: unknown[] = [];
			for (; i + LOCALITY_BATCH <= rows.length; i += LOCALITY_BATCH) {
				values.length = 0;
				for (let j = i; j < i + LOCALITY_BATCH; j++) values.push(...localityValues(rows[j]!));
				batch.run(values);
			}
		}
		for (; i < rows.length; i++) this.saveLocality(rows[i]!);
	}

	/** Active localities with their current validation state, for the DAR validation step. */
	activeLocalityRows(): LocalityRow[] {
		return (this.activeLocalitiesStmt.all() as unknown[][]).map((values) =>
			localityFromValues(values),
		);
	}

	/** Active localities with the visiting address of their SOR unit, by SOR-ID. */
	activeLocalitiesWithVisitingAddress(): {
		row: LocalityRow;
		visitingAddress: SorAddress | null;
	}[] {
		const rows = this.db.$client
			.prepare(
				`SELECT ${LOCALITY_SELECT}, ${addressColumns('visiting', 'e')}
				 FROM localities l JOIN sor_entities e ON e.sor_id = l.sor_id
				 WHERE l.status = 'active' ORDER BY l.sor_id`,
			)
			.raw()
			.all() as unknown[][];
		return rows.map((values) => ({
			row: localityFromValues(values),
			visitingAddress: addressFromValues(values, LOCALITY_FIELDS.length),
		}));
	}

	/**
	 * Every active locality with its SOR unit and the unit's parent, by SOR-ID: one joined query
	 * instead of two lookups per locality, streamed row by row (run no other statement on this
	 * connection until the iteration ends).
	 */
	*activeLocalityProfiles(): Generator<LocalityProfile> {
		const postalPresent = addressColumns('postal', 'e')
			.split(', ')
			.map((column) => `${column} IS NOT NULL`)
			.join(' OR ');
		const rows = this.db.$client
			.prepare(
				`SELECT l.sor_id, l.provider_id, l.address_status, e.name, e.owner_sor_id, e.phone, e.email,
				        e.website, (${postalPresent}), e.first_from_date, ${addressColumns('visiting', 'e')},
				        p.sor_id, p.name, p.status, p.entity_type_code, p.first_from_date,
				        ${addressColumns('visiting', 'p')}
				 FROM localities l
				 JOIN sor_entities e ON e.sor_id = l.sor_id
				 LEFT JOIN sor_entities p ON p.sor_id = e.parent_sor_id
				 WHERE l.status = 'active' ORDER BY l.sor_id`,
			)
			.raw()
			.iterate() as IterableIterator<unknown[]>;
		for (const v of rows) {
			yield {
				sorId: v[0] as string,
				providerId: v[1] as string,
				addressStatus: v[2] as LocalityRow['addressStatus'],
				name: v[3] as string,
				ownerSorId: v[4] as string,
				phone: v[5] as string | null,
				email: v[6] as string | null,
				website: v[7] as string | null,
				hasPostalAddress: v[8] === 1,
				firstFromDate: v[9] as string,
				visitingAddress: addressFromValues(v, 10),
				parent:
					v[20] === null
						? null
						: {
								sorId: v[20] as string,
								name: v[21] as string,
								status: v[22] as EntityStatus,
								entityTypeCode: v[23] as string | null,
								firstFromDate: v[24] as string,
								visitingAddress: addressFromValues(v, 25),
							},
			};
		}
	}

	/**
	 * Active SOR units of the given types directly beneath an active locality, per locality, each
	 * list ordered by name and SOR-ID.
	 */
	activeChildrenOfActiveLocalities(typeCodes: string[]): Map<string, NeighbourUnit[]> {
		const children = new Map<string, NeighbourUnit[]>();
		if (typeCodes.length === 0) return children;
		const rows = this.db.$client
			.prepare(
				`SELECT c.parent_sor_id, c.sor_id, c.name, c.first_from_date, ${addressColumns('visiting', 'c')}
				 FROM localities l JOIN sor_entities c ON c.parent_sor_id = l.sor_id
				 WHERE l.status = 'active' AND c.status = 'active'
				   AND c.entity_type_code IN (${typeCodes.map(() => '?').join(',')})
				 ORDER BY c.parent_sor_id, c.name, c.sor_id`,
			)
			.raw()
			.all(...typeCodes) as unknown[][];
		for (const v of rows) {
			const parentId = v[0] as string;
			let list = children.get(parentId);
			if (list === undefined) children.set(parentId, (list = []));
			list.push({
				sorId: v[1] as string,
				name: v[2] as string,
				firstFromDate: v[3] as string,
				visitingAddress: addressFromValues(v, 4),
			});
		}
		return children;
	}

	/** Stores the outcome of validating one locality's visiting address. */
	saveValidation(sorId: string, validation: LocalityValidation): void {
		const values: unknown[] = VALIDATION_FIELDS.map((field) =>
			field === 'published' ? (validation.published ? 1 : 0) : validation[field],
		);
		values.push(sorId);
		this.saveValidationStmt.run(values);
	}

	/** One provider by id, or null. */
	provider(id: string): Provider | null {
		return this.db.select().from(providers).where(eq(providers.id, id)).get() ?? null;
	}

	/** Creates a provider if it does not exist; keeps the existing one (and its id) otherwise. */
	ensureProvider(row: Provider): { created: boolean } {
		const created = this.insertProvider(row);
		// Owner names and SOR-IDs may change in SOR; the provider follows them.
		if (!created) this.refreshProvider(row);
		return { created };
	}

	/** Creates a provider unless one with its id exists; true when it was created. */
	insertProvider(row: Provider): boolean {
		return this.insertProviderStmt.run(row).changes > 0;
	}

	/** Gives an existing provider the owner's current name, SOR-ID and CVR (no write if equal). */
	refreshProvider(row: Pick<Provider, 'id' | 'ownerSorId' | 'cvr' | 'name'>): void {
		this.refreshProviderStmt.run({
			id: row.id,
			ownerSorId: row.ownerSorId,
			cvr: row.cvr,
			name: row.name,
		});
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
