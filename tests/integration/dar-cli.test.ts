import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openMigratedDatabase } from '../../src/lib/server/db/client';
import { DarAddressRepository } from '../../src/lib/server/repositories/dar-address-repository';
import { acquireImportLock } from '../../src/lib/server/services/import-lock';
import { EXIT, lockPathFor } from '../../scripts/lib/cli';
import {
	darCsv,
	SAMPLE_CSV_PATH,
	removeTempDirs,
	tempDir,
	uuid,
	writeFile,
} from '../fixtures/dar/dar-csv';

afterAll(removeTempDirs);

/** Runs `npm run import:dar -- …` as the operator would, against its own database file. */
function importDar(databasePath: string, ...args: string[]) {
	const result = spawnSync(
		process.execPath,
		['--import', 'tsx', 'scripts/import-dar.ts', ...args],
		{ env: { ...process.env, DATABASE_PATH: databasePath }, encoding: 'utf8', timeout: 60_000 },
	);
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const rows = (count: number) =>
	Array.from({ length: count }, (_, i) => ({
		id: uuid(i + 1),
		vejnavn: 'Åbyvej',
		husnr: String(i + 1),
		postnr: '8230',
		kommunekode: '0751',
	}));

// Each case starts a real tsx process; a loaded machine needs more than the default 20 s.
const SLOW = 90_000;

describe('npm run import:dar', () => {
	it(
		'imports a file and prints the summary, as JSON when asked',
		() => {
			const database = join(tempDir(), 'register.sqlite');
			const human = importDar(database, SAMPLE_CSV_PATH, '--quiet');
			expect(human.code).toBe(EXIT.ok);
			expect(human.stdout).toContain('DAR-import gennemført');
			expect(human.stdout).toMatch(/Rækker læst:\s+3/);

			const json = importDar(database, SAMPLE_CSV_PATH, '--json', '--quiet');
			expect(json.code).toBe(EXIT.ok);
			expect(JSON.parse(json.stdout)).toMatchObject({
				status: 'succeeded',
				rowsRead: 3,
				previousRows: 3,
				rowsByStatus: { gældende: 3 },
			});
		},
		SLOW,
	);

	it(
		'exits with the shared codes for usage errors, bad files, refusals and a held lock',
		() => {
			const dir = tempDir();
			const database = join(dir, 'register.sqlite');
			expect(importDar(database).code).toBe(EXIT.usage);

			const bad = importDar(
				database,
				writeFile(dir, 'bad.csv', darCsv([{ ...rows(1)[0]!, status: 9 }])),
			);
			expect(bad.code).toBe(EXIT.failed);
			expect(bad.stderr).toMatch(/DAR-importen fejlede: .*Linje 2, kolonne status/);

			expect(
				importDar(database, writeFile(dir, 'many.csv', darCsv(rows(20))), '--quiet').code,
			).toBe(EXIT.ok);
			const few = writeFile(dir, 'few.csv', darCsv(rows(5)));
			const refused = importDar(database, few, '--json');
			expect(refused.code).toBe(EXIT.refused);
			expect(JSON.parse(refused.stdout)).toMatchObject({ status: 'refused' });
			expect(importDar(database, few, '--allow-shrink', '--quiet').code).toBe(EXIT.ok);

			const release = acquireImportLock(lockPathFor(database));
			try {
				const locked = importDar(database, SAMPLE_CSV_PATH, '--json');
				expect(locked.code).toBe(EXIT.locked);
				expect(JSON.parse(locked.stdout)).toMatchObject({ status: 'locked' });
			} finally {
				release();
			}
			const db = openMigratedDatabase(database);
			expect(new DarAddressRepository(db).count()).toBe(5);
			db.$client.close();
		},
		SLOW,
	);
});
