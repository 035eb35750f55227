import type Database from 'better-sqlite3';
import type { PostcodeCentre } from '../../domain/address/postcode-centres';
import type { RegisterDb } from '../db/client';

/** One stored access address; `status` is the DAWA code (1 gældende, 3 foreløbig, 2, 4). */
export interface DarAddressRecord {
	id: string;
	status: number;
	streetCode: string | null;
	streetName: string;
	houseNumber: string;
	postcode: string;
	postcodeName: string | null;
	municipalityCode: string;
	etrsEast: number | null;
	etrsNorth: number | null;
	lat: number | null;
	lon: number | null;
	precision: string | null;
}

/**
 * The values of one row in column order, as the bulk inserter takes them: id, status,
 * street_code, street_name, street_key, house_number, house_key, postcode, postcode_name,
 * municipality_code, etrs_east, etrs_north, lat, lon, precision.
 */
export type DarAddressValues = [
	id: string,
	status: number,
	streetCode: string | null,
	streetName: string,
	streetKey: string,
	houseNumber: string,
	houseKey: string,
	postcode: string,
	postcodeName: string | null,
	municipalityCode: string,
	etrsEast: number | null,
	etrsNorth: number | null,
	lat: number | null,
	lon: number | null,
	precision: string | null,
];

/** Appends rows to the staging table, in order; `flush` writes the last, partial batch. */
export interface DarStagingAppender {
	add(values: DarAddressValues): void;
	flush(): void;
}

const COLUMNS =
	'id, status, street_code, street_name, street_key, house_number, house_key, postcode, ' +
	'postcode_name, municipality_code, etrs_east, etrs_north, lat, lon, precision';
const COLUMN_COUNT = 15;
const STAGING = 'dar_addresses_staging';
const STAGING_BATCH = 64;
const ROW_PLACEHOLDERS = `(${new Array(COLUMN_COUNT).fill('?').join(',')})`;

// Lookups read rows as arrays (no object per candidate row; most addresses have one) in this order.
const SELECT =
	'SELECT id, status, street_code, street_name, house_number, postcode, postcode_name, ' +
	'municipality_code, etrs_east, etrs_north, lat, lon, precision FROM dar_addresses';
type RawRecord = [
	id: string,
	status: number,
	streetCode: string | null,
	streetName: string,
	houseNumber: string,
	postcode: string,
	postcodeName: string | null,
	municipalityCode: string,
	etrsEast: number | null,
	etrsNorth: number | null,
	lat: number | null,
	lon: number | null,
	precision: string | null,
];
// Preference among several rows for one address: gældende (1), foreløbig (3), nedlagt (2),
// henlagt (4), then the lowest id so the answer is deterministic. Picked in JS: an ORDER BY here
// costs SQLite a temporary b-tree per lookup for what is nearly always a single row.
const RANK = [9, 0, 2, 1, 3];
const rank = (row: RawRecord): number => RANK[row[1]] ?? 9;

function preferred(rows: RawRecord[]): DarAddressRecord | null {
	let best: RawRecord | null = null;
	for (const row of rows) {
		if (best === null || rank(row) < rank(best) || (rank(row) === rank(best) && row[0] < best[0])) {
			best = row;
		}
	}
	if (best === null) return null;
	return {
		id: best[0],
		status: best[1],
		streetCode: best[2],
		streetName: best[3],
		houseNumber: best[4],
		postcode: best[5],
		postcodeName: best[6],
		municipalityCode: best[7],
		etrsEast: best[8],
		etrsNorth: best[9],
		lat: best[10],
		lon: best[11],
		precision: best[12],
	};
}

// Exactly as in the migration, so a re-created index is indistinguishable from the original.
const INDEXES = [
	'CREATE INDEX `dar_addresses_code_idx` ON `dar_addresses` (`municipality_code`,`street_code`,`house_key`)',
	'CREATE INDEX `dar_addresses_name_idx` ON `dar_addresses` (`street_key`,`house_key`,`postcode`)',
];

/** All SQL on `dar_addresses`: lookups for the local DAR source and the bulk replace. */
export class DarAddressRepository {
	private readonly sqlite: Database.Database;
	private readonly byCode: Database.Statement<[string, string, string], RawRecord>;
	private readonly byName: Database.Statement<[string, string, string], RawRecord>;

	constructor(db: RegisterDb) {
		this.sqlite = db.$client;
		this.byCode = this.sqlite
			.prepare<[string, string, string], RawRecord>(
				`${SELECT} WHERE municipality_code = ? AND street_code = ? AND house_key = ?`,
			)
			.raw(true);
		this.byName = this.sqlite
			.prepare<[string, string, string], RawRecord>(
				`${SELECT} WHERE street_key = ? AND house_key = ? AND postcode = ?`,
			)
			.raw(true);
	}

