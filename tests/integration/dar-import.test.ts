import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
	openDatabase,
	openMigratedDatabase,
	type RegisterDb,
} from '../../src/lib/server/db/client';
import { DarAddressRepository } from '../../src/lib/server/repositories/dar-address-repository';
import { ImportRunRepository } from '../../src/lib/server/repositories/import-run-repository';
import {
	DarImportFormatError,
	importDarExtract,
	type DarImportOptions,
} from '../../src/lib/server/services/dar-import';
import { acquireImportLock, ImportLockedError } from '../../src/lib/server/services/import-lock';
import { ImportRefusedError } from '../../src/lib/server/services/sor-import/errors';
import {
	darCsv,
	SAMPLE_CSV_PATH,
	removeTempDirs,
	tempDir,
	uuid,
	writeFile,
	type DarRowSpec,
} from '../fixtures/dar/dar-csv';
import { createTestDb } from '../helpers/test-db';

afterAll(removeTempDirs);

const NOW = new Date('2026-11-25T03:00:00Z');

function runImport(db: RegisterDb, path: string, overrides: Partial<DarImportOptions> = {}) {
	return importDarExtract({
		db,
		path,
		lockPath: join(tempDir(), 'import.lock'),
		now: () => NOW,
		...overrides,
	});
}

/** Every stored address, to prove a failed import changed nothing. */
function dump(db: RegisterDb): unknown[] {
	return db.$client.prepare('SELECT * FROM dar_addresses ORDER BY id').all();
}

function indexDefinitions(db: RegisterDb): unknown[] {
	return db.$client
		.prepare(
			"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'dar_addresses' AND sql IS NOT NULL ORDER BY name",
		)
		.all();
}

const street = (n: number, overrides: Partial<DarRowSpec> = {}): DarRowSpec => ({
	id: uuid(n),
	vejkode: '0100',
	vejnavn: 'Åbyvej',
	husnr: String(n),
	postnr: '8230',
	postnrnavn: 'Åbyhøj',
	kommunekode: '0751',
	...overrides,
});
const streetRows = (count: number, from = 1) =>
	Array.from({ length: count }, (_, i) => street(from + i));

describe('DAR import of the real DAWA sample', () => {
	it('stores the three access addresses with their keys and coordinates', async () => {
		const db = createTestDb();
		const summary = await runImport(db, SAMPLE_CSV_PATH);

		expect(summary).toMatchObject({
			source: SAMPLE_CSV_PATH,
			rowsRead: 3,
			previousRows: 0,
			rowsByStatus: { gældende: 3, foreløbig: 0, nedlagt: 0, henlagt: 0 },
			startedAt: NOW.toISOString(),
		});
		const rows = dump(db);
		expect(rows).toHaveLength(3);
		expect(rows).toContainEqual({
			id: '0a3f507a-3669-32b8-e044-0003ba298018',
			status: 1,
			street_code: '0004',
			street_name: 'Abel Cathrines Gade',
			street_key: 'abel cathrines gade',
			house_number: '3A',
			house_key: '3a',
			postcode: '1654',
			postcode_name: 'København V',
			municipality_code: '0101',
			etrs_east: 723743.16,
			etrs_north: 6175322.16,
			lat: 55.6720594006065,
			lon: 12.5582458296225,
			precision: 'A',
		});
	});

	it('logs the run in import_runs with its counts', async () => {
		const db = createTestDb();
		const summary = await runImport(db, SAMPLE_CSV_PATH);
		const run = new ImportRunRepository(db).latest('dar');
		expect(run).toMatchObject({
			id: summary.runId,
			kind: 'dar',
			status: 'succeeded',
			source: SAMPLE_CSV_PATH,
		});
		expect(JSON.parse(run!.counts)).toMatchObject({ rowsRead: 3, gældende: 3, nedlagt: 0 });
	});

	it('reads the same file gzip-compressed, with semicolons, CRLF and a BOM', async () => {
		const plain = createTestDb();
		await runImport(plain, SAMPLE_CSV_PATH);
		const dir = tempDir();
		const text = readFileSync(SAMPLE_CSV_PATH, 'utf8');
		const variant = darCsv(
			[
				{
					id: '0a3f507a-3669-32b8-e044-0003ba298018',
					vejkode: '0004',
					vejnavn: 'Abel Cathrines Gade',
					husnr: '3A',
					postnr: '1654',
					postnrnavn: 'København V',
					kommunekode: '0101',
					east: '723743,16',
					north: '6175322,16',
					lat: '55,6720594006065',
					lon: '12,5582458296225',
				},
			],
			{ delimiter: ';' },
		).replace(/\n/g, '\r\n');
		const gz = createTestDb();
		await runImport(gz, writeFile(dir, 'sample.csv.gz', gzipSync(text)));
		expect(dump(gz)).toEqual(dump(plain));
		const semicolons = createTestDb();
		await runImport(semicolons, writeFile(dir, 'semikolon.csv', `\uFEFF${variant}`));
		expect(dump(semicolons)[0]).toEqual(
			dump(plain).find((row) => (row as { id: string }).id.endsWith('3669-32b8-e044-0003ba298018')),
		);
	});
});

