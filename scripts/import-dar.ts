/**
 * `npm run import:dar -- <file> [--json] [--quiet] [--allow-shrink]`: replaces the local DAR
 * access-address table with a DAWA CSV extract (plain or gzip), atomically. Exit codes as in
 * scripts/lib/cli.ts.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/lib/server/config';
import {
	importDarExtract,
	MIN_KEPT_SHARE,
	type DarImportSummary,
} from '../src/lib/server/services/dar-import';
import {
	EXIT,
	openDatabaseOrExit,
	lockPathFor,
	progressLine,
	reportImportFailure,
	usageError,
} from './lib/cli';

const USAGE = `Brug: npm run import:dar -- <fil> [valg]

  <fil>           DAWA-udtræk af adgangsadresser som CSV (, eller ;), evt. gzip-komprimeret
  --allow-shrink  tillad et udtræk med under ${Math.round(MIN_KEPT_SHARE * 100)} % af de adresser, tabellen har nu
  --json          skriv resumeet som ét JSON-objekt på stdout
  --quiet         ingen fremdriftslinje`;

function formatSummary(summary: DarImportSummary): string {
	const n = (value: number) => value.toLocaleString('da-DK');
	const s = summary.rowsByStatus;
	return [
		`DAR-import gennemført (kørsel ${summary.runId})`,
		`  Kilde:        ${summary.source}`,
		`  Varighed:     ${(summary.durationMs / 1000).toFixed(1)} s`,
		`  Rækker læst:  ${n(summary.rowsRead)} (før: ${n(summary.previousRows)})`,
		`  Status:       ${n(s.gældende)} gældende, ${n(s.foreløbig)} foreløbige, ${n(s.nedlagt)} nedlagte, ${n(s.henlagt)} henlagte`,
		'',
	].join('\n');
}

async function main(): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({
			allowPositionals: true,
			options: {
				'allow-shrink': { type: 'boolean', default: false },
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
	if (positionals.length !== 1) usageError('angiv præcis én fil.', USAGE);
	const path = resolve(positionals[0]!);
	const config = loadConfig();
	const progress = progressLine('DAR-adresser læst');
	const db = openDatabaseOrExit(config.databasePath);
	try {
		const summary = await importDarExtract({
			db,
			path,
			lockPath: lockPathFor(config.databasePath),
			allowShrink: values['allow-shrink'],
			onProgress: values.quiet
				? undefined
				: ({ phase, rowsRead, elapsedMs }) => {
						if (phase === 'read') return progress.update(rowsRead, elapsedMs);
						progress.done();
						process.stderr.write('Alle rækker er gyldige; udskifter tabellen og bygger indeks …\n');
					},
		});
		progress.done();
		if (values.json)
			process.stdout.write(`${JSON.stringify({ status: 'succeeded', ...summary })}\n`);
		else process.stdout.write(formatSummary(summary));
		return EXIT.ok;
	} catch (error) {
		progress.done();
		return reportImportFailure('DAR-importen', error, values.json === true);
	} finally {
		db.$client.close();
	}
}

process.exitCode = await main();
