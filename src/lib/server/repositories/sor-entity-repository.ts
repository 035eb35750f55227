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

function addressToColumns(prefix: 'postal' | 'visiting', address: SorAddress | null) {
	const out: Record<string, string | number | null> = {};
	for (const [key, column] of ADDRESS_PARTS) out[`${prefix}_${column}`] = address?.[key] ?? null;
	return out;
}

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

function toRow(
	record: SorRecord,
	state: { status: EntityStatus; closedReason: string | null; contentHash: string; runId: number },
): Row {
	return {
		sor_id: record.sorId,
		level: record.level,
		parent_sor_id: record.parentSorId,
		owner_sor_id: record.ownerSorId,
		depth: record.depth,
		name: record.name,
		entity_type_code: record.entityTypeCode,
		cvr: record.cvr,
		...addressToColumns('postal', record.postalAddress),
		postal_address_inherited: record.postalAddressInherited ? 1 : 0,
		...addressToColumns('visiting', record.visitingAddress),
		visiting_address_source: record.visitingAddressSource,
		phone: record.phone,
		email: record.email,
		website: record.website,
		contact_inherited: record.contactInherited ? 1 : 0,
		ean_location_code: record.eanLocationCode,
		first_from_date: record.firstFromDate,
		from_date: record.fromDate,
		to_date: record.toDate,
		updated_at: record.updatedAt,
		replaces: JSON.stringify(record.replaces),
		replaced_by: JSON.stringify(record.replacedBy),
		status: state.status,
		closed_reason: state.closedReason,
		in_snapshot: 1,
		content_hash: state.contentHash,
		first_seen_run_id: state.runId,
	} as Row;
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

/** All SQL on `sor_entities`, with statements prepared once because the importer calls them per row. */
export class SorEntityRepository {
	private readonly insertStmt: Statement;
	private readonly replaceContentStmt: Statement;
	private readonly setStatusStmt: Statement;
	private readonly getStmt: Statement;
	private readonly childrenStmt: Statement;
	private readonly nodeStmt: Statement;
	private readonly childNodesStmt: Statement;

	constructor(private readonly db: RegisterDb) {
		const sqlite = db.$client;
		this.insertStmt = sqlite.prepare(
			`INSERT INTO sor_entities (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`,
		);
		const updatable = COLUMNS.filter((c) => c !== 'sor_id' && c !== 'first_seen_run_id');
		this.replaceContentStmt = sqlite.prepare(
			`UPDATE sor_entities SET ${updatable.map((c) => `${c} = @${c}`).join(', ')} WHERE sor_id = @sor_id`,
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
	insert(
		record: SorRecord,
		state: { status: EntityStatus; contentHash: string; runId: number },
	): void {
		this.insertStmt.run(
			toRow(record, { ...state, closedReason: state.status === 'closed' ? 'to_date' : null }),
		);
	}

	/** Replaces an entity's imported content (the row's identity and first-seen run stay). */
	replaceContent(
		record: SorRecord,
		state: { status: EntityStatus; contentHash: string; runId: number },
	): void {
		const row = toRow(record, {
			...state,
			closedReason: state.status === 'closed' ? 'to_date' : null,
		}) as Partial<Row>;
		delete row.first_seen_run_id;
		this.replaceContentStmt.run(row);
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
					found.push({ ...child, depth });
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