	/** The preferred address with this kommunekode, vejkode and house key, or null. */
	findByCode(
		municipalityCode: string,
		streetCode: string,
		houseKey: string,
	): DarAddressRecord | null {
		return preferred(this.byCode.all(municipalityCode, streetCode, houseKey));
	}

	/** The preferred address with this street key, house key and postcode, or null. */
	findByName(streetKey: string, houseKey: string, postcode: string): DarAddressRecord | null {
		return preferred(this.byName.all(streetKey, houseKey, postcode));
	}

	/** Number of stored addresses. */
	count(): number {
		return (this.sqlite.prepare('SELECT count(*) AS n FROM dar_addresses').get() as { n: number })
			.n;
	}

	/** Number of stored addresses per DAWA status code. */
	countByStatus(): Map<number, number> {
		const rows = this.sqlite
			.prepare('SELECT status, count(*) AS n FROM dar_addresses GROUP BY status')
			.all() as { status: number; n: number }[];
		return new Map(rows.map((row) => [row.status, row.n]));
	}

	/** Drops the two lookup indexes; a bulk load then rebuilds them once instead of per row. */
	dropIndexes(): void {
		this.sqlite.exec('DROP INDEX IF EXISTS `dar_addresses_code_idx`');
		this.sqlite.exec('DROP INDEX IF EXISTS `dar_addresses_name_idx`');
	}

	/** Re-creates the lookup indexes exactly as the migration defines them. */
	createIndexes(): void {
		for (const sql of INDEXES) this.sqlite.exec(sql);
	}

	/** Removes every address (the caller holds the transaction). */
	deleteAll(): void {
		this.sqlite.exec('DELETE FROM dar_addresses');
	}

	/**
	 * Creates an empty connection-private staging table (TEMP) and returns an appender for it. Rows
	 * are staged in file order and copied sorted by id: inserting 2.5 million random UUIDs straight
	 * into the primary-key index costs about twice as much as SQLite's external sort.
	 */
	openStaging(): DarStagingAppender {
		const sqlite = this.sqlite;
		sqlite.exec(`DROP TABLE IF EXISTS temp.${STAGING}`);
		sqlite.exec(
			`CREATE TEMP TABLE ${STAGING} AS SELECT ${COLUMNS} FROM main.dar_addresses WHERE 0`,
		);
		const insert = (rows: number) =>
			sqlite.prepare(
				`INSERT INTO temp.${STAGING} (${COLUMNS}) VALUES ${new Array(rows).fill(ROW_PLACEHOLDERS).join(',')}`,
			);
		// Rows go in STAGING_BATCH at a time: one statement per row costs a fifth more.
		const full = insert(STAGING_BATCH);
		const pending: (string | number | null)[] = [];
		return {
			add(values) {
				for (let i = 0; i < COLUMN_COUNT; i++) pending.push(values[i]!);
				if (pending.length === STAGING_BATCH * COLUMN_COUNT) {
					full.run(pending);
					pending.length = 0;
				}
			},
			flush() {
				if (pending.length === 0) return;
				insert(pending.length / COLUMN_COUNT).run(pending);
				pending.length = 0;
			},
		};
	}

	/**
	 * Replaces every address with the staged rows and the postcode centres with `centres` (the
	 * caller holds the transaction): indexes dropped, rows deleted, staged rows copied in id order,
	 * indexes rebuilt, staging dropped.
	 */
	replaceAllFromStaging(centres: readonly PostcodeCentre[]): void {
		this.dropIndexes();
		this.deleteAll();
		this.sqlite.exec(
			`INSERT INTO main.dar_addresses (${COLUMNS}) SELECT ${COLUMNS} FROM temp.${STAGING} ORDER BY id`,
		);
		this.createIndexes();
		this.dropStaging();
		this.sqlite.exec('DELETE FROM dar_postcode_centres');
		const insert = this.sqlite.prepare(
			'INSERT INTO dar_postcode_centres (postcode, name, lat, lon, addresses) VALUES (?, ?, ?, ?, ?)',
		);
		for (const c of centres) insert.run(c.postcode, c.name, c.lat, c.lon, c.addresses);
	}

	/** The first id staged more than once, with the staging positions (1-based) of two copies. */
	findStagedDuplicate(): { id: string; first: number; second: number } | null {
		return (
			(this.sqlite
				.prepare(
					`SELECT id, min(rowid) AS first, max(rowid) AS second FROM temp.${STAGING} GROUP BY id HAVING count(*) > 1 ORDER BY first LIMIT 1`,
				)
				.get() as { id: string; first: number; second: number } | undefined) ?? null
		);
	}

	/** Removes the staging table, if any. */
	dropStaging(): void {
		this.sqlite.exec(`DROP TABLE IF EXISTS temp.${STAGING}`);
	}
}