describe('replacing the table', () => {
	let db: RegisterDb;
	let dir: string;
	let before: unknown[];

	beforeEach(async () => {
		db = createTestDb();
		dir = tempDir();
		await runImport(db, writeFile(dir, 'first.csv', darCsv(streetRows(10))));
		before = dump(db);
		expect(before).toHaveLength(10);
	});

	it('replaces every row and rebuilds the indexes exactly as the migration made them', async () => {
		const migrated = indexDefinitions(createTestDb());
		const next = [...streetRows(5, 101), ...streetRows(6, 201)];
		const summary = await runImport(db, writeFile(dir, 'second.csv', darCsv(next)));
		expect(summary).toMatchObject({ rowsRead: 11, previousRows: 10 });
		const ids = dump(db).map((row) => (row as { id: string }).id);
		expect(ids).toEqual(next.map((row) => row.id).sort());
		expect(indexDefinitions(db)).toEqual(migrated);
		expect(indexDefinitions(db)).toHaveLength(2);
	});

	it('replaces the postcode centres with the mean of the new valid addresses', async () => {
		type Centre = { postcode: string; name: string; lat: number; lon: number; addresses: number };
		// The same figures the migration computes for a table loaded before the centres existed.
		const expectCentresMatchAddresses = () => {
			const centres = db.$client
				.prepare(`SELECT * FROM dar_postcode_centres ORDER BY postcode`)
				.all() as Centre[];
			const aggregate = db.$client
				.prepare(
					`SELECT postcode, max(postcode_name) AS name, avg(lat) AS lat, avg(lon) AS lon,
						count(*) AS addresses FROM dar_addresses
					WHERE status IN (1, 3) AND lat IS NOT NULL AND lon IS NOT NULL
					GROUP BY postcode ORDER BY postcode`,
				)
				.all() as Centre[];
			expect(centres.map((c) => [c.postcode, c.name, c.addresses])).toEqual(
				aggregate.map((c) => [c.postcode, c.name, c.addresses]),
			);
			for (const [index, centre] of aggregate.entries()) {
				expect(centres[index]!.lat).toBeCloseTo(centre.lat, 9);
				expect(centres[index]!.lon).toBeCloseTo(centre.lon, 9);
			}
			return centres;
		};
		expect(expectCentresMatchAddresses().map((c) => c.postcode)).toEqual(['8230']);
		const next = [
			...streetRows(8, 101).map((row, i) => ({ ...row, postnr: i < 4 ? '8000' : '8210' })),
			street(300, { status: 2, postnr: '9999' }),
		];
		await runImport(db, writeFile(dir, 'centres.csv', darCsv(next)), { allowShrink: true });
		expect(expectCentresMatchAddresses().map((c) => [c.postcode, c.addresses])).toEqual([
			['8000', 4],
			['8210', 4],
		]);
	});

	it('refuses an extract with far fewer addresses unless allowed', async () => {
		const small = writeFile(dir, 'small.csv', darCsv(streetRows(3, 500)));
		await expect(runImport(db, small)).rejects.toThrow(ImportRefusedError);
		expect(dump(db)).toEqual(before);
		expect(new ImportRunRepository(db).latest('dar')).toMatchObject({ status: 'refused' });

		await runImport(db, small, { allowShrink: true });
		expect(dump(db)).toHaveLength(3);
	});

	const broken: [string, () => string | Buffer, RegExp][] = [
		[
			'an unknown status value',
			() =>
				darCsv([
					...streetRows(11, 50).slice(0, 7),
					street(99, { status: 7 }),
					...streetRows(3, 80),
				]),
			/Linje 9, kolonne status: værdien «7» skal være 1 \(gældende\)/,
		],
		[
			'an unterminated quote (file cut inside a quoted field)',
			() => {
				const text = darCsv(streetRows(12, 50));
				return text.slice(0, text.lastIndexOf('Udenbys') + 5);
			},
			/Ufuldendt citationstegn.*linje 13.*Intet er ændret/,
		],
		[
			'a last line cut short',
			() => {
				const text = darCsv(streetRows(12, 50));
				return text.slice(0, text.lastIndexOf('55.67'));
			},
			/Linje 13 har 19 felter, men overskriften har 40/,
		],
		[
			'a cut-off gzip file',
			() => {
				const packed = gzipSync(darCsv(streetRows(12, 50)));
				return packed.subarray(0, packed.length - 30);
			},
			/beskadiget eller afkortet gzip-fil/,
		],
		[
			'a house number that is not one',
			() => darCsv([street(60, { husnr: 'A8' }), ...streetRows(11, 70)]),
			/Linje 2, kolonne husnr/,
		],
		[
			'an id that is not a UUID',
			() => darCsv([...streetRows(11, 70), street(60, { id: 'dar-60' })]),
			/Linje 13, kolonne id: værdien «dar-60» skal være et UUID/,
		],
		[
			'a missing postcode',
			() => darCsv([street(60, { postnr: '' }), ...streetRows(11, 70)]),
			/kolonne postnr: værdien «» skal være fire cifre/,
		],
		[
			'a coordinate that is not a number',
			() => darCsv([street(60, { lat: 'nord' }), ...streetRows(11, 70)]),
			/kolonne wgs84koordinat_bredde/,
		],
		[
			'the same id twice',
			() => darCsv([...streetRows(6, 70), street(71, { husnr: '99' }), ...streetRows(5, 80)]),
			/Linje 3 og 8, kolonne id: adressen 0a3f507a-0000-32b8-e044-000000000071 forekommer mere end én gang/,
		],
		[
			'a header without the DAR columns',
			() => 'id;navn\n1;Åbyvej\n',
			/mangler kolonnerne status, vejkode, vejnavn/,
		],
		[
			'a file of unit addresses (with floor and door)',
			() => darCsv(streetRows(12, 50)).replace('id,status', 'id,etage,dør,status'),
			/enhedsadresser/,
		],
		['an empty file', () => '', /er tom/],
		['a header and no rows', () => darCsv([]), /indeholder ingen adresser/],
		[
			'Windows-1252 text',
			() => Buffer.from(darCsv(streetRows(12, 50)), 'latin1'),
			/ikke gyldig UTF-8/,
		],
	];

	for (const [what, content, message] of broken) {
		it(`leaves the previous rows intact on ${what}`, async () => {
			const path = writeFile(dir, 'broken.csv', content());
			const error = await runImport(db, path).catch((caught: unknown) => caught);
			expect(error).toBeInstanceOf(Error);
			expect((error as Error).message).toMatch(message);
			expect(error).not.toBeInstanceOf(ImportRefusedError);
			expect(dump(db)).toEqual(before);
			expect(indexDefinitions(db)).toHaveLength(2);
			expect(new ImportRunRepository(db).latest('dar')).toMatchObject({
				status: 'failed',
				message: (error as Error).message,
			});
		});
	}

	it('names bad rows with DarImportFormatError', async () => {
		const path = writeFile(dir, 'bad.csv', darCsv([street(60, { status: 'x' })]));
		await expect(runImport(db, path)).rejects.toBeInstanceOf(DarImportFormatError);
	});
});

