/**
 * One measured run for `npm run bench:import`, in its own process so its peak RSS is its own:
 * `parse FILE` streams the file through the SOR parser and stores nothing (the baseline);
 * `dar FILE DB` loads a DAR extract (setup, not measured against the target);
 * `import FILE DB` runs the real SOR importer into that database.
 */
import { resolve } from 'node:path';
import { getHeapSpaceStatistics } from 'node:v8';
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
const cpuAtStart = process.cpuUsage();
if (process.env.SB_WRAP) {
	const { SorEntityRepository } =
		await import('../../src/lib/server/repositories/sor-entity-repository');
	const { RegisterRepository } =
		await import('../../src/lib/server/repositories/register-repository');
	const { AddressValidator, DarLookahead } =
		await import('../../src/lib/server/services/quality/address-validation');
	const T = ((globalThis as any).__T ??= {});
	const wrap = (obj: any, name: string) => {
		const orig = obj[name];
		obj[name] = function (...a: any[]) {
			const t = performance.now();
			try {
				return orig.apply(this, a);
			} finally {
				T[name] = (T[name] ?? 0) + performance.now() - t;
			}
		};
	};
	wrap(SorEntityRepository.prototype, 'descendants');
	wrap(SorEntityRepository.prototype, 'node');
	wrap(SorEntityRepository.prototype, 'owner');
	wrap(SorEntityRepository.prototype, 'localityCandidates');
	wrap(RegisterRepository.prototype, 'saveLocalities');
	wrap(RegisterRepository.prototype, 'allLocalities');
	wrap(RegisterRepository.prototype, 'activeChildrenOfActiveLocalities');
	wrap(AddressValidator.prototype, 'validate');
	wrap(DarLookahead.prototype, 'work');
	const { findProblems } = await import('../../src/lib/server/services/quality/find-problems');
	void findProblems;
}
const memMax: Record<string, number> = {};
const memTimer = setInterval(() => {
	for (const [k, v] of Object.entries(process.memoryUsage()))
		memMax[k] = Math.max(memMax[k] ?? 0, Math.round(v / 1048576));
}, 200);
memTimer.unref();
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
		parseInWorker: (process.env.SB_PARSE as 'never') ?? 'auto',
		onPhase: (phase, ms) => {
			phases[phase] = Math.round(ms);
			const sp = Object.fromEntries(
				getHeapSpaceStatistics().map((x) => [
					x.space_name.replace('_space', ''),
					Math.round(x.space_size / 1048576),
				]),
			);
			(globalThis as any).gc?.();
			const m = process.memoryUsage();
			(globalThis as any).__sp = { ...((globalThis as any).__sp ?? {}), [phase]: sp };
			(globalThis as any).__mem = {
				...((globalThis as any).__mem ?? {}),
				[phase]: [
					Math.round(m.rss / 1048576),
					Math.round(m.heapUsed / 1048576),
					Math.round(m.heapTotal / 1048576),
					Math.round(process.resourceUsage().maxRSS / 1024),
				],
			};
		},
	});
	wallMs = performance.now() - started;
	entities = summary.counts.entitiesRead;
	db.$client.close();
}
/** CPU time of every thread of this process (the parser worker included) since the start. */
function cpuMs(): number {
	const used = process.cpuUsage(cpuAtStart);
	return Math.round((used.user + used.system) / 1000);
}

await (globalThis as any).__dumpHeapSample?.();
process.stdout.write(
	`${JSON.stringify({
		mode,
		entities,
		wallMs,
		maxRssMb: process.resourceUsage().maxRSS / 1024,
		cpuMs: cpuMs(),
		phases,
		memMax,
		phaseMem: (globalThis as any).__mem,
		spaces: (globalThis as any).__sp,
		wait: (globalThis as any).__waitMs,
		T: (globalThis as any).__T,
		mainCpu: (await import('node:fs'))
			.readFileSync('/proc/thread-self/stat', 'utf8')
			.split(') ')[1]!
			.split(' ')
			.slice(11, 13)
			.reduce((a: number, b: string) => a + Number(b) * 10, 0),
		workerCpu: (globalThis as any).__workerCpu,
		handle: (globalThis as any).__handleMs,
		batches: (globalThis as any).__batches,
	})}\n`,
);
