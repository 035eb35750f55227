/**
 * `npm start`: builds the site if needed, migrates the database, loads the bundled sample when the
 * register is empty, then serves the built site (HOST and PORT as for @astrojs/node; default
 * http://localhost:4321).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../src/lib/server/config';
import { createDarSource } from '../src/lib/server/dar/create-dar-source';
import { openMigratedDatabase } from '../src/lib/server/db/client';
import { ImportRunRepository } from '../src/lib/server/repositories/import-run-repository';
import { REFERENCE_FILES } from '../src/lib/server/reference/reference-files';
import { importDarExtract } from '../src/lib/server/services/dar-import';
import { importSorSnapshot } from '../src/lib/server/services/sor-import/import-sor';
import { openSorSource } from '../src/lib/server/sor/source';
import { lockPathFor } from './lib/cli';
import { formatSorSummary } from './lib/sor-summary';

const SERVER_ENTRY = resolve('dist/server/entry.mjs');
const SAMPLE_SOR = resolve('db/sample/sor-sample.xml.gz');
const SAMPLE_DAR = resolve('db/sample/dar-sample.csv.gz');
const BUILD_INPUTS = ['src', 'public', 'astro.config.mjs', 'package-lock.json'];

function newestMtime(path: string): number {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), 0);
}

function buildIfNeeded(): void {
	const built = existsSync(SERVER_ENTRY) ? statSync(SERVER_ENTRY).mtimeMs : 0;
	const sources = Math.max(...BUILD_INPUTS.map((path) => newestMtime(resolve(path))));
	if (built >= sources) return;
	process.stdout.write('Bygger sitet (astro build)…\n');
	const result = spawnSync('npx', ['astro', 'build'], { stdio: 'inherit' });
	if (result.status !== 0) throw new Error('astro build fejlede; se output ovenfor.');
}

async function loadSampleIfEmpty(): Promise<void> {
	const config = loadConfig();
	const db = openMigratedDatabase(config.databasePath);
	try {
		const runs = new ImportRunRepository(db);
		if (runs.latest('sor', true)) return;
		process.stdout.write('Registret er tomt: indlæser de medfølgende eksempeldata…\n');
		// DAR first, so the SOR run validates the visiting addresses and publishes the localities.
		if (!runs.latest('dar', true)) {
			const dar = await importDarExtract({
				db,
				path: SAMPLE_DAR,
				lockPath: lockPathFor(config.databasePath),
			});
			process.stdout.write(`DAR-eksempeludtræk indlæst: ${dar.rowsRead} adresser.\n`);
		}
		const summary = await importSorSnapshot({
			db,
			sourceLabel: SAMPLE_SOR,
			openSource: () => openSorSource(SAMPLE_SOR),
			classificationsPath: REFERENCE_FILES.classifications,
			municipalitiesPath: REFERENCE_FILES.municipalities,
			authoritiesPath: REFERENCE_FILES.authorities,
			darSource: createDarSource(db),
			lockPath: lockPathFor(config.databasePath),
			massCloseThreshold: config.massCloseThreshold,
			isSampleData: true,
		});
		process.stdout.write(formatSorSummary(summary));
	} finally {
		db.$client.close();
	}
}

buildIfNeeded();
await loadSampleIfEmpty();
process.env.HOST ??= 'localhost';
process.env.PORT ??= '4321';
process.stdout.write(`Plejeoverblik kører på http://${process.env.HOST}:${process.env.PORT}\n`);
await import(pathToFileURL(SERVER_ENTRY).href);