describe('readers during an import', () => {
	it('keep reading the old addresses on their own connection until the commit', async () => {
		const dir = tempDir();
		const file = join(dir, 'register.sqlite');
		const db = openMigratedDatabase(file);
		const reader = openDatabase(file, { readonly: true });
		try {
			await runImport(db, writeFile(dir, 'first.csv', darCsv(streetRows(10))));
			const seen: number[] = [];
			await runImport(db, writeFile(dir, 'second.csv', darCsv(streetRows(12, 100))), {
				onProgress: () => seen.push(new DarAddressRepository(reader).count()),
			});
			expect(seen.length).toBeGreaterThanOrEqual(2);
			expect(new Set(seen)).toEqual(new Set([10]));
			expect(new DarAddressRepository(reader).count()).toBe(12);
		} finally {
			reader.$client.close();
			db.$client.close();
		}
	});
});

describe('the import lock', () => {
	it('is respected, and released after success and after failure', async () => {
		const db = createTestDb();
		const dir = tempDir();
		const lockPath = join(dir, 'import.lock');
		const path = writeFile(dir, 'dar.csv', darCsv(streetRows(4)));

		const release = acquireImportLock(lockPath);
		await expect(runImport(db, path, { lockPath })).rejects.toBeInstanceOf(ImportLockedError);
		expect(new DarAddressRepository(db).count()).toBe(0);
		release();

		await runImport(db, path, { lockPath });
		expect(new DarAddressRepository(db).count()).toBe(4);
		expect(existsSync(lockPath)).toBe(false);

		await expect(
			runImport(db, writeFile(dir, 'bad.csv', darCsv([street(9, { postnr: 'x' })])), { lockPath }),
		).rejects.toThrow();
		expect(existsSync(lockPath)).toBe(false);
	});
});
