import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { RegisterDb } from '../../src/lib/server/db/client';
import { UnavailableDarSource } from '../../src/lib/server/dar/unavailable-dar-source';
import {
	importSorSnapshot,
	type SorImportOptions,
} from '../../src/lib/server/services/sor-import/import-sor';

/** Text as the chunked byte stream the importer reads, split to exercise chunk borders. */
export async function* chunksOf(text: string, size = 4096): AsyncGenerator<Buffer> {
	const bytes = Buffer.from(text, 'utf8');
	for (let offset = 0; offset < bytes.length; offset += size) {
		yield bytes.subarray(offset, offset + size);
	}
}

/** Runs the real importer on an XML string with the bundled reference files. */
export function importXml(
	db: RegisterDb,
	xml: string,
	overrides: Partial<SorImportOptions> = {},
): ReturnType<typeof importSorSnapshot> {
	const dir = mkdtempSync(join(tmpdir(), 'plejeoverblik-test-'));
	return importSorSnapshot({
		db,
		sourceLabel: 'test.xml',
		openSource: async () => chunksOf(xml),
		classificationsPath: resolve('db/reference/sor-classifications.csv'),
		municipalitiesPath: resolve('db/reference/kommuner.csv'),
		authoritiesPath: resolve('db/reference/aeldretilsyn.csv'),
		darSource: new UnavailableDarSource('test', 'ingen DAR i denne test'),
		lockPath: join(dir, 'import.lock'),
		massCloseThreshold: 0.1,
		now: () => new Date('2026-11-25T03:00:00Z'),
		...overrides,
	});
}

const REGISTER_TABLES = [
	'sor_entities',
	'sor_events',
	'providers',
	'localities',
	'import_rejections',
	'sor_classifications',
	'municipalities',
	'data_problems',
	'inspection_authorities',
	'authority_municipalities',
];

/** Every row of the register's tables as text, to prove a failed run changed nothing. */
export function dumpRegister(db: RegisterDb): string {
	return REGISTER_TABLES.map(
		(table) =>
			`${table}:${JSON.stringify(db.$client.prepare(`SELECT * FROM ${table} ORDER BY 1`).all())}`,
	).join('\n');
}
