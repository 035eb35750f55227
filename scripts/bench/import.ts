/**
 * `npm run bench:import`: imports a national-size generated SOR file (≥ 150 000 entities) into a
 * fresh database and compares it with a bare streaming parse of the same file, measured in the
 * same run. Targets (issue 2): import wall time ≤ 2 × bare parse; peak RSS ≤ 300 MB.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const SCALE = Number(process.env.BENCH_SCALE ?? 100);
const dir = resolve('tmp/bench');
const sorFile = join(dir, `sor-sample-x${SCALE}.xml`);
const darFile = join(dir, `dar-sample-x${SCALE}.csv`);
mkdirSync(dir, { recursive: true });

if (!existsSync(sorFile) || !existsSync(darFile)) {
	process.stdout.write(`Genererer eksempeldata ×${SCALE} i ${dir} …\n`);
	execFileSync(
		'npx',
		['tsx', 'scripts/sample/generate.ts', '--scale', String(SCALE), '--out-dir', dir, '--plain'],
		{ stdio: 'inherit' },
	);
}

interface Measurement {
	entities: number;
	wallMs: number;
	maxRssMb: number;
	phases: Record<string, number>;
}

// Measured under the Node flags `npm run import:sor` runs with (its heap limit), read from
// package.json so the two cannot drift apart.
const importScript = (
	JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }
).scripts['import:sor']!;
const nodeFlags = importScript
	.split(/\s+/)
	.filter((word) => word.startsWith('--') && word !== '--import');

function run(args: string[]): Measurement {
	const result = spawnSync(
		process.execPath,
		[...nodeFlags, '--import', 'tsx', 'scripts/bench/import-worker.ts', ...args],
		{
			encoding: 'utf8',
			maxBuffer: 10 * 1024 * 1024,
		},
	);
	if (result.status !== 0) throw new Error(`Måling fejlede: ${result.stderr}`);
	const line = result.stdout.trim().split('\n').at(-1)!;
	return JSON.parse(line) as Measurement;
}

const dbPath = join(dir, 'bench-import.sqlite');
for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });

const sizeMb = statSync(sorFile).size / 1024 / 1024;
const parse = run(['parse', sorFile]);
const dar = run(['dar', darFile, dbPath]);
const imported = run(['import', sorFile, dbPath]);

const ratio = imported.wallMs / parse.wallMs;
const fmt = (n: number, digits = 1) => n.toLocaleString('da-DK', { maximumFractionDigits: digits });
process.stdout.write(
	[
		`Node-flag som npm run import:sor: ${nodeFlags.join(' ') || '(ingen)'}`,
		`SOR-fil: ${sorFile} (${fmt(sizeMb)} MB, ${fmt(parse.entities, 0)} enheder)`,
		`Bar parsing:  ${fmt(parse.wallMs / 1000, 2)} s, ${fmt((parse.entities * 1000) / parse.wallMs, 0)} enheder/s, maks. RSS ${fmt(parse.maxRssMb)} MB`,
		`(Forberedelse: DAR-udtræk med ${fmt(dar.entities, 0)} adresser indlæst på ${fmt(dar.wallMs / 1000, 2)} s, så importen validerer mod DAR.)`,
		`Fuld import:  ${fmt(imported.wallMs / 1000, 2)} s, ${fmt((imported.entities * 1000) / imported.wallMs, 0)} enheder/s, maks. RSS ${fmt(imported.maxRssMb)} MB`,
		`Forhold import/parsing: ${fmt(ratio, 2)} (mål ≤ 2)   RSS: ${fmt(imported.maxRssMb)} MB (mål ≤ 300)`,
		`Importens faser (ms): ${Object.entries(imported.phases)
			.map(([phase, ms]) => `${phase} ${ms}`)
			.join(', ')}`,
		`Resultat: ${ratio <= 2 && imported.maxRssMb <= 300 ? 'MÅL NÅET' : 'MÅL IKKE NÅET'}`,
	].join('\n') + '\n',
);
