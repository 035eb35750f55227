/** `npm run register -- stats [--json]`: the register in numbers for operators and monitoring. */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/lib/server/config';
import { registerStats } from '../src/lib/server/services/register-stats';
import { EXIT, openDatabaseOrExit, usageError } from './lib/cli';

const USAGE = `Brug: npm run register -- stats [--json]`;

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: { json: { type: 'boolean', default: false } },
});
if (positionals[0] !== 'stats' || positionals.length !== 1) usageError('ukendt kommando.', USAGE);

const db = openDatabaseOrExit(loadConfig().databasePath);
const stats = registerStats(db);
db.$client.close();
if (values.json) {
	process.stdout.write(`${JSON.stringify(stats)}\n`);
} else {
	const run = stats.lastSorRun;
	process.stdout.write(
		[
			`Institutionsejere (aktive):      ${stats.owners}`,
			`Helhedsplejeleverandører:        ${stats.providers}`,
			`Helhedsplejeleverandørsteder:    ${stats.localitiesActive} aktive, ${stats.localitiesClosed} lukkede`,
			`Seneste SOR-kørsel:              ${run ? `${run.status}, udtræk ${run.snapshotDate ?? '-'}, ${run.finishedAt ?? run.startedAt}${run.isSampleData ? ' (eksempeldata)' : ''}` : 'ingen'}`,
		].join('\n') + '\n',
	);
}
process.exitCode = EXIT.ok;
