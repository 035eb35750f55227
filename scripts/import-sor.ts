/**
 * `npm run import:sor -- <file or URL> [options]`: imports one SOR XML snapshot into the register.
 * See README.md ("Den natlige SOR-import") for options and exit codes.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { loadConfig } from '../src/lib/server/config';
import { createDarSource } from '../src/lib/server/dar/create-dar-source';
import { REFERENCE_FILES } from '../src/lib/server/reference/reference-files';
import {
	importSorSnapshot,
	type SorImportSummary,
} from '../src/lib/server/services/sor-import/import-sor';
import { DataQualityReportService } from '../src/lib/server/services/quality/data-quality-report';
import { openSorSource } from '../src/lib/server/sor/source';
import {
	EXIT,
	openDatabaseOrExit,
	lockPathFor,
	progressLine,
	reportImportFailure,
	usageError,
} from './lib/cli';
import { formatSorSummary, writeOwnerReports } from './lib/sor-summary';

const USAGE = `Brug: npm run import:sor -- <fil eller URL> [valg]

  --classifications FIL    klassifikationsliste (CSV med kode og navn; ; eller ,)
  --allow-mass-close       tillad at kørslen lukker mere end tærsklen af aktive steder
  --mass-close-threshold N andel (0-1) der udløser stop; standard 0.1 eller SOR_MASS_CLOSE_THRESHOLD
  --allow-older-snapshot   tillad et udtræk der er ældre end registrets seneste
  --sample-data            markér data som eksempeldata (sættes automatisk for filer i db/sample/)
  --report-dir MAPPE       skriv én CSV-fil pr. ejer med åbne problemer (til SOR-administratoren)
  --json                   skriv resumeet som ét JSON-objekt på stdout
  --quiet                  ingen fremdriftslinje`;

async function main(): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({
			allowPositionals: true,
			options: {
				classifications: { type: 'string' },
				'allow-mass-close': { type: 'boolean', default: false },
				'mass-close-threshold': { type: 'string' },
				'allow-older-snapshot': { type: 'boolean', default: false },
				'sample-data': { type: 'boolean', default: false },
				'report-dir': { type: 'string' },
				json: { type: 'boolean', default: false },
				quiet: { type: 'boolean', default: false },
				help: { type: 'boolean', default: false },
			},
		});
	} catch (error) {
		usageError((error as Error).message, USAGE);
	}
	const { values, positionals } = parsed;
	if (values.help) {
		process.stdout.write(`${USAGE}\n`);
		return EXIT.ok;
	}
	if (positionals.length !== 1) usageError('angiv præcis én fil eller URL.', USAGE);
	const location = positionals[0]!;
	const config = loadConfig();
	let threshold = config.massCloseThreshold;
	if (values['mass-close-threshold'] !== undefined) {
		threshold = Number(values['mass-close-threshold']);
		if (!(threshold >= 0 && threshold <= 1)) {
			usageError('--mass-close-threshold skal være et tal mellem 0 og 1.', USAGE);
		}
	}
	const isUrl = /^https?:\/\//i.test(location);
	const isSampleData =
		values['sample-data'] || (!isUrl && resolve(location).startsWith(resolve('db/sample')));
	const progress = progressLine('SOR-enheder læst');
	const db = openDatabaseOrExit(config.databasePath);
	try {
		const summary: SorImportSummary = await importSorSnapshot({
			db,
			sourceLabel: isUrl ? location : resolve(location),
			openSource: () =>
				openSorSource(location, { log: (message) => process.stderr.write(`${message}\n`) }),
			classificationsPath: values.classifications
				? resolve(values.classifications)
				: REFERENCE_FILES.classifications,
			municipalitiesPath: REFERENCE_FILES.municipalities,
			authoritiesPath: REFERENCE_FILES.authorities,
			darSource: createDarSource(db),
			lockPath: lockPathFor(config.databasePath),
			massCloseThreshold: threshold,
			allowMassClose: values['allow-mass-close'],
			allowOlderSnapshot: values['allow-older-snapshot'],
			isSampleData,
			onProgress: values.quiet
				? undefined
				: ({ entitiesRead, elapsedMs }) => progress.update(entitiesRead, elapsedMs),
		});
		progress.done();
		const reportFiles = values['report-dir']
			? writeOwnerReports(new DataQualityReportService(db), resolve(values['report-dir']))
			: [];
		if (values.json) {
			process.stdout.write(`${JSON.stringify({ status: 'succeeded', ...summary, reportFiles })}\n`);
		} else {
			process.stdout.write(formatSorSummary(summary));
			if (values['report-dir']) {
				process.stdout.write(
					`  Fejlrapporter:    ${reportFiles.length} filer i ${resolve(values['report-dir'])}\n`,
				);
			}
		}
		return EXIT.ok;
	} catch (error) {
		progress.done();
		return reportImportFailure('SOR-importen', error, values.json === true);
	} finally {
		db.$client.close();
	}
}

process.exitCode = await main();
