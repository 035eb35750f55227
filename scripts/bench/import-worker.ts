/**
 * One measured run for `npm run bench:import`, in its own process so its peak RSS is its own:
 * `parse FILE` streams the file through the SOR parser and stores nothing (the baseline);
 * `dar FILE DB` loads a DAR extract (setup, not measured against the target);
 * `import FILE DB` runs the real SOR importer into that database.
 * Prints one JSON line: entities, wall time, peak RSS and (for imports) the time of each phase.
 */
import { resolve } from 'node:path';
import { openMigratedDatabase } from '../../src/lib/server/db/client';
import { createDarSource } from '../../src/lib/server/dar/create-dar-source';
import { REFERENCE_FILES } from '../../src/lib/server/reference/reference-files';
import { importDarExtract } from '../../src/lib/server/services/dar-import';
import { importSorSnapshot } from '../../src/lib/server/services/sor-import/import-sor';
import { countSorEntities } from '../../src/lib/server/sor/parser';
import { openSorSource } from '../../src/lib/server/sor/source';

const [mode, file, dbPath] = process.argv.slice(2);
if (!file || !['parse', 'dar', 'import'].includes(mode ?? '') || (mode !== 'parse' && !dbPath)) {
	process.stderr.write('Brug: import-worker.ts parse FIL | dar FIL DB | import FIL DB\n');
	process.exit(2);
}

let entities = 0;
let wallMs = 0;
const phases: Record<string, number> = {};
if (mode === 'parse') {
	const started = performance.now();
	entities = (await countSorEntities(await openSorSource(file))).entitiesRead;
	wallMs = performance.now() - started;
} else if (mode === 'dar') {
	const db = openMigratedDatabase(resolve(dbPath!));
	const started = performance.now();
	entities = (await importDarExtract({ db, path: file, lockPath: `${dbPath}.import.lock` }))
		.rowsRead;
	wallMs = performance.now() - started;
	db.$client.close();
} else {
	const db = openMigratedDatabase(resolve(dbPath!));
	const started = performance.now();
	const summary = await importSorSnapshot({
		db,
		sourceLabel: file,
		openSource: () => openSorSource(file),
		classificationsPath: REFERENCE_FILES.classifications,
		municipalitiesPath: REFERENCE_FILES.municipalities,
		authoritiesPath: REFERENCE_FILES.authorities,
		darSource: createDarSource(db),
		lockPath: `${dbPath}.import.lock`,
		massCloseThreshold: 0.1,
		isSampleData: true,
		onPhase: (phase, ms) => {
			phases[phase] = Math.round(ms);
		},
	});
	wallMs = performance.now() - started;
	entities = summary.counts.entitiesRead;
	db.$client.close();
}

process.stdout.write(
	`${JSON.stringify({
		mode,
		entities,
		wallMs,
		maxRssMb: process.resourceUsage().maxRSS / 1024,
		phases,
	})}\n`,
);
