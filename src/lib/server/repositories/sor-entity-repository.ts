import { hash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { SorAddress, SorRecord } from '../../domain/sor/record';
import type { EntityStatus } from '../../domain/sor/status';
import type { RegisterDb } from '../db/client';

/** What the importer needs to know about an existing entity without reading the whole row. */
export interface EntityFingerprint {
	contentHash: string;
	status: EntityStatus;
	inSnapshot: boolean;
}

/** A stored entity as the importer and the pages read it. */
export interface StoredEntity extends SorRecord {
	status: EntityStatus;
	closedReason: 'to_date' | 'missing' | null;
	inSnapshot: boolean;
	contentHash: string;
	firstSeenRunId: number;
}

const ADDRESS_PARTS = [
	['street', 'street'],
	['houseNumber', 'house_number'],
	['floor', 'floor'],
	['door', 'door'],
	['postcode', 'postcode'],
	['district', 'district'],
	['municipalityCode', 'municipality_code'],
	['streetCode', 'street_code'],
	['etrsNorth', 'etrs_north'],
	['etrsEast', 'etrs_east'],
] as const;

const COLUMNS = [
	'sor_id',
	'level',
	'parent_sor_id',
	'owner_sor_id',
	'depth',
	'name',
	'entity_type_code',
	'cvr',
	...ADDRESS_PARTS.map(([, column]) => `postal_${column}`),
	'postal_address_inherited',
	...ADDRESS_PARTS.map(([, column]) => `visiting_${column}`),
	'visiting_address_source',
	'phone',
	'email',
	'website',
	'contact_inherited',
	'ean_location_code',
	'first_from_date',
	'from_date',
	'to_date',
	'updated_at',
	'replaces',
	'replaced_by',
	'status',
	'closed_reason',
	'in_snapshot',
	'content_hash',
	'first_seen_run_id',
] as const;

type Row = Record<(typeof COLUMNS)[number], string | number | null>;

const STATE_COLUMNS = ['status', 'closed_reason', 'in_snapshot', 'content_hash'] as const;
// The columns a record's content fills, in the order of EntityContent.values.
const RECORD_COLUMNS = COLUMNS.filter(
	(c) =>
		c !== 'sor_id' &&
		c !== 'first_seen_run_id' &&
		!(STATE_COLUMNS as readonly string[]).includes(c),
);
// Everything the importer writes from a record; sor_id and first_seen_run_id are the row's identity.
const CONTENT_COLUMNS = [...RECORD_COLUMNS, ...STATE_COLUMNS];

function addressFromRow(prefix: 'postal' | 'visiting', row: Row): SorAddress | null {
	const address: Record<string, unknown> = {};
	let any = false;
	for (const [key, column] of ADDRESS_PARTS) {
		const value = row[`${prefix}_${column}` as keyof Row];
		address[key] = value ?? null;
		if (value !== null && value !== undefined) any = true;
	}
	return any ? (address as SorAddress) : null;
}

/** One address as its ten column values, in ADDRESS_PARTS order. */
function pushAddress(values: (string | number | null)[], address: SorAddress | null): void {
	if (address === null) {
		for (let i = 0; i < ADDRESS_PARTS.length; i++) values.push(null);
		return;
	}
	values.push(
		address.street,
		address.houseNumber,
		address.floor,
		address.door,
		address.postcode,
		address.district,
		address.municipalityCode,
		address.streetCode,
		address.etrsNorth,
		address.etrsEast,
	);
}

/** A record as the values of its row's content columns, with the fingerprint of that content. */
export interface EntityContent {
	sorId: string;
	/** In RECORD_COLUMNS order, as stored (booleans 0/1, lists as JSON). */
	values: (string | number | null)[];
	contentHash: string;
}

/**
 * The stored form of a record and its fingerprint: SHA-1 over the JSON of the column values. The
 * values are built anyway for the insert, and positional values bind several times faster than a
 * named-parameter object, which matters at 150 000 rows per run.
 */
export function entityContent(record: SorRecord): EntityContent {
	const values: (string | number | null)[] = [
		record.level,
		record.parentSorId,
		record.ownerSorId,
		record.depth,
		record.name,
		record.entityTypeCode,
		record.cvr,
	];
	pushAddress(values, record.postalAddress);
	values.push(record.postalAddressInherited ? 1 : 0);
	pushAddress(values, record.visitingAddress);
	values.push(
		record.visitingAddressSource,
		record.phone,
		record.email,
		record.website,
		record.contactInherited ? 1 : 0,
		record.eanLocationCode,
		record.firstFromDate,
		record.fromDate,
		record.toDate,
		record.updatedAt,
		JSON.stringify(record.replaces),
		JSON.stringify(record.replacedBy),
	);
	return {
		sorId: record.sorId,
		values,
		contentHash: hash('sha1', JSON.stringify(values), 'base64'),
	};
}

/** The state columns that go with new or replaced content. */
function stateValues(status: EntityStatus, contentHash: string): (string | number | null)[] {
	return [status, status === 'closed' ? 'to_date' : null, 1, contentHash];
}

/** An address read back from ten column values starting at `offset`; null when all are empty. */
export function addressFromValues(values: readonly unknown[], offset: number): SorAddress | null {
	let any = false;
	for (let i = offset; i < offset + ADDRESS_PARTS.length; i++) {
		if (values[i] !== null && values[i] !== undefined) {
			any = true;
			break;
		}
	}
	if (!any) return null;
	return {
		street: values[offset] as string | null,
		houseNumber: values[offset + 1] as string | null,
		floor: values[offset + 2] as string | null,
		door: values[offset + 3] as string | null,
		postcode: values[offset + 4] as string | null,
		district: values[offset + 5] as string | null,
		municipalityCode: values[offset + 6] as string | null,
		streetCode: values[offset + 7] as string | null,
		etrsNorth: values[offset + 8] as number | null,
		etrsEast: values[offset + 9] as number | null,
	};
}

/** The column list of one address, for SELECTs read with {@link addressFromValues}. */
export function addressColumns(prefix: 'postal' | 'visiting', table = ''): string {
	const qualifier = table === '' ? '' : `${table}.`;
	return ADDRESS_PARTS.map(([, column]) => `${qualifier}${prefix}_${column}`).join(', ');
}

function fromRow(row: Row): StoredEntity {
	return {
		sorId: row.sor_id as string,
		level: row.level as StoredEntity['level'],
		parentSorId: row.parent_sor_id as string | null,
		ownerSorId: row.owner_sor_id as string,
		depth: row.depth as number,
		name: row.name as string,
		entityTypeCode: row.entity_type_code as string | null,
		cvr: row.cvr as string | null,
		postalAddress: addressFromRow('postal', row),
		postalAddressInherited: row.postal_address_inherited === 1,
		visitingAddress: addressFromRow('visiting', row),
		visitingAddressSource: row.visiting_address_source as StoredEntity['visitingAddressSource'],
		phone: row.phone as string | null,
		email: row.email as string | null,
		website: row.website as string | null,
		contactInherited: row.contact_inherited === 1,
		eanLocationCode: row.ean_location_code as string | null,
		firstFromDate: row.first_from_date as string,
		fromDate: row.from_date as string | null,
		toDate: row.to_date as string | null,
		updatedAt: row.updated_at as string | null,
		replaces: JSON.parse(row.replaces as string) as string[],
		replacedBy: JSON.parse(row.replaced_by as string) as string[],
		status: row.status as EntityStatus,
		closedReason: row.closed_reason as StoredEntity['closedReason'],
		inSnapshot: row.in_snapshot === 1,
		contentHash: row.content_hash as string,
		firstSeenRunId: row.first_seen_run_id as number,
	};
}

/** The few fields needed to walk the SOR tree. */
export interface TreeNode {
	sorId: string;
	name: string;
	level: string;
	parentSorId: string | null;
	entityTypeCode: string | null;
	status: EntityStatus;
}

/** A unit of the locality type, with what deriving and validating its locality needs. */
export interface LocalityCandidate {
	sorId: string;
	parentSorId: string | null;
	ownerSorId: string;
	status: EntityStatus;
	closedReason: 'to_date' | 'missing' | null;
	toDate: string | null;
	visitingAddress: SorAddress | null;
}

/** What resolving an institution owner to a provider needs. */
export interface OwnerFacts {
	sorId: string;
	name: string;
	entityTypeCode: string | null;
	cvr: string | null;
	postalAddress: Pick<SorAddress, 'municipalityCode'> | null;
}

/** All SQL on `sor_entities`, with statements prepared once because the importer calls them per row. */
export class SorEntityRepository {
	private readonly insertStmt: Statement;
	private readonly replaceContentStmt: Statement;
	private readonly setStatusStmt: Statement;
	private readonly getStmt: Statement;
	private readonly childrenStmt: Statement;
	private readonly nodeStmt: Statement;
	private readonly childNodesStmt: Statement;
	private readonly ownerStmt: Statement;
	private readonly contentValuesStmt: Statement;
	private readonly setContentHashStmt: Statement;

	constructor(private readonly db: RegisterDb) {
		const sqlite = db.$client;
		this.insertStmt = sqlite.prepare(
			`INSERT INTO sor_entities (sor_id, ${CONTENT_COLUMNS.join(', ')}, first_seen_run_id) VALUES (${new Array(CONTENT_COLUMNS.length + 2).fill('?').join(', ')})`,
		);
		this.replaceContentStmt = sqlite.prepare(
			`UPDATE sor_entities SET ${CONTENT_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE sor_id = ?`,
		);
		this.setStatusStmt = sqlite.prepare(
			`UPDATE sor_entities SET status = ?, closed_reason = ?, in_snapshot = ? WHERE sor_id = ?`,
		);
		this.getStmt = sqlite.prepare(`SELECT * FROM sor_entities WHERE sor_id = ?`);
		this.childrenStmt = sqlite.prepare(
			`SELECT * FROM sor_entities WHERE parent_sor_id = ? ORDER BY name, sor_id`,
		);
		const node = `sor_id AS sorId, name, level, parent_sor_id AS parentSorId, entity_type_code AS entityTypeCode, status`;
		this.nodeStmt = sqlite.prepare(`SELECT ${node} FROM sor_entities WHERE sor_id = ?`);
		this.childNodesStmt = sqlite.prepare(
			`SELECT sor_id AS sorId, name, entity_type_code AS entityTypeCode, status FROM sor_entities WHERE parent_sor_id = ? ORDER BY name, sor_id`,
		);
		this.contentValuesStmt = sqlite
			.prepare(`SELECT ${RECORD_COLUMNS.join(', ')} FROM sor_entities WHERE sor_id = ?`)
			.raw();
		this.setContentHashStmt = sqlite.prepare(
			`UPDATE sor_entities SET content_hash = ? WHERE sor_id = ?`,
		);
		this.ownerStmt = sqlite
			.prepare(
				`SELECT sor_id, name, entity_type_code, cvr, ${addressColumns('postal')} FROM sor_entities WHERE sor_id = ?`,
			)
			.raw();
	}

	/** Fingerprints of every stored entity, for a whole-snapshot diff in one pass. */
	loadFingerprints(): Map<string, EntityFingerprint> {
		const map = new Map<string, EntityFingerprint>();
		const rows = this.db.$client
			.prepare(`SELECT sor_id, content_hash, status, in_snapshot FROM sor_entities`)
			.raw()
			.iterate() as IterableIterator<[string, string, EntityStatus, number]>;
		for (const [sorId, contentHash, status, inSnapshot] of rows) {
			map.set(sorId, { contentHash, status, inSnapshot: inSnapshot === 1 });
		}
		return map;
	}

	/** Inserts an entity seen for the first time. */
	insert(content: EntityContent, state: { status: EntityStatus; runId: number }): void {
		this.insertStmt.run(
			content.sorId,
			content.values,
			stateValues(state.status, content.contentHash),
			state.runId,
		);
	}

	/** Replaces an entity's imported content (the row's identity and first-seen run stay). */
	replaceContent(content: EntityContent, state: { status: EntityStatus }): void {
		this.replaceContentStmt.run(
			content.values,
			stateValues(state.status, content.contentHash),
			content.sorId,
		);
	}

	/** The stored content of an entity in EntityContent.values order, or null. */
	storedContentValues(sorId: string): unknown[] | null {
		return (this.contentValuesStmt.get(sorId) as unknown[] | undefined) ?? null;
	}

	/** Rewrites only the fingerprint of an entity whose content is unchanged. */
	setContentHash(sorId: string, contentHash: string): void {
		this.setContentHashStmt.run(contentHash, sorId);
	}

	/** Sets the lifecycle status without touching content. */
	setStatus(
		sorId: string,
		status: EntityStatus,
		closedReason: 'to_date' | 'missing' | null,
		inSnapshot: boolean,
	): void {
		this.setStatusStmt.run(status, closedReason, inSnapshot ? 1 : 0, sorId);
	}

	/** One entity by SOR-ID, or null. */
	get(sorId: string): StoredEntity | null {
		const row = this.getStmt.get(sorId) as Row | undefined;
		return row ? fromRow(row) : null;
	}

	/** The tree fields of one entity, or null. */
	node(sorId: string): TreeNode | null {
		return (this.nodeStmt.get(sorId) as TreeNode | undefined) ?? null;
	}

	/** Every entity beneath one, breadth first, with its depth below it (1 = child). */
	descendants(sorId: string): {
		sorId: string;
		name: string;
		entityTypeCode: string | null;
		depth: number;
		status: EntityStatus;
	}[] {
		// Walked with the parent index one level at a time: SQLite's recursive CTE did not use it.
		const found: ReturnType<SorEntityRepository['descendants']> = [];
		let level = [sorId];
		for (let depth = 1; level.length > 0; depth++) {
			const next: string[] = [];
			for (const parent of level) {
				for (const child of this.childNodesStmt.all(parent) as Omit<
					(typeof found)[number],
					'depth'
				>[]) {
					// Spelled out (no spread) and in this key order: the list is stored as JSON.
					found.push({
						sorId: child.sorId,
						name: child.name,
						entityTypeCode: child.entityTypeCode,
						status: child.status,
						depth,
					});
					next.push(child.sorId);
				}
			}
			level = next;
		}
		return found;
	}

	/** The direct children of an entity in the SOR tree. */
	children(parentSorId: string): StoredEntity[] {
		return (this.childrenStmt.all(parentSorId) as Row[]).map(fromRow);
	}

	/** Units whose type code is one of `codes`, whatever their status, by SOR-ID: light rows only. */
	localityCandidates(codes: string[]): LocalityCandidate[] {
		if (codes.length === 0) return [];
		const rows = this.db.$client
			.prepare(
				`SELECT sor_id, parent_sor_id, owner_sor_id, status, closed_reason, to_date, ${addressColumns('visiting')}
				 FROM sor_entities WHERE entity_type_code IN (${codes.map(() => '?').join(',')}) ORDER BY sor_id`,
			)
			.raw()
			.all(...codes) as unknown[][];
		return rows.map((row) => ({
			sorId: row[0] as string,
			parentSorId: row[1] as string | null,
			ownerSorId: row[2] as string,
			status: row[3] as EntityStatus,
			closedReason: row[4] as LocalityCandidate['closedReason'],
			toDate: row[5] as string | null,
			visitingAddress: addressFromValues(row, 6),
		}));
	}

	/** The identifying facts of an institution owner, or null. */
	owner(sorId: string): OwnerFacts | null {
		const row = this.ownerStmt.get(sorId) as unknown[] | undefined;
		if (row === undefined) return null;
		const postal = addressFromValues(row, 4);
		return {
			sorId: row[0] as string,
			name: row[1] as string,
			entityTypeCode: row[2] as string | null,
			cvr: row[3] as string | null,
			postalAddress: postal === null ? null : { municipalityCode: postal.municipalityCode },
		};
	}

	/** Entities whose type code is one of `codes`, whatever their status. */
	withTypeCodes(codes: string[]): StoredEntity[] {
		if (codes.length === 0) return [];
		const rows = this.db.$client
			.prepare(
				`SELECT * FROM sor_entities WHERE entity_type_code IN (${codes.map(() => '?').join(',')}) ORDER BY sor_id`,
			)
			.all(...codes) as Row[];
		return rows.map(fromRow);
	}

	/** Owners (SOR-IDs) that have at least one active entity of one of the type codes. */
	ownersWithActiveType(codes: string[]): string[] {
		if (codes.length === 0) return [];
		return this.db.$client
			.prepare(
				`SELECT DISTINCT owner_sor_id FROM sor_entities WHERE status = 'active' AND entity_type_code IN (${codes.map(() => '?').join(',')}) ORDER BY owner_sor_id`,
			)
			.pluck()
			.all(...codes) as string[];
	}

	/** Counts of entities by level and status, for the stats command. */
	countByLevelAndStatus(): { level: string; status: string; count: number }[] {
		return this.db.$client
			.prepare(
				`SELECT level, status, COUNT(*) AS count FROM sor_entities GROUP BY level, status ORDER BY level, status`,
			)
			.all() as { level: string; status: string; count: number }[];
	}
}
