/**
 * Fills a register database with the real importers: the DAR extract first (so visiting addresses
 * validate), then the SOR snapshot. Used by the browser tests, the HTTP benchmark and local page
 * development.
 *
 *   npx tsx scripts/e2e/populate.ts <database> <dar.csv[.gz]> <sor.xml[.gz]>… [--sample-data]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openMigratedDatabase } from '../../src/lib/server/db/client';
import { createDarSource } from '../../src/lib/server/dar/create-dar-source';
import { REFERENCE_FILES } from '../../src/lib/server/reference/reference-files';
import { importDarExtract } from '../../src/lib/server/services/dar-import';
import { importSorSnapshot } from '../../src/lib/server/services/sor-import/import-sor';
import { openSorSource } from '../../src/lib/server/sor/source';

/** What to load and where. */
export interface PopulateOptions {
	databasePath: string;
	darPath: string;
	/** SOR snapshots, imported in this order (oldest first). */
	sorPaths: string[];
	isSampleData?: boolean;
	/** Fixed clock, so test data is dated the same on every run. */
	now?: () => Date;
}

/** Runs the DAR import and then each SOR import (with DAR validation) into one database. */
export async function populateRegister(options: PopulateOptions): Promise<{
	localities: number;
	published: number;
}> {
	const db = openMigratedDatabase(resolve(options.databasePath));
	const lockPath = join(mkdtempSync(join(tmpdir(), 'plejeoverblik-populate-')), 'import.lock');
	try {
		await importDarExtract({
			db,
			path: resolve(options.darPath),
			lockPath,
			now: options.now,
		});
		for (const sorPath of options.sorPaths) {
			await importSorSnapshot({
				db,
				sourceLabel: resolve(sorPath),
				openSource: () => openSorSource(resolve(sorPath)),
				classificationsPath: REFERENCE_FILES.classifications,
				municipalitiesPath: REFERENCE_FILES.municipalities,
				authoritiesPath: REFERENCE_FILES.authorities,
				darSource: createDarSource(db),
				lockPath,
				massCloseThreshold: 1,
				isSampleData: options.isSampleData ?? false,
				now: options.now,
			});
		}
		const counts = db.$client
			.prepare(
				"SELECT count(*) AS localities, coalesce(sum(published AND status = 'active'), 0) AS published FROM localities",
			)
			.get() as { localities: number; published: number };
		return counts;
	} finally {
		db.$client.close();
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const [databasePath, darPath, ...sorPaths] = process.argv
		.slice(2)
		.filter((arg) => !arg.startsWith('--'));
	if (!databasePath || !darPath || sorPaths.length === 0) {
		process.stderr.write(
			'Brug: npx tsx scripts/e2e/populate.ts <database> <dar.csv[.gz]> <sor.xml[.gz]>… [--sample-data]\n',
		);
		process.exit(2);
	}
	const started = Date.now();
	const counts = await populateRegister({
		databasePath,
		darPath,
		sorPaths,
		isSampleData: process.argv.includes('--sample-data'),
	});
	process.stdout.write(
		`${databasePath}: ${counts.localities} steder, ${counts.published} offentliggjort (${Date.now() - started} ms)\n`,
	);
}
